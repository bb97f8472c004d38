package io.servicerecovery.notify;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;

/**
 * The mail client's configuration as Quarkus builds it from {@code quarkus.mailer.*} (host, port, TLS, trust
 * store, credentials, pool, keep-alive, pipelining), plus the socket timeouts Quarkus 3.33 has no setting for:
 * a connect timeout, and an idle timeout that closes a connection on which nothing was read or written for a
 * while. Without them a server that accepts and never answers holds a pooled connection (a slot of
 * {@code quarkus.mailer.max-pool-size}) until it closes it itself, which may be never.
 * <p>
 * Quarkus keeps the configuration it built inside its client only, so it is read from there rather than
 * rebuilt here from the same properties (and maybe differently); the read is checked when the service starts.
 */
final class TimedMailConfig {

    private TimedMailConfig() {
    }

    static MailConfig of(MailClient quarkusClient, MailSettings settings) {
        if (settings.idleTimeout().compareTo(settings.sendTimeout()) > 0
                || settings.connectTimeout().compareTo(settings.sendTimeout()) > 0) {
            throw new IllegalStateException("recovery.mail.connect-timeout (" + settings.connectTimeout()
                    + ") and recovery.mail.idle-timeout (" + settings.idleTimeout() + ") must not be longer than "
                    + "recovery.mail.send-timeout (" + settings.sendTimeout() + "): a connection would outlive "
                    + "the send it was opened for");
        }
        return new MailConfig(configOf(quarkusClient))
                .setConnectTimeout(millis(settings.connectTimeout()))
                .setIdleTimeout(millis(settings.idleTimeout()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    private static MailConfig configOf(MailClient client) {
        try {
            Field config = client.getClass().getDeclaredField("config");
            config.setAccessible(true);
            return (MailConfig) config.get(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the mail client's configuration from "
                    + client.getClass().getName() + " (a new vertx-mail-client?); see TimedMailConfig", e);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
