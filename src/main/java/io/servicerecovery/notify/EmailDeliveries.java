package io.servicerecovery.notify;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.servicerecovery.common.Actor;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;

/**
 * The record of each email, kept in its own short transactions: that the server accepted
 * a message is committed the moment it happened, so a step retried after a later failure
 * finds it and sends nothing again; a failed attempt is recorded although its step rolls back.
 */
@ApplicationScoped
public class EmailDeliveries {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EmailDeliveries.class);

    private final EmailDeliveryRepository deliveries;
    private final Timeline timeline;
    private final Clock clock;

    public EmailDeliveries(EmailDeliveryRepository deliveries, Timeline timeline, Clock clock) {
        this.deliveries = deliveries;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * The delivery of this step with the email's words: the one recorded before, or a new pending one. The email
     * is rendered only when its words are not kept yet (a new delivery, or a row from before V11), so every
     * attempt sends what the first prepared, and the case page shows exactly that.
     */
    public EmailDelivery prepare(UUID caseId, String step, String messageId, String recipient,
            Supplier<FollowUpEmail.Rendered> render) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EmailDelivery delivery = find(caseId, step);
            if (delivery == null) {
                delivery = new EmailDelivery();
                delivery.id = UUID.randomUUID();
                delivery.caseId = caseId;
                delivery.step = step;
                delivery.messageId = messageId;
                delivery.recipient = recipient;
                delivery.status = EmailDelivery.Status.PENDING;
                delivery.keep(render.get());
                deliveries.persist(delivery);
            } else if (!delivery.isRendered() && delivery.status != EmailDelivery.Status.ACCEPTED) {
                delivery.keep(render.get());
            }
            return delivery;
        });
    }

    public void accepted(EmailDelivery delivery) {
        LOG.infof("Follow-up email %s accepted by the mail server", delivery.messageId);
        QuarkusTransaction.requiringNew().run(() -> {
            EmailDelivery stored = deliveries.findById(delivery.id);
            stored.status = EmailDelivery.Status.ACCEPTED;
            stored.attempts++;
            stored.acceptedAt = clock.instant();
            stored.lastError = null;
            timeline.record(stored.caseId, TimelineKind.EMAIL_SENT, Actor.SYSTEM,
                    "Follow-up email accepted by the mail server",
                    Map.of("messageId", stored.messageId, "to", stored.recipient, "language", stored.locale,
                            "attempt", stored.attempts));
        });
    }

    public void failed(EmailDelivery delivery, Exception error) {
        String reason = describe(error);
        LOG.warnf("Follow-up email %s not accepted: %s", delivery.messageId, reason);
        QuarkusTransaction.requiringNew().run(() -> {
            EmailDelivery stored = deliveries.findById(delivery.id);
            stored.attempts++;
            stored.lastError = reason;
            timeline.record(stored.caseId, TimelineKind.EMAIL_FAILED, Actor.SYSTEM,
                    "Follow-up email not accepted (attempt " + stored.attempts + "): " + reason,
                    Map.of("messageId", stored.messageId, "attempt", stored.attempts, "error", reason));
        });
    }

    public EmailDelivery find(UUID caseId, String step) {
        return deliveries.forStep(caseId, step);
    }

    private static String describe(Exception error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 1900 ? text.substring(0, 1900) : text;
    }
}
