package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * Outbox rows written straight to the database, for tests that need a state the API cannot make quickly (a
 * backlog, a delivery long past its retention, one claimed by a replica that died). Returned unsaved: the
 * test persists them in its own transaction and sets whatever else it needs.
 */
final class WebhookRows {

    /** The Standard Webhooks test vector's secret: any valid secret does, this one is known to verifiers. */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private WebhookRows() {
    }

    static WebhookSubscription subscription(String crm, String url, boolean active, Instant createdAt) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.clientId = crm;
        subscription.url = url;
        subscription.events = "*";
        subscription.secret = SECRET;
        subscription.createdAt = createdAt;
        subscription.active = active;
        return subscription;
    }

    /** An event with the envelope a receiver reads ({@code id}, {@code type}, {@code data.caseId}). */
    static WebhookEvent event(String crm, UUID caseId, String type, Instant occurredAt) {
        WebhookEvent event = new WebhookEvent();
        event.id = UUID.randomUUID();
        event.clientId = crm;
        event.caseId = caseId;
        event.type = type;
        event.payload = "{\"id\":\"" + event.id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"data\":{\"caseId\":\"" + caseId + "\"}}";
        event.occurredAt = occurredAt;
        return event;
    }

    /** A delivery created, due and (when DELIVERED) delivered at {@code at}. */
    static WebhookDelivery delivery(UUID eventId, UUID subscriptionId, WebhookDelivery.Status status, Instant at) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.eventId = eventId;
        delivery.subscriptionId = subscriptionId;
        delivery.status = status;
        delivery.createdAt = at;
        delivery.nextAttemptAt = at;
        delivery.deliveredAt = status == WebhookDelivery.Status.DELIVERED ? at : null;
        return delivery;
    }
}
