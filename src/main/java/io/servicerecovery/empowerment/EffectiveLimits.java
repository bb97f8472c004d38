package io.servicerecovery.empowerment;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one person may grant on their own in one currency: the level's limits with their
 * overrides applied. A null cap or budget means none; {@code usedInWindow} is what they
 * approved in the last 24 hours.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EffectiveLimits(
        String currency,
        @Schema(description = "null: no cap") BigDecimal maxCreditPerCase,
        int maxDiscountPercent,
        @Schema(description = "Credits in any rolling 24 hours; null: no budget") BigDecimal dailyBudget,
        @Schema(description = "What this person granted or approved in this currency in the last 24 hours") BigDecimal usedInWindow) {

    /** Whether a credit of this amount fits the per-case cap and what is left of the budget. */
    public boolean coversCredit(BigDecimal amount) {
        return (maxCreditPerCase == null || amount.compareTo(maxCreditPerCase) <= 0)
                && (dailyBudget == null || usedInWindow.add(amount).compareTo(dailyBudget) <= 0);
    }

    public boolean coversDiscount(BigDecimal percent) {
        return percent.compareTo(BigDecimal.valueOf(maxDiscountPercent)) <= 0;
    }

    public BigDecimal remainingBudget() {
        return dailyBudget == null ? null : dailyBudget.subtract(usedInWindow).max(BigDecimal.ZERO);
    }
}
