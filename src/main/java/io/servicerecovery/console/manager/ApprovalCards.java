package io.servicerecovery.console.manager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.Money;
import io.servicerecovery.compensation.CompensationQueries;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.tasks.TaskInbox;
import io.servicerecovery.workflow.tasks.TaskLookup;
import io.servicerecovery.workflow.tasks.TaskSummary;

/** Builds the approval queue's cards from the inbox table, the cases and their latest proposals. */
@ApplicationScoped
public class ApprovalCards {

    private final TaskInbox inbox;
    private final TaskLookup lookup;
    private final CaseRepository cases;
    private final CompensationQueries compensation;
    private final EmpowermentService empowerment;
    private final StaffProfiles profiles;
    private final Clock clock;

    public ApprovalCards(TaskInbox inbox, TaskLookup lookup, CaseRepository cases, CompensationQueries compensation,
            EmpowermentService empowerment, StaffProfiles profiles, Clock clock) {
        this.inbox = inbox;
        this.lookup = lookup;
        this.cases = cases;
        this.compensation = compensation;
        this.empowerment = empowerment;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The approvals the manager may decide, oldest first. */
    @Transactional
    public List<ApprovalCard> queue(CurrentUser user, String customer, int max) {
        List<TaskSummary> tasks = inbox.approvals(user, customer, max);
        Map<java.util.UUID, RecoveryCase> byId = cases.findByIds((java.util.Collection<java.util.UUID>) tasks.stream().map(TaskSummary::caseId).toList())
                .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return tasks.stream().filter(t -> byId.containsKey(t.caseId())).map(t -> card(t, byId.get(t.caseId()))).toList();
    }

    /** One approval, if the manager may see it (404 otherwise). */
    @Transactional
    public ApprovalCard one(String taskId, CurrentUser user) {
        var task = lookup.visible(taskId, user);
        return card(task.summary(), task.recoveryCase());
    }

    private ApprovalCard card(TaskSummary task, RecoveryCase c) {
        CompensationView proposal = compensation.viewFor(c.id).orElse(null);
        Level waitingFor = proposal == null ? null : proposal.approverLevel();
        Instant since = task.created() == null ? clock.instant() : task.created();
        Instant escalatesAt = waitingFor == null ? null : since.plus(empowerment.escalateAfter(waitingFor));
        Duration left = escalatesAt == null ? Duration.ZERO : Duration.between(clock.instant(), escalatesAt);
        String next = waitingFor == null ? null : empowerment.nextApprover(waitingFor).map(Enum::name).orElse(null);
        return new ApprovalCard(task.id(), c.id, c.externalRef, c.customerName, c.repeatFailure, c.severity.name(),
                c.failureCategory, c.failureDescription,
                c.orderAmount == null ? null : new Money(c.orderAmount, c.orderCurrency), proposal,
                proposal == null ? "" : profiles.displayNameOf(proposal.proposedBy()), since,
                waitingFor == null ? "" : waitingFor.name(), escalatesAt, Durations.words(left), left.isNegative(),
                next, task.assignee(), Map.of(), null, null, null);
    }
}
