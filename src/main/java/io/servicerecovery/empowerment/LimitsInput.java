package io.servicerecovery.empowerment;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.servicerecovery.common.IsoCurrency;

/**
 * Limits in one currency as managers write them. Left out, a cap or budget means "none"
 * for a level and "inherit the level's" for a personal override.
 */
public record LimitsInput(
        @NotNull @IsoCurrency String currency,
        @DecimalMin(value = "0.00", inclusive = false, message = "must be positive")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal maxCreditPerCase,
        @Min(value = 0, message = "must be between 0 and 100") @Max(value = 100, message = "must be between 0 and 100")
        Integer maxDiscountPercent,
        @DecimalMin(value = "0.00", inclusive = false, message = "must be positive")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal dailyBudget) {
}
