package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its CRM sees it: never with a secret. */
public record WebhookSubscriptionView(
        UUID id,
        String url,
        List<String> events,
        Instant createdAt,
        @Schema(description = "While set, the replaced secret still signs as a second signature, until then")
        Instant previousSecretExpiresAt) {

    static WebhookSubscriptionView of(WebhookSubscription s, Instant now) {
        return new WebhookSubscriptionView(s.id, s.url, s.eventList(), s.createdAt,
                s.previousSecretAt(now) == null ? null : s.previousSecretExpiresAt);
    }
}
