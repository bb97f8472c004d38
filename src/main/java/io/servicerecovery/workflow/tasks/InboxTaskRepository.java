package io.servicerecovery.workflow.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.servicerecovery.common.KeysetPosition;
import io.servicerecovery.common.SearchText;
import io.servicerecovery.workflow.RecoveryStep;

/** The inbox table, read in inbox order: priority (highest first), then due time, then task id. */
@ApplicationScoped
public class InboxTaskRepository implements PanacheRepositoryBase<InboxTask, String> {

    /** Which tasks a list asks for; null fields do not filter. */
    public record Query(String me, TaskInbox.AssigneeFilter assignee, TaskCandidates.Candidacy candidacy,
            RecoveryStep type, UUID caseId, String search, KeysetPosition after) {
    }

    /** At most {@code max} tasks of the query after its position, in inbox order. */
    public List<InboxTask> page(Query query, int max) {
        StringBuilder where = new StringBuilder("(proposedBy is null or proposedBy <> :me)");
        Parameters params = Parameters.with("me", query.me());
        switch (query.assignee() == null ? Assigned.MINE_OR_FREE : Assigned.valueOf(query.assignee().name())) {
            case ME -> where.append(" and assignee = :me");
            case UNASSIGNED -> {
                String candidate = candidateClause(query.candidacy(), params);
                if (candidate == null) {
                    return List.of();
                }
                where.append(" and assignee is null and ").append(candidate);
            }
            case MINE_OR_FREE -> {
                String candidate = candidateClause(query.candidacy(), params);
                where.append(candidate == null ? " and assignee = :me"
                        : " and (assignee = :me or (assignee is null and " + candidate + "))");
            }
        }
        if (query.type() != null) {
            where.append(" and step = :type");
            params.and("type", query.type());
        }
        if (query.caseId() != null) {
            where.append(" and caseId = :case");
            params.and("case", query.caseId());
        }
        String search = query.search() == null ? "" : SearchText.fold(query.search().replace("|", " "));
        if (!search.isEmpty()) {
            // Part of the case's reference, the customer's id or name, as an agent types it when the customer
            // calls back, without caring for case or accents. A contains match uses no index of its own: the
            // query walks the inbox order index and stops at the page's end (see docs/console.md, Inbox).
            where.append(" and searchKey like :search escape '!'");
            params.and("search", "%" + escaped(search) + "%");
        }
        KeysetPosition after = query.after();
        if (after != null) {
            where.append(" and (priority < :p or (priority = :p and (dueAt > :d or (dueAt = :d and taskId > :id))))");
            params.and("p", after.rank()).and("d", after.at()).and("id", after.id().toString());
        }
        where.append(" order by priority desc, dueAt asc, taskId asc");
        return find(where.toString(), params).range(0, max - 1).list();
    }

    /**
     * The approvals a manager may decide, oldest first (a request waits in the order it came;
     * the one waiting longest is nearest to its escalation): theirs and the free ones of
     * their levels, never their own proposals.
     */
    public List<InboxTask> approvalsOldestFirst(String me, List<io.servicerecovery.empowerment.Level> levels,
            String customer, int max) {
        StringBuilder where = new StringBuilder("step = :step and proposedBy <> :me and (assignee = :me");
        Parameters params = Parameters.with("step", RecoveryStep.APPROVAL).and("me", me);
        if (!levels.isEmpty()) {
            where.append(" or (assignee is null and approverLevel in :levels)");
            params.and("levels", levels);
        }
        where.append(")");
        if (customer != null && !customer.isBlank()) {
            where.append(" and lower(customerName) like :customer escape '!'");
            params.and("customer", containing(customer));
        }
        return find(where + " order by createdAt, taskId", params).range(0, max - 1).list();
    }

    /** A LIKE pattern for "contains", case-insensitive, with the pattern's own characters escaped. */
    private static String containing(String text) {
        return "%" + escaped(text.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
    }

    private static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Rows written before their search key existed (V12), a batch at a time. */
    public List<InboxTask> withoutSearchKey(int max) {
        return find("searchKey is null").range(0, max - 1).list();
    }

    /** The tasks the caller is a candidate for, as a clause; its parameters are added only with it. */
    private static String candidateClause(TaskCandidates.Candidacy candidacy, Parameters params) {
        List<String> parts = new ArrayList<>();
        if (candidacy.agentTasks()) {
            parts.add("approverLevel is null");
        }
        if (!candidacy.approvalLevels().isEmpty()) {
            parts.add("approverLevel in :levels");
            params.and("levels", candidacy.approvalLevels());
        }
        return parts.isEmpty() ? null : "(" + String.join(" or ", parts) + ")";
    }

    private enum Assigned {
        ME,
        UNASSIGNED,
        MINE_OR_FREE
    }
}
