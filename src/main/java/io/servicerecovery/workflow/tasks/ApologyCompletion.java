package io.servicerecovery.workflow.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.servicerecovery.common.FreeText;

/** APOLOGY: the apology as the agent gave it, and how; the process then follows up by email. */
@Schema // a component of the API document of its own, for completeTask's oneOf of step bodies (StepHandlers)
public record ApologyCompletion(
        @NotBlank @Size(min = 20, max = 4000) @FreeText String message,
        @NotNull DeliveredVia deliveredVia) {

    public enum DeliveredVia {
        PHONE,
        CHAT,
        EMAIL,
        IN_PERSON
    }
}
