package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.timeline.TimelineRecorded;
import io.servicerecovery.common.Json;

/**
 * Turns case events into webhook deliveries, in the transaction of the change itself: the
 * event and its deliveries commit with the change or not at all, so a CRM never hears of a
 * change that rolled back and never misses one that committed.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final CaseRepository cases;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookEventRepository events;
    private final WebhookDeliveryRepository deliveries;
    private final Json json;
    private final TransactionSynchronizationRegistry transaction;

    /** The key of this transaction's {@link #activeSubscriptionsOf} answers. */
    private static final Object ACTIVE_SUBSCRIPTIONS = new Object();

    public WebhookOutbox(CaseRepository cases, WebhookSubscriptionRepository subscriptions,
            WebhookEventRepository events, WebhookDeliveryRepository deliveries, Json json,
            TransactionSynchronizationRegistry transaction) {
        this.cases = cases;
        this.subscriptions = subscriptions;
        this.events = events;
        this.deliveries = deliveries;
        this.json = json;
        this.transaction = transaction;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes TimelineRecorded recorded) {
        WebhookEventType type = WebhookEventType.of(recorded.kind()).orElse(null);
        if (type == null) {
            return;
        }
        RecoveryCase c = cases.findById(recorded.caseId());
        if (c == null) {
            throw new IllegalStateException("Case " + recorded.caseId() + " does not exist");
        }
        List<WebhookSubscription> wanting = activeSubscriptionsOf(c.clientId).stream()
                .filter(s -> s.wants(type)).toList();
        if (wanting.isEmpty()) {
            // Nobody listens: an event nobody will ever be sent is not kept.
            return;
        }
        WebhookEvent event = new WebhookEvent();
        event.id = recorded.entryId();
        event.clientId = c.clientId;
        event.caseId = c.id;
        event.type = type.wireName();
        event.occurredAt = recorded.at();
        event.payload = json.write(payload(event, c, recorded));
        events.persist(event);
        Instant now = recorded.at();
        for (WebhookSubscription subscription : wanting) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.eventId = event.id;
            delivery.subscriptionId = subscription.id;
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            deliveries.persist(delivery);
        }
    }

    /**
     * The client's active subscriptions, read once per transaction: one step records several timeline entries
     * (completing a compensation records the proposal, the approval, the grant and the recovery), and each
     * would otherwise query the subscriptions again. A subscription is created or ended in a request of its
     * own, never inside a step.
     */
    @SuppressWarnings("unchecked")
    private List<WebhookSubscription> activeSubscriptionsOf(String clientId) {
        Map<String, List<WebhookSubscription>> known = (Map<String, List<WebhookSubscription>>) transaction
                .getResource(ACTIVE_SUBSCRIPTIONS);
        if (known == null) {
            known = new HashMap<>();
            transaction.putResource(ACTIVE_SUBSCRIPTIONS, known);
        }
        return known.computeIfAbsent(clientId, subscriptions::activeOf);
    }

    private static Map<String, Object> payload(WebhookEvent event, RecoveryCase c, TimelineRecorded recorded) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id.toString());
        data.put("externalRef", c.externalRef);
        data.put("status", c.status.name());
        data.put("summary", recorded.summary());
        data.put("details", recorded.details() == null ? Map.of() : recorded.details());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", event.id.toString());
        payload.put("type", event.type);
        payload.put("occurredAt", event.occurredAt.toString());
        payload.put("data", data);
        return payload;
    }
}
