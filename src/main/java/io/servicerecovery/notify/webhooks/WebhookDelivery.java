package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event for one subscription: sent until the receiver answers 2xx or the attempts run out. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Schema(name = "WebhookDeliveryStatus")
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Attempts since the delivery was created or last resent. */
    public int attempts;
    /** How often the subscriber had it sent again after it FAILED. */
    public int resends;
    /** When the next attempt is due; while a worker sends, the end of its lease. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
