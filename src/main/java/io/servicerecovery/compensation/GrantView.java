package io.servicerecovery.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;


/** A booked grant. {@code amount} is money for a credit and the percent for a discount. */
public record GrantView(
        UUID id,
        CompensationType type,
        BigDecimal amount,
        String currency,
        String voucherCode,
        String approvedBy,
        Instant grantedAt) {

    static GrantView of(Grant grant) {
        return new GrantView(grant.id, grant.type, grant.amount, grant.currency, grant.voucherCode,
                grant.approvedBy, grant.grantedAt);
    }
}
