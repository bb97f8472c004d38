package io.servicerecovery.tasks;

import io.servicerecovery.cases.CaseView;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.compensation.Recommendation;
import io.servicerecovery.empowerment.Limits;

/**
 * A task with everything needed to do it: the whole case (so nobody asks the customer
 * again), and for a proposal the recommendation and the caller's own limits.
 */
public record TaskDetail(
        TaskSummary task,
        CaseView caseContext,
        Recommendation recommendedCompensation,
        Limits yourEmpowerment,
        CompensationView proposal) {
}
