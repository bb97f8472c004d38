package io.servicerecovery.workflow.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.servicerecovery.common.FreeText;

/** APOLOGY: the apology as the agent gave it, and how; the process then follows up by email. */
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
