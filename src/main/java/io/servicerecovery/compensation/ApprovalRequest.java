package io.servicerecovery.compensation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.servicerecovery.common.FreeText;

/**
 * The APPROVAL task's completion body. {@code amount} may be smaller than proposed;
 * left out, the proposed amount is approved. A rejection needs a note for the agent.
 */
@Schema // a component of the API document of its own, for completeTask's oneOf of step bodies (StepHandlers)
public record ApprovalRequest(
        @NotNull Decision decision,
        @DecimalMin(value = "0.00", inclusive = false, message = "must be positive")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal amount,
        @Size(max = 2000) @FreeText String note) {

    public enum Decision {
        APPROVE,
        REJECT
    }
}
