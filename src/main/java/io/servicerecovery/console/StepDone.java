package io.servicerecovery.console;

import java.util.Locale;

import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.workflow.tasks.ProposalStep;

/**
 * What the agent just did on the case page, carried through the redirect after a step's form as a short code
 * ({@code ?done=apology}) so that the page can confirm it in words without free text in the URL. A code the page
 * does not know confirms nothing.
 */
public enum StepDone {
    ACCOUNTABILITY,
    APOLOGY,
    GRANTED,
    APPROVAL,
    NOTHING,
    CLAIMED,
    RELEASED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StepDone parse(String code) {
        if (code == null) {
            return null;
        }
        for (StepDone done : values()) {
            if (done.code().equals(code)) {
                return done;
            }
        }
        return null;
    }

    /** A proposal's answer: granted at once, sent for approval, or nothing given. */
    static StepDone ofProposal(Object result) {
        if (result instanceof ProposalStep.Decided decided) {
            if (decided.decision() == ProposalOutcome.PENDING_APPROVAL) {
                return APPROVAL;
            }
            return decided.grant() == null ? NOTHING : GRANTED;
        }
        return null;
    }
}
