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
import io.servicerecovery.workflow.RecoveryStep;

/**
 * APOLOGY: the apology as the agent gave it, checked before it reaches the customer
 * (422 with findings when it fails); the process then sends the follow-up email.
 */
@ApplicationScoped
public class ApologyStep {

    private final StepCompletion steps;
    private final ApologyReview review;
    private final CaseProgress progress;

    public ApologyStep(StepCompletion steps, ApologyReview review, CaseProgress progress) {
        this.steps = steps;
        this.review = review;
        this.progress = progress;
    }

    /**
     * The answer of an APOLOGY task. The case stays AWAITING_APOLOGY (its current step
     * APOLOGY_EMAIL) until the follow-up email is sent.
     */
    public record Given(String taskId, UUID caseId, ApologyCompletion.DeliveredVia deliveredVia) implements StepResult {
        @Override
        public RecoveryStep type() {
            return RecoveryStep.APOLOGY;
        }

        @Override
        public CaseStatus caseStatus() {
            return CaseStatus.AWAITING_APOLOGY;
        }
    }

    @Transactional
    public Given complete(String taskId, @NotNull @Valid ApologyCompletion request, CurrentUser user) {
        OpenTask task = steps.held(taskId, RecoveryStep.APOLOGY, user);
        try (CaseLogContext log = task.logContext()) {
            review.requirePassingApology(task.caseId(), request.message(), user.id());
            progress.apologyGiven(task.caseId(), user.id(), request.message().strip(), request.deliveredVia().name());
            steps.finish(task, user, Variables.createVariables());
            return new Given(task.id(), task.caseId(), request.deliveredVia());
        }
    }
}
