package io.servicerecovery.common;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;


/** An exact amount of money: the amount travels as a decimal string ("12.50"), never a float. */
public record Money(
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be positive")
        @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits and 2 decimals")
        BigDecimal amount,
        @NotNull @IsoCurrency String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, java.math.RoundingMode.UNNECESSARY), currency);
    }
}
