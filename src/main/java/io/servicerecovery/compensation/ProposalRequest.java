package io.servicerecovery.compensation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.servicerecovery.common.IsoCurrency;
import io.servicerecovery.common.SingleLine;

/**
 * The COMPENSATION task's completion body. For a credit {@code amount} is money in
 * {@code currency}; for a discount it is the percent, in (0, 100]; NONE has no amount.
 */
@Schema // a component of the API document of its own, for completeTask's oneOf of step bodies (StepHandlers)
public record ProposalRequest(
        @NotNull CompensationType type,
        @DecimalMin(value = "0.00", inclusive = false, message = "must be positive")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal amount,
        @IsoCurrency String currency,
        @NotBlank @Size(max = 2000) @SingleLine String reason) {
}
