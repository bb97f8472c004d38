package io.servicerecovery.notify.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.servicerecovery.common.DomainException;

/**
 * A subscriber sends FAILED deliveries again, once its receiver works: one by one or all at once. A resent
 * delivery is PENDING with a fresh round of attempts; the dispatcher's order rule holds for it as for any
 * pending one, so the resent events of a case go out in the order they happened. An event of the case that
 * was delivered meanwhile stays delivered: the resent one then arrives after it (receivers order by
 * occurredAt, as the guide says).
 */
@ApplicationScoped
public class WebhookResends {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookEventRepository events;
    private final Clock clock;

    public WebhookResends(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            WebhookEventRepository events, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
    }

    /** How many FAILED deliveries a bulk resend made pending again. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WebhookResendAnswer")
    public record Resent(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "FAILED deliveries now "
                    + "PENDING again, each with a fresh round of attempts") int resent) {
    }

    @Transactional
    public WebhookDeliveryView resend(String clientId, UUID subscriptionId, UUID deliveryId) {
        WebhookSubscription s = own(clientId, subscriptionId);
        WebhookDelivery delivery = deliveries.findByIdOptional(deliveryId)
                .filter(d -> d.subscriptionId.equals(s.id))
                .orElseThrow(() -> DomainException.notFound("Webhook delivery " + deliveryId));
        if (!deliveries.resend(delivery.id, s.id, now())) {
            throw new DomainException.Conflict("webhook-delivery-not-failed", "Delivery not failed",
                    "Only a FAILED delivery can be resent; this one is " + delivery.status + ".", Map.of("deliveryStatus", delivery.status.name()));
        }
        deliveries.getEntityManager().refresh(delivery);
        return WebhookDeliveryView.of(delivery, events.findById(delivery.eventId));
    }

    @Transactional
    public Resent resendFailed(String clientId, UUID subscriptionId) {
        WebhookSubscription s = own(clientId, subscriptionId);
        return new Resent(deliveries.resendFailed(s.id, now()));
    }

    private WebhookSubscription own(String clientId, UUID id) {
        return subscriptions.findActive(id, clientId)
                .orElseThrow(() -> DomainException.notFound("Webhook subscription " + id));
    }

    private Instant now() {
        // Microseconds, as the dispatcher stores them: a lease read back equals the one written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
