package io.servicerecovery.workflow.tasks;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.camunda.bpm.engine.variable.Variables;

import io.servicerecovery.apology.ApologyReview;
import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.common.CaseLogContext;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * ACCOUNTABILITY: the agent owns the failure in their own words (no blame of the customer)
 * and becomes the case's accountable agent; the apology is theirs next.
 */
@ApplicationScoped
public class AccountabilityStep {

    private final StepCompletion steps;
    private final ApologyReview review;
    private final CaseProgress progress;

    public AccountabilityStep(StepCompletion steps, ApologyReview review, CaseProgress progress) {
        this.steps = steps;
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

    @Transactional
    public Taken complete(String taskId, @NotNull @Valid AccountabilityCompletion request, CurrentUser user) {
        OpenTask task = steps.held(taskId, RecoveryStep.ACCOUNTABILITY, user);
        try (CaseLogContext log = task.logContext()) {
            review.requirePassingStatement(task.caseId(), request.statement());
            progress.accountabilityTaken(task.caseId(), user.id(), request.statement().strip(), request.rootCause());
            steps.finish(task, user, Variables.createVariables()
                    .putValue(ProcessVariables.ACCOUNTABLE_AGENT, user.id()));
            return new Taken(task.id(), task.caseId(), user.id(), request.rootCause());
        }
    }
}
