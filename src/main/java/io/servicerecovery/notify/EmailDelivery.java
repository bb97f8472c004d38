package io.servicerecovery.notify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One email of one case step, as rendered once and sent (every attempt sends these words), and whether the SMTP
 * server accepted it. {@code locale} is the language the email is written in; subject and bodies are null on
 * rows from before they were kept (V11) until their next send.
 */
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
    public String subject;
    @Column(name = "text_body")
    public String textBody;
    @Column(name = "html_body")
    public String htmlBody;

    /** Whether the email's words are kept (rendered since V11). */
    boolean isRendered() {
        return subject != null && textBody != null && htmlBody != null;
    }

    void keep(FollowUpEmail.Rendered rendered) {
        locale = rendered.language();
        subject = rendered.subject();
        textBody = rendered.text();
        htmlBody = rendered.html();
    }
}
