package io.servicerecovery.workflow.tasks;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.variable.Variables;

import io.servicerecovery.apology.ApologyReview;
import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * APOLOGY: the apology as the agent gave it, checked before it reaches the customer
 * (refused with findings when it fails); the process then sends the follow-up email.
 */
@ApplicationScoped
public class ApologyStep implements StepHandler<ApologyCompletion, ApologyStep.Given> {

    private final ApologyReview review;
    private final CaseProgress progress;

    public ApologyStep(ApologyReview review, CaseProgress progress) {
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

    @Override
    public Outcome<Given> decide(OpenTask task, ApologyCompletion request, CurrentUser user) {
        review.requirePassingApology(task.caseId(), request.message(), user.id());
        progress.apologyGiven(task.caseId(), user.id(), request.message().strip(), request.deliveredVia().name());
        // The process routes on nothing the apology decides: the follow-up email comes next either way.
        return new Outcome<>(new Given(task.id(), task.caseId(), request.deliveredVia()), Variables.createVariables());
    }
}
