package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookEventRepository implements PanacheRepositoryBase<WebhookEvent, UUID> {

    /**
     * Up to {@code max} events that happened before {@code cutoff} and have no delivery left. The outbox writes
     * an event together with its deliveries, so a committed event without any was cleaned, not just written.
     */
    public List<UUID> withoutDeliveriesBefore(Instant cutoff, int max) {
        return getEntityManager().createQuery("select e.id from WebhookEvent e where e.occurredAt < :cutoff"
                + " and not exists (select 1 from WebhookDelivery d where d.eventId = e.id)", UUID.class)
                .setParameter("cutoff", cutoff).setMaxResults(max).getResultList();
    }

    public int deleteByIds(List<UUID> ids) {
        return ids.isEmpty() ? 0 : (int) delete("id in ?1", ids);
    }
}
