package io.servicerecovery.workflow.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.servicerecovery.common.FreeText;
import io.servicerecovery.common.SingleLine;

/** ACCOUNTABILITY: the agent owns the failure in their own words and names its root cause. */
@Schema // a component of the API document of its own, for completeTask's oneOf of step bodies (StepHandlers)
public record AccountabilityCompletion(
        @NotBlank @Size(min = 10, max = 4000) @FreeText String statement,
        @NotBlank @Size(max = 100) @SingleLine @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an upper-case code such as CARRIER_DELAY")
        // The OpenAPI pattern is ECMA-262 and matches anywhere unless anchored; @Pattern matches the whole value.
        @Schema(pattern = "^[A-Z][A-Z0-9_]*$", examples = "CARRIER_DELAY") String rootCause) {
}
