package io.servicerecovery.notify;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends mail from blocking code (the engine's job threads) so that a send always ends: accepted, failed, or
 * failed after {@code recovery.mail.send-timeout}.
 * <p>
 * Two things in the mailer stack of Quarkus 3.27 (vertx-mail-client 4.5) make that necessary:
 * <ul>
 * <li>The blocking {@code Mailer} waits forever (quarkusio/quarkus#51042), so a send that never completes holds
 * its job thread for good.</li>
 * <li>Sends that start together from several non-Vert.x threads can each get a new SMTP connection whose socket
 * is on one event loop while the session is set up from another. The server's "220" greeting can arrive
 * before the session listens and is dropped: the client never says EHLO and the send never completes. In the
 * benchmark this held 4 of the 8 job threads for a whole run. Running every send on one Vert.x context keeps
 * the connection and its session on one event loop, and the greeting is never lost.</li>
 * </ul>
 * A connection stuck some other way still holds its pool slot until the server closes it; the bound keeps
 * the job thread free and the step's retry cycle takes over.
 */
@ApplicationScoped
public class BoundedMailer {

    private final ReactiveMailer mailer;
    private final Vertx vertx;
    private final Duration timeout;
    private Context context;

    public BoundedMailer(ReactiveMailer mailer, Vertx vertx, MailSettings settings) {
        this.mailer = mailer;
        this.vertx = vertx;
        this.timeout = settings.sendTimeout();
    }

    /**
     * Sends and waits until the mail server accepted the message.
     *
     * @throws MailServerTimeout when it did not within the send timeout
     * @throws RuntimeException  when the server refused or the connection failed
     */
    public void send(Mail mail) {
        try {
            mailer.send(mail).runSubscriptionOn(this::onMailContext).await().atMost(timeout);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new MailServerTimeout(timeout);
        }
    }

    private void onMailContext(Runnable send) {
        mailContext().runOnContext(ignored -> send.run());
    }

    /** One event-loop context for all sends, created on first use (from a non-Vert.x thread: a new one). */
    private synchronized Context mailContext() {
        if (context == null) {
            context = vertx.getOrCreateContext();
        }
        return context;
    }

    /** The mail server did not accept the message within the send timeout. */
    public static final class MailServerTimeout extends RuntimeException {
        MailServerTimeout(Duration timeout) {
            super("The mail server did not accept the message within " + timeout.toSeconds() + " s");
        }
    }
}
