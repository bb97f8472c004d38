package io.servicerecovery.notify.webhooks;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.servicerecovery.common.SingleLine;

/** A subscription as a CRM asks for it. The id, the secret and the dates are the server's. */
public record WebhookSubscriptionRequest(
        @Schema(description = "Where to POST the events: http or https", examples = "https://crm.example.com/hooks/recovery")
        @NotBlank @Size(max = 2000) @SingleLine String url,
        @Schema(description = "Event types to receive, or [\"*\"] for all", examples = "[\"case.opened\", \"case.recovered\"]")
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 60) @SingleLine String> events) {
}
