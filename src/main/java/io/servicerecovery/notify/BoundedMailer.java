package io.servicerecovery.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.runtime.LaunchMode;
import io.servicerecovery.common.Text;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;

/**
 * Sends mail from blocking code (the engine's job threads) so that a send always ends: accepted, failed, or
 * failed after {@code recovery.mail.send-timeout}; and so that every header is one the service built.
 * <p>
 * Two things in the mailer stack of Quarkus 3.27 (vertx-mail-client 4.5) make the bound necessary:
 * <ul>
 * <li>The blocking {@code Mailer} waits forever (quarkusio/quarkus#51042), so a send that never completes holds
 * its job thread for good.</li>
 * <li>Sends that start together from several non-Vert.x threads can each get a new SMTP connection whose socket
 * is on one event loop while the session is set up from another. The server's "220" greeting can arrive
 * before the session listens and is dropped: the client never says EHLO and the send never completes. In the
 * benchmark this held 4 of the 8 job threads for a whole run. Running every send on one Vert.x context keeps
 * the connection and its session on one event loop, and the greeting is never lost.</li>
 * </ul>
 * A connection stuck some other way (a server that accepts and stops answering) is closed by the client's idle
 * timeout ({@code recovery.mail.idle-timeout}, see {@link TimedMailConfig}), which fails the send and frees its
 * pool slot; the send bound keeps the job thread free meanwhile and the step's retry cycle takes over.
 * <p>
 * The message goes to the Vert.x mail client directly, not through Quarkus' {@code ReactiveMailer}: that one
 * always writes a {@code Cc:} header, empty when there is no Cc, and lets the client encode the Subject and
 * display names one UTF-16 unit at a time (an emoji arrives as "??"). Here {@link MailHeaders} builds the
 * From, To, Reply-To and Subject headers, and no header is written without a value.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // the timeouts are checked when the service starts, not at the first email
public class BoundedMailer {

    private static final Logger LOG = Logger.getLogger(BoundedMailer.class);

    private final MailClient client;
    private final Vertx vertx;
    private final Duration timeout;
    private final String defaultFrom;
    private final boolean mock;
    private Context context;

    public BoundedMailer(MailClient quarkusClient, Vertx vertx, MailSettings settings, SmtpServerSettings server,
            @ConfigProperty(name = "quarkus.mailer.from") String defaultFrom,
            @ConfigProperty(name = "quarkus.mailer.mock") Optional<Boolean> mock) {
        this.vertx = vertx;
        this.timeout = settings.sendTimeout();
        this.defaultFrom = defaultFrom;
        // Quarkus' own default: mock in dev and test mode unless configured.
        this.mock = mock.orElse(LaunchMode.current().isDevOrTest());
        // Quarkus' settings, and the connect and idle timeouts its client cannot be given.
        this.client = this.mock ? quarkusClient : new MailClient(io.vertx.ext.mail.MailClient.create(vertx,
                TimedMailConfig.of(server, settings)));
    }

    @jakarta.annotation.PreDestroy
    void close() {
        if (!mock) {
            client.closeAndAwait();
        }
    }

    /**
     * Sends and waits until the mail server accepted the message.
     *
     * @throws MailServerTimeout when it did not within the send timeout
     * @throws RuntimeException  when the server refused or the connection failed
     */
    public void send(Mail mail) {
        MailMessage message = toMessage(mail);
        if (mock) {
            LOG.infof("Mock mailer: %s to %s, subject %s, text:%n%s", message.getHeaders().get("Message-ID"),
                    message.getTo(), Text.forLog(mail.getSubject()), Text.forLog(mail.getText()));
            return;
        }
        try {
            client.sendMail(message).runSubscriptionOn(this::onMailContext).await().atMost(timeout);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new MailServerTimeout(timeout);
        }
    }

    /** The message with headers the service built; the envelope gets the bare addresses. */
    MailMessage toMessage(Mail mail) {
        String[] from = MailHeaders.parseMailbox(mail.getFrom() != null ? mail.getFrom() : defaultFrom);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set("From", MailHeaders.mailbox(from[0], from[1]));
        List<String[]> to = mail.getTo().stream().map(MailHeaders::parseMailbox).toList();
        headers.set("To", String.join(",\n ", to.stream().map(m -> MailHeaders.mailbox(m[0], m[1])).toList()));
        if (mail.getSubject() != null) {
            headers.set("Subject", MailHeaders.text(mail.getSubject()));
        }
        if (mail.getReplyTo() != null) {
            String[] replyTo = MailHeaders.parseMailbox(mail.getReplyTo());
            headers.set("Reply-To", MailHeaders.mailbox(replyTo[0], replyTo[1]));
        }
        for (Map.Entry<String, List<String>> header : mail.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                MailHeaders.requireSafe(header.getKey(), value);
                headers.add(header.getKey(), value);
            }
        }
        MailMessage message = new MailMessage()
                .setFrom(from[1])
                .setTo(to.stream().map(m -> m[1]).toList())
                .setText(mail.getText())
                .setHtml(mail.getHtml());
        // Set after the addresses: the client keeps no Cc or Bcc, so it writes no empty Cc header.
        message.setCc((List<String>) null);
        message.setBcc((List<String>) null);
        return message.setHeaders(headers);
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
