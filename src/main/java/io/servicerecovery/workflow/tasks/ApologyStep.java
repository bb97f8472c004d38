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
 * (refused with findings when it fails); the process then sends the follow-up email beside the compensation.
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
     * The answer of an APOLOGY task. The compensation step opens in the same transaction (the follow-up email
     * goes beside it), so the case is AWAITING_COMPENSATION.
     */
    public record Given(String taskId, UUID caseId, ApologyCompletion.DeliveredVia deliveredVia) implements StepResult {
        @Override
        public RecoveryStep type() {
            return RecoveryStep.APOLOGY;
        }

        @Override
        public CaseStatus caseStatus() {
            return CaseStatus.AWAITING_COMPENSATION;
        }
    }

    @Override
    public Outcome<Given> decide(OpenTask task, ApologyCompletion request, CurrentUser user) {
        review.requirePassingApology(task.caseId(), request.message(), user.id());
        progress.apologyGiven(task.caseId(), user.id(), request.message().strip(), request.deliveredVia().name());
        // The process routes on nothing the apology decides: the email and the compensation come next either way.
        return new Outcome<>(new Given(task.id(), task.caseId(), request.deliveredVia()), Variables.createVariables());
    }
}
