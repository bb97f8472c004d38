package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case event in the outbox. The payload is the exact body every attempt sends; the table's
 * {@code seq} column (filled by the database) orders the events of a case.
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "event_type")
    public String type;
    public String payload;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
