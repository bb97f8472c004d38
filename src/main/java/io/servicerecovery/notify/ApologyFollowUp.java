package io.servicerecovery.notify;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.profile.StaffProfiles;

/**
 * The email that follows an apology, in the customer's language. Its Message-ID is
 * derived from the case and the step, and once the mail server accepted it the step
 * sends nothing again, however often it is retried.
 */
@ApplicationScoped
public class ApologyFollowUp {

    static final String STEP = "APOLOGY";

    private final BoundedMailer mailer;
    private final Engine qute;
    private final CaseProgress cases;
    private final EmailDeliveries deliveries;
    private final MailSettings settings;
    private final StaffProfiles profiles;

    public ApologyFollowUp(BoundedMailer mailer, Engine qute, CaseProgress cases, EmailDeliveries deliveries,
            MailSettings settings, StaffProfiles profiles) {
        this.mailer = mailer;
        this.qute = qute;
        this.cases = cases;
        this.deliveries = deliveries;
        this.settings = settings;
        this.profiles = profiles;
    }

    /** The follow-up email as the customer will get it, for a draft apology (the console's preview). */
    public record Preview(String language, String to, String subject, String html, String text) {
    }

    @Transactional
    public Preview preview(UUID caseId, String draftApology, String agentId) {
        RecoveryCase c = cases.find(caseId);
        String language = templateLanguage(CustomerLanguage.of(c.customerLocale));
        Map<String, Object> data = data(c, draftApology == null ? "" : draftApology, agentId);
        return new Preview(language, c.customerEmail, template(language, "subject.txt").data(data).render().strip(),
                template(language, "body.html").data(data).render(), template(language, "body.txt").data(data).render());
    }

    private Map<String, Object> data(RecoveryCase c, String apology, String agentId) {
        return Map.of(
                "customerName", c.customerName,
                "apology", apology,
                "agentName", profiles.displayNameOf(agentId),
                "caseRef", c.externalRef);
    }

    public String messageIdFor(UUID caseId) {
        return "<case-" + caseId + "." + STEP.toLowerCase() + "@" + settings.messageIdDomain() + ">";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(UUID caseId) {
        RecoveryCase c = cases.find(caseId);
        String language = templateLanguage(CustomerLanguage.of(c.customerLocale));
        EmailDelivery delivery = deliveries.prepare(caseId, STEP, messageIdFor(caseId), c.customerEmail, language);
        if (delivery.status == EmailDelivery.Status.ACCEPTED) {
            return;
        }
        Map<String, Object> data = data(c, c.apologyMessage == null ? "" : c.apologyMessage, c.accountableAgent);
        // The customer's name as the display name; BoundedMailer encodes it (and the subject) per RFC 2047.
        Mail mail = Mail.withHtml(c.customerName + " <" + c.customerEmail + ">",
                template(language, "subject.txt").data(data).render().strip(),
                template(language, "body.html").data(data).render())
                .setText(template(language, "body.txt").data(data).render())
                .setReplyTo(settings.replyTo())
                .addHeader("Message-ID", delivery.messageId)
                .addHeader("Content-Language", language);
        try {
            mailer.send(mail); // bounded by recovery.mail.send-timeout
        } catch (RuntimeException e) {
            deliveries.failed(delivery, e);
            throw e;
        }
        deliveries.accepted(delivery);
    }

    /** The customer's language when there are templates for it, else the fallback. */
    private String templateLanguage(String language) {
        return qute.getTemplate("apology/" + language + "/body.html") != null ? language : CustomerLanguage.FALLBACK;
    }

    private Template template(String language, String part) {
        return qute.getTemplate("apology/" + language + "/" + part);
    }
}
