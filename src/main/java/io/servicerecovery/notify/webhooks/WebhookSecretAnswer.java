package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription with its new secret: the answer to creating it or rotating its secret, and the only time the secret is shown. */
public record WebhookSecretAnswer(
        UUID id,
        String url,
        List<String> events,
        Instant createdAt,
        @Schema(description = "The signing secret, whsec_ + base64 of the key; shown only in this answer",
                examples = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD")
        String secret,
        @Schema(description = "After a rotation: until when the replaced secret still signs")
        Instant previousSecretExpiresAt) {

    static WebhookSecretAnswer of(WebhookSubscription s, String secret, Instant now) {
        WebhookSubscriptionView view = WebhookSubscriptionView.of(s, now);
        return new WebhookSecretAnswer(view.id(), view.url(), view.events(), view.createdAt(), secret,
                view.previousSecretExpiresAt());
    }
}
