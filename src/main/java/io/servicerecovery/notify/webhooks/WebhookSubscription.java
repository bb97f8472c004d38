package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a CRM client wants to hear about its cases, and the secrets that sign what it hears. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    public String url;
    /** Event type names separated by commas, or {@code *}. */
    public String events;
    /** The current secret, as stored (see {@link WebhookSecretStore}). */
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    public boolean active;

    public List<String> eventList() {
        return Arrays.asList(events.split(","));
    }

    public boolean wants(WebhookEventType type) {
        List<String> wanted = eventList();
        return wanted.contains(WebhookEventType.ALL) || wanted.contains(type.wireName());
    }

    /** The replaced secret while it still signs, else null. */
    public String previousSecretAt(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                ? previousSecret : null;
    }
}
