package io.servicerecovery.notify.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.KeysetPosition;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;

/** A CRM client's webhook subscriptions: each client sees and changes only its own. */
@ApplicationScoped
public class WebhookSubscriptions {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookUrlPolicy urls;
    private final WebhookSecretStore secrets;
    private final WebhookSettings settings;
    private final Clock clock;

    public WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            WebhookUrlPolicy urls, WebhookSecretStore secrets, WebhookSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.urls = urls;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public WebhookSecretAnswer create(String clientId, WebhookSubscriptionRequest request) {
        List<String> events = eventsOf(request.events());
        urls.check(request.url());
        int limit = settings.maxSubscriptionsPerClient();
        if (subscriptions.countActiveLocked(clientId) >= limit) {
            throw new DomainException.Conflict("webhook-subscription-limit", "Too many subscriptions",
                    "A client may have " + limit + " active webhook subscriptions; delete one it no longer needs "
                            + "before subscribing again.", java.util.Map.of("limit", limit));
        }
        String secret = secrets.newSecret();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.clientId = clientId;
        s.url = request.url();
        s.events = String.join(",", events);
        s.secret = secrets.seal(secret);
        s.createdAt = clock.instant();
        s.active = true;
        subscriptions.persist(s);
        return WebhookSecretAnswer.of(s, secret, s.createdAt);
    }

    @Transactional
    public Page<WebhookSubscriptionView> list(String clientId, PageRequest page) {
        StringBuilder query = new StringBuilder("clientId = :client and active = true");
        Parameters params = Parameters.with("client", clientId);
        if (page.position() != null) {
            KeysetPosition after = KeysetPosition.parse(page.position());
            query.append(" and (createdAt < :t or (createdAt = :t and id < :id))");
            params.and("t", after.at()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        List<WebhookSubscription> found = subscriptions.find(query.toString(), params).range(0, page.limit() - 1).list();
        Instant now = clock.instant();
        String next = found.size() < page.limit() ? null
                : new KeysetPosition(found.get(found.size() - 1).createdAt,
                        found.get(found.size() - 1).id).cursor();
        return new Page<>(found.stream().map(s -> WebhookSubscriptionView.of(s, now)).toList(), next);
    }

    @Transactional
    public WebhookSubscriptionView get(String clientId, UUID id) {
        return WebhookSubscriptionView.of(own(clientId, id), clock.instant());
    }

    /** Stops the subscription; what was still pending for it is given up. Its delivery history stays. */
    @Transactional
    public void delete(String clientId, UUID id) {
        WebhookSubscription s = own(clientId, id);
        s.active = false;
        deliveries.abandonPending(s.id);
    }

    /**
     * A new secret signs from now on; the replaced one still signs, as a second signature, for the
     * grace period, so the CRM can switch without losing a webhook. A rotation within the grace
     * period of the last one drops the oldest secret.
     */
    @Transactional
    public WebhookSecretAnswer rotateSecret(String clientId, UUID id) {
        WebhookSubscription s = own(clientId, id);
        subscriptions.getEntityManager().lock(s, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        String secret = secrets.newSecret();
        s.previousSecret = s.secret;
        s.previousSecretExpiresAt = now.plus(settings.rotationGrace());
        s.secret = secrets.seal(secret);
        return WebhookSecretAnswer.of(s, secret, now);
    }

    @Transactional
    public Page<WebhookDeliveryView> deliveries(String clientId, UUID id, WebhookDelivery.Status status,
            PageRequest page) {
        WebhookSubscription s = own(clientId, id);
        StringBuilder query = new StringBuilder(
                "select d, e from WebhookDelivery d, WebhookEvent e where e.id = d.eventId and d.subscriptionId = :sub");
        if (status != null) {
            query.append(" and d.status = :status");
        }
        KeysetPosition after = page.position() == null ? null : KeysetPosition.parse(page.position());
        if (after != null) {
            query.append(" and (d.createdAt < :t or (d.createdAt = :t and d.id < :id))");
        }
        query.append(" order by d.createdAt desc, d.id desc");
        var typed = deliveries.getEntityManager().createQuery(query.toString(), Object[].class)
                .setParameter("sub", s.id).setMaxResults(page.limit());
        if (status != null) {
            typed.setParameter("status", status);
        }
        if (after != null) {
            typed.setParameter("t", after.at()).setParameter("id", after.id());
        }
        List<Object[]> rows = typed.getResultList();
        List<WebhookDeliveryView> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(WebhookDeliveryView.of((WebhookDelivery) row[0], (WebhookEvent) row[1])));
        String next = null;
        if (rows.size() == page.limit()) {
            WebhookDelivery last = (WebhookDelivery) rows.get(rows.size() - 1)[0];
            next = new KeysetPosition(last.createdAt, last.id).cursor();
        }
        return new Page<>(items, next);
    }

    private WebhookSubscription own(String clientId, UUID id) {
        return subscriptions.findActive(id, clientId)
                .orElseThrow(() -> DomainException.notFound("Webhook subscription " + id));
    }

    /** The requested types, each once, in the order given; {@code *} stands alone. */
    static List<String> eventsOf(List<String> requested) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : requested) {
            if (!WebhookEventType.ALL.equals(name) && WebhookEventType.named(name).isEmpty()) {
                throw DomainException.invalid("events", "has the unknown event type '" + name + "'; use any of "
                        + String.join(", ", WebhookEventType.wireNames()) + ", or \"*\" for all");
            }
            names.add(name);
        }
        return names.contains(WebhookEventType.ALL) ? List.of(WebhookEventType.ALL) : List.copyOf(names);
    }
}
