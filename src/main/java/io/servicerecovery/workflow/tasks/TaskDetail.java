package io.servicerecovery.workflow.tasks;

import io.servicerecovery.cases.CaseView;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.compensation.Recommendation;
import java.util.List;

import io.servicerecovery.empowerment.EffectiveLimits;
import io.servicerecovery.empowerment.Level;

/**
 * A task with everything needed to do it: the whole case (so nobody asks the customer
 * again), and for a proposal the recommendation and the caller's own limits.
 */
public record TaskDetail(
        TaskSummary task,
        CaseView caseContext,
        Recommendation recommendedCompensation,
        Empowerment yourEmpowerment,
        CompensationView proposal) {

    /** The caller's level and what they may still grant on their own, per currency. */
    public record Empowerment(Level level, List<EffectiveLimits> limits) {
    }
}
