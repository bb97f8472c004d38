package io.servicerecovery.notify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One email of one case step, and whether the SMTP server accepted it. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery {

    public enum Status {
        PENDING,
        ACCEPTED
    }

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public String step;
    @Column(name = "message_id")
    public String messageId;
    public String recipient;
    public String locale;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
}
