package io.servicerecovery.notify.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public Optional<WebhookSubscription> findActive(UUID id, String clientId) {
        return find("id = :id and clientId = :client and active = true",
                Parameters.with("id", id).and("client", clientId)).firstResultOptional();
    }

    public List<WebhookSubscription> activeOf(String clientId) {
        return list("clientId = :client and active = true", Parameters.with("client", clientId));
    }

    /**
     * The client's active subscriptions, locked: two subscribes of one client at once are counted one after the
     * other: the second waits for the first to commit. The count is a second statement because the locking one
     * reads as of its start, without what the first inserted; read committed, the count sees it. (A client with
     * no subscription has nothing to lock: with a limit of 1, two first subscribes at once could both pass.)
     */
    public long countActiveLocked(String clientId) {
        Parameters active = Parameters.with("client", clientId);
        find("clientId = :client and active = true", active)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
        return count("clientId = :client and active = true", active);
    }
}
