package io.servicerecovery.compensation;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.ProblemMappers;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.support.Recovery;

/**
 * The compensation rules (proposals, approvals, escalation) on their own, without the process: each test works in a
 * transaction that is rolled back, so budgets and proposals are as they were.
 */
@QuarkusTest
class CompensationServiceTest {

    @Inject
    CompensationService compensation;
    @Inject
    ApprovalService approvals;
    @Inject
    UserTransaction transaction;

    UUID caseId;
    String agent;

    @BeforeEach
    void aCaseAndAnAgentOfTheirOwn() {
        caseId = UUID.fromString(Recovery.open("crm-acme", aCase()));
        agent = "agent-comp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCreditWithinTheAgentsLimitsIsApprovedAndGrantedInTheSameTransaction() {
        ProposalDecision decision = rolledBack(() -> compensation.propose(caseId, agent, credit("20.00"), "EUR"));

        assertThat(decision.decision()).isEqualTo(ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT);
        assertThat(decision.grant().amount()).isEqualByComparingTo("20.00");
        assertThat(decision.grant().approvedBy()).isEqualTo(agent);
        assertThat(decision.approverLevel()).isNull();
    }

    @Test
    void aCreditAboveTheLimitsWaitsForTheLowestApprovingLevelThatCoversIt() {
        ProposalDecision decision = rolledBack(() -> compensation.propose(caseId, agent, credit("120.00"), "EUR"));

        assertThat(decision.decision()).isEqualTo(ProposalOutcome.PENDING_APPROVAL);
        assertThat(decision.approverLevel()).isEqualTo(Level.TEAM_LEAD);
        assertThat(decision.escalateAfter()).isEqualTo(Duration.ofHours(4));
        assertThat(decision.grant()).isNull();
    }

    @Test
    void noCompensationCarriesNoAmount() {
        assertThatThrownBy(() -> rolledBack(() -> compensation.propose(caseId, agent,
                new ProposalRequest(CompensationType.NONE, new BigDecimal("5.00"), null, "Nothing"), "EUR")))
                .isInstanceOfSatisfying(DomainException.class, p -> assertThat(ProblemMappers.statusOf(p)).isEqualTo(422));
    }

    @Test
    void nobodyDecidesTheirOwnProposal() {
        assertThatThrownBy(() -> rolledBack(() -> {
            compensation.propose(caseId, agent, credit("120.00"), "EUR");
            return approvals.decide(caseId, agent, approve(null));
        })).isInstanceOfSatisfying(DomainException.class, p -> assertThat(ProblemMappers.statusOf(p)).isEqualTo(403));
    }

    @Test
    void aRejectionNeedsANoteForTheAgent() {
        assertThatThrownBy(() -> rolledBack(() -> {
            compensation.propose(caseId, agent, credit("120.00"), "EUR");
            return approvals.decide(caseId, "manager-max",
                    new ApprovalRequest(ApprovalRequest.Decision.REJECT, null, " "));
        })).isInstanceOfSatisfying(DomainException.class, p -> assertThat(ProblemMappers.statusOf(p)).isEqualTo(422));
    }

    @Test
    void anApproverMayGrantLessThanProposedButNeverMore() {
        assertThatThrownBy(() -> rolledBack(() -> {
            compensation.propose(caseId, agent, credit("120.00"), "EUR");
            return approvals.decide(caseId, "manager-max", approve("200.00"));
        })).isInstanceOfSatisfying(DomainException.class, p -> assertThat(ProblemMappers.statusOf(p)).isEqualTo(422));

        ProposalDecision decision = rolledBack(() -> {
            compensation.propose(caseId, agent, credit("120.00"), "EUR");
            return approvals.decide(caseId, "manager-max", approve("100.00"));
        });
        assertThat(decision.decision()).isEqualTo(ProposalOutcome.APPROVED);
        assertThat(decision.grant().amount()).isEqualByComparingTo("100.00");
        assertThat(decision.grant().approvedBy()).isEqualTo("manager-max");
    }

    @Test
    void anUndecidedApprovalClimbsOneLevelAtATimeAndStaysAtTheTop() {
        ApprovalService.Routing[] routes = rolledBack(() -> {
            compensation.propose(caseId, agent, credit("120.00"), "EUR");
            return new ApprovalService.Routing[] { approvals.escalate(caseId), approvals.escalate(caseId),
                    approvals.escalate(caseId) };
        });

        assertThat(routes).extracting(ApprovalService.Routing::approverLevel)
                .containsExactly(Level.MANAGER, Level.DIRECTOR, Level.DIRECTOR);
        assertThat(routes[0].escalateAfter()).isEqualTo(Duration.ofHours(8));
        assertThat(routes[2].escalateAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void escalatingWithoutAPendingProposalIsAConflict() {
        assertThatThrownBy(() -> rolledBack(() -> approvals.escalate(caseId)))
                .isInstanceOfSatisfying(DomainException.class, p -> assertThat(ProblemMappers.statusOf(p)).isEqualTo(409));
    }

    private static ProposalRequest credit(String amount) {
        return new ProposalRequest(CompensationType.CREDIT, new BigDecimal(amount), "EUR", "Late delivery");
    }

    private static ApprovalRequest approve(String amount) {
        return new ApprovalRequest(ApprovalRequest.Decision.APPROVE, amount == null ? null : new BigDecimal(amount),
                null);
    }

    /** Runs the work in a transaction of its own and rolls it back, whatever happens. */
    private <T> T rolledBack(Callable<T> work) {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                transaction.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
