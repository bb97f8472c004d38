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
}
