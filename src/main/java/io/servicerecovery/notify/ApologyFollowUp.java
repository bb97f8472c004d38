package io.servicerecovery.notify;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.cases.Timeline;
import io.servicerecovery.cases.TimelineKind;

/**
 * The email that follows an apology, in the customer's language. Its Message-ID is
 * derived from the case and the step, and a delivery the server accepted is never sent
 * again, so a retried step cannot send a second email.
 */
@ApplicationScoped
public class ApologyFollowUp {

    static final String STEP = "APOLOGY";

    private final Mailer mailer;
    private final Engine qute;
    private final EntityManager em;
    private final CaseProgress cases;
    private final Timeline timeline;
    private final MailSettings settings;
    private final Clock clock;

    public ApologyFollowUp(Mailer mailer, Engine qute, EntityManager em, CaseProgress cases, Timeline timeline,
            MailSettings settings, Clock clock) {
        this.mailer = mailer;
        this.qute = qute;
        this.em = em;
        this.cases = cases;
        this.timeline = timeline;
        this.settings = settings;
        this.clock = clock;
    }

    public String messageIdFor(UUID caseId) {
        return "<case-" + caseId + "." + STEP.toLowerCase() + "@" + settings.messageIdDomain() + ">";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(UUID caseId) {
        RecoveryCase c = cases.find(caseId);
        EmailDelivery delivery = em.createQuery(
                "from EmailDelivery where caseId = :case and step = :step", EmailDelivery.class)
                .setParameter("case", caseId).setParameter("step", STEP)
                .getResultStream().findFirst().orElse(null);
        if (delivery != null && delivery.status == EmailDelivery.Status.ACCEPTED) {
            return;
        }
        String language = templateLanguage(CustomerLanguage.of(c.customerLocale));
        if (delivery == null) {
            delivery = new EmailDelivery();
            delivery.id = UUID.randomUUID();
            delivery.caseId = caseId;
            delivery.step = STEP;
            delivery.messageId = messageIdFor(caseId);
            delivery.recipient = c.customerEmail;
            delivery.locale = language;
            delivery.status = EmailDelivery.Status.PENDING;
            em.persist(delivery);
        }
        delivery.attempts++;

        Map<String, Object> data = Map.of(
                "customerName", c.customerName,
                "apology", c.apologyMessage == null ? "" : c.apologyMessage,
                "agentName", c.accountableAgent == null ? "" : c.accountableAgent,
                "caseRef", c.externalRef);
        String subject = template(language, "subject.txt").data(data).render().strip();
        Mail mail = Mail.withHtml(c.customerEmail, subject, template(language, "body.html").data(data).render())
                .setText(template(language, "body.txt").data(data).render())
                .setReplyTo(settings.replyTo())
                .addHeader("Message-ID", delivery.messageId)
                .addHeader("Content-Language", language);
        mailer.send(mail);

        delivery.status = EmailDelivery.Status.ACCEPTED;
        delivery.acceptedAt = clock.instant();
        delivery.lastError = null;
        timeline.record(caseId, TimelineKind.EMAIL_SENT, "system",
                "Apology follow-up email accepted by the mail server",
                Map.of("messageId", delivery.messageId, "to", delivery.recipient, "language", language));
    }

    /** The customer's language when there are templates for it, else the fallback. */
    private String templateLanguage(String language) {
        return qute.getTemplate("apology/" + language + "/body.html") != null ? language : CustomerLanguage.FALLBACK;
    }

    private Template template(String language, String part) {
        return qute.getTemplate("apology/" + language + "/" + part);
    }
}
