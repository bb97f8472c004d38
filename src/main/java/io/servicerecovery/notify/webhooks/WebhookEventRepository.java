package io.servicerecovery.notify.webhooks;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookEventRepository implements PanacheRepositoryBase<WebhookEvent, UUID> {
}
