package io.servicerecovery.notify;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.mailer.Mail;
import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.profile.StaffProfiles;

/**
 * The email that follows an apology, in the customer's language. Its Message-ID is
 * derived from the case and the step, and once the mail server accepted it the step
 * sends nothing again, however often it is retried. It is rendered once, when its delivery is
 * first prepared, and every attempt sends the words kept with the delivery, which the case page
 * shows ({@link #asSent}). The console's preview renders it the same way ({@link FollowUpEmail}),
 * from the draft instead of the apology given.
 */
@ApplicationScoped
public class ApologyFollowUp {

    static final String STEP = "APOLOGY";

    private final BoundedMailer mailer;
    private final FollowUpEmail email;
    private final CaseProgress cases;
    private final EmailDeliveries deliveries;
    private final MailSettings settings;
    private final StaffProfiles profiles;

    public ApologyFollowUp(BoundedMailer mailer, FollowUpEmail email, CaseProgress cases, EmailDeliveries deliveries,
            MailSettings settings, StaffProfiles profiles) {
        this.mailer = mailer;
        this.email = email;
        this.cases = cases;
        this.deliveries = deliveries;
        this.settings = settings;
        this.profiles = profiles;
    }

    /** The follow-up email as the customer will get it, for a draft apology (the console's preview). */
    public record Preview(String to, FollowUpEmail.Rendered email) {
    }

    @Transactional
    public Preview preview(UUID caseId, String draftApology, String agentId) {
        RecoveryCase c = cases.find(caseId);
        return new Preview(c.customerEmail, render(c, draftApology, agentId));
    }

    public String messageIdFor(UUID caseId) {
        return "<case-" + caseId + "." + STEP.toLowerCase() + "@" + settings.messageIdDomain() + ">";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(UUID caseId) {
        RecoveryCase c = cases.find(caseId);
        EmailDelivery delivery = deliveries.prepare(caseId, STEP, messageIdFor(caseId), c.customerEmail,
                () -> render(c, c.apologyMessage, c.accountableAgent));
        if (delivery.status == EmailDelivery.Status.ACCEPTED) {
            return;
        }
        // The words kept with the delivery, not a new rendering: a retry sends what the first attempt did (a
        // profile name changed meanwhile does not change the email), and the case page shows what was sent.
        // The customer's name as the display name; BoundedMailer encodes it (and the subject) per RFC 2047.
        Mail mail = Mail.withHtml(c.customerName + " <" + delivery.recipient + ">", delivery.subject,
                delivery.htmlBody)
                .setText(delivery.textBody)
                .setReplyTo(settings.replyTo())
                .addHeader("Message-ID", delivery.messageId)
                .addHeader("Content-Language", delivery.locale);
        try {
            mailer.send(mail); // bounded by recovery.mail.send-timeout
        } catch (RuntimeException e) {
            deliveries.failed(delivery, e);
            throw e;
        }
        deliveries.accepted(delivery);
    }

    /**
     * The follow-up email of a case as it was sent, or is being sent: null while none is prepared (the apology
     * is not given yet, or its email job has not run).
     */
    @Transactional
    public SentEmail asSent(UUID caseId) {
        EmailDelivery delivery = deliveries.find(caseId, STEP);
        return delivery == null ? null : SentEmail.of(delivery);
    }

    private FollowUpEmail.Rendered render(RecoveryCase c, String apology, String agentId) {
        return email.render(c.customerLocale, new FollowUpEmail.Content(c.customerName, c.externalRef,
                apology == null ? "" : apology, profiles.displayNameOf(agentId)));
    }
}
