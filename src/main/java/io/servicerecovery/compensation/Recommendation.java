package io.servicerecovery.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


/**
 * What the compensation matrix recommends, turned into an offer the agent can make:
 * a credit as a share of the order value, or a discount in percent.
 */
public record Recommendation(CompensationType type,
        BigDecimal amount, String currency,
        @Schema(description = "A credit's share of the order value; a discount's percent. Without an order value a "
                + "credit is recommended as a discount of that percent") int percent) {

    public static Recommendation none() {
        return new Recommendation(CompensationType.NONE, null, null, 0);
    }

    /**
     * @param type    the matrix' type
     * @param percent for a credit, the share of the order value; for a discount, the discount
     */
    public static Recommendation of(CompensationType type, int percent, BigDecimal orderAmount, String orderCurrency) {
        if (type == CompensationType.NONE || percent <= 0) {
            return none();
        }
        if (type == CompensationType.CREDIT) {
            if (orderAmount == null) {
                // Without an order value a credit has no base; a discount on the next purchase does.
                return new Recommendation(CompensationType.DISCOUNT_PERCENT, BigDecimal.valueOf(percent), null, percent);
            }
            int digits = Math.max(0, Currency.getInstance(orderCurrency).getDefaultFractionDigits());
            BigDecimal credit = orderAmount.multiply(BigDecimal.valueOf(percent))
                    .divide(BigDecimal.valueOf(100), Math.min(digits, 2), RoundingMode.HALF_UP);
            return new Recommendation(CompensationType.CREDIT, credit, orderCurrency, percent);
        }
        return new Recommendation(CompensationType.DISCOUNT_PERCENT, BigDecimal.valueOf(percent), null, percent);
    }
}
