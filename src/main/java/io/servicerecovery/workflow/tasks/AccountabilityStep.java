package io.servicerecovery.workflow.tasks;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.variable.Variables;

import io.servicerecovery.apology.ApologyReview;
import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * ACCOUNTABILITY: the agent owns the failure in their own words (no blame of the customer)
 * and becomes the case's accountable agent; the apology is theirs next.
 */
@ApplicationScoped
public class AccountabilityStep implements StepHandler<AccountabilityCompletion, AccountabilityStep.Taken> {

    private final ApologyReview review;
    private final CaseProgress progress;

    public AccountabilityStep(ApologyReview review, CaseProgress progress) {
        this.review = review;
        this.progress = progress;
    }

    /** The answer of an ACCOUNTABILITY task: the case now waits for the same agent's apology. */
    public record Taken(String taskId, UUID caseId, String accountableAgent, String rootCause) implements StepResult {
        @Override
        public RecoveryStep type() {
            return RecoveryStep.ACCOUNTABILITY;
        }

        @Override
        public CaseStatus caseStatus() {
            return CaseStatus.AWAITING_APOLOGY;
        }
    }

    @Override
    public Outcome<Taken> decide(OpenTask task, AccountabilityCompletion request, CurrentUser user) {
        review.requirePassingStatement(task.caseId(), request.statement());
        progress.accountabilityTaken(task.caseId(), user.id(), request.statement().strip(), request.rootCause());
        return new Outcome<>(new Taken(task.id(), task.caseId(), user.id(), request.rootCause()),
                Variables.createVariables().putValue(ProcessVariables.ACCOUNTABLE_AGENT, user.id()));
    }
}
