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
import io.servicerecovery.compensation.CompensationRecommendations;
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
    private final CompensationRecommendations recommendations;
    private final Clock clock;

    public ApprovalCards(TaskInbox inbox, TaskLookup lookup, CaseRepository cases, CompensationQueries compensation,
            CompensationRecommendations recommendations, EmpowermentService empowerment, StaffProfiles profiles,
            Clock clock) {
        this.recommendations = recommendations;
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

    /** One approval if it still waits for this manager; empty when it was decided (or moved on) meanwhile. */
    @Transactional
    public java.util.Optional<ApprovalCard> stillOpen(String taskId, CurrentUser user) {
        try {
            return java.util.Optional.of(one(taskId, user));
        } catch (io.servicerecovery.common.DomainException.NotFound gone) {
            return java.util.Optional.empty();
        }
    }

    /** The latest decision on the case's proposal, if it has one and the case exists. */
    @Transactional
    public java.util.Optional<DecisionTaken> decisionOn(java.util.UUID caseId) {
        RecoveryCase c = caseId == null ? null : cases.findById(caseId);
        if (c == null) {
            return java.util.Optional.empty();
        }
        return compensation.viewFor(caseId).map(p -> new DecisionTaken(c.id, c.customerName, c.externalRef,
                p.outcome(), p.decidedBy() == null ? null : profiles.displayNameOf(p.decidedBy()), p.decisionNote(),
                p.grant()));
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
                next, task.assignee(), c.accountabilityStatement, c.apologyMessage, c.apologyVia,
                recommendations.forCase(c.id).orElse(null), budgetLeft(proposal), Map.of(), null, null, null, null);
    }

    /** Only a credit spends the budget, so only a credit's currency has a budget to show. */
    private BudgetLeft budgetLeft(CompensationView proposal) {
        if (proposal == null || proposal.currency() == null || proposal.proposedBy() == null) {
            return null;
        }
        return empowerment.effectiveLimits(proposal.proposedBy(), proposal.currency())
                .map(limits -> new BudgetLeft(proposal.currency(), limits.remainingBudget(), false))
                .orElse(new BudgetLeft(proposal.currency(), null, true));
    }
}
