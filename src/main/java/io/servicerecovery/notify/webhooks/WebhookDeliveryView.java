package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event for one subscription and how its sending went. */
public record WebhookDeliveryView(
        UUID id,
        @Schema(description = "The event id, sent as webhook-id with every attempt") UUID eventId,
        String type,
        UUID caseId,
        Instant occurredAt,
        WebhookDelivery.Status status,
        @Schema(description = "Attempts since the delivery was created or last resent") int attempts,
        @Schema(description = "How often it was resent after it had FAILED") int resends,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        @Schema(description = "When the next attempt is due (pending deliveries only)") Instant nextAttemptAt,
        Instant deliveredAt) {

    static WebhookDeliveryView of(WebhookDelivery d, WebhookEvent e) {
        return new WebhookDeliveryView(d.id, e.id, e.type, e.caseId, e.occurredAt, d.status, d.attempts, d.resends,
                d.lastStatusCode, d.lastError, d.createdAt, d.lastAttemptAt,
                d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt);
    }
}
