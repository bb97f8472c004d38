package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The proposals of a period, as the simulation replays them. Implemented by the
 * compensation feature, which owns proposals.
 */
public interface ProposalHistory {

    List<PastProposal> between(Instant from, Instant to);

    /** For a discount {@code amount} is the percent and {@code currency} the one whose limits applied. */
    record PastProposal(String proposedBy, Instant proposedAt, EmpowermentService.Ask ask, boolean wasApprovedAtOnce) {
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
