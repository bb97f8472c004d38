package io.servicerecovery.notify;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;

/**
 * The mail client's configuration, built from the {@code quarkus.mailer.*} keys ({@link SmtpServerSettings}) with
 * the socket timeouts Quarkus 3.33 has no setting for: a connect timeout, and an idle timeout that closes a
 * connection on which nothing was read or written for a while. Without them a server that accepts and never
 * answers holds a pooled connection (a slot of {@code quarkus.mailer.max-pool-size}) until it closes it itself,
 * which may be never.
 * <p>
 * Quarkus builds its own client's configuration privately and offers no hook to add to it, so the service builds
 * one of its own from the same keys, through Vert.x' public {@link MailConfig}. What Quarkus would read beyond
 * these keys (a named TLS configuration, key and trust stores, DKIM, NTLM) is not carried over: the first two are
 * refused when the service starts, rather than silently ignored.
 */
final class TimedMailConfig {

    private TimedMailConfig() {
    }

    static MailConfig of(SmtpServerSettings server, MailSettings settings) {
        if (settings.idleTimeout().compareTo(settings.sendTimeout()) > 0
                || settings.connectTimeout().compareTo(settings.sendTimeout()) > 0) {
            throw new IllegalStateException("recovery.mail.connect-timeout (" + settings.connectTimeout()
                    + ") and recovery.mail.idle-timeout (" + settings.idleTimeout() + ") must not be longer than "
                    + "recovery.mail.send-timeout (" + settings.sendTimeout() + "): a connection would outlive "
                    + "the send it was opened for");
        }
        if (server.tlsConfigurationName().isPresent() || server.keyStore().isPresent()) {
            throw new IllegalStateException("quarkus.mailer.tls-configuration-name and quarkus.mailer.key-store are "
                    + "not read by the service's mail client (see TimedMailConfig); trust the server's certificate "
                    + "through the JVM's trust store instead");
        }
        MailConfig config = new MailConfig()
                .setHostname(server.host())
                .setStarttls(StartTLSOptions.valueOf(server.startTls().toUpperCase(java.util.Locale.ROOT)))
                .setSsl(server.tls().orElse(server.ssl()))
                .setLogin(LoginOption.valueOf(server.login().toUpperCase(java.util.Locale.ROOT)))
                .setMaxPoolSize(server.maxPoolSize())
                .setKeepAlive(server.keepAlive())
                .setKeepAliveTimeout(millis(server.keepAliveTimeout()))
                .setKeepAliveTimeoutUnit(TimeUnit.MILLISECONDS)
                .setPoolCleanerPeriod(millis(server.poolCleanerPeriod()))
                .setPoolCleanerPeriodUnit(TimeUnit.MILLISECONDS)
                .setPipelining(server.pipelining())
                .setDisableEsmtp(server.disableEsmtp())
                .setConnectTimeout(millis(settings.connectTimeout()))
                .setIdleTimeout(millis(settings.idleTimeout()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        server.port().ifPresent(config::setPort);
        server.username().ifPresent(config::setUsername);
        server.password().ifPresent(config::setPassword);
        server.trustAll().ifPresent(config::setTrustAll);
        server.authMethods().ifPresent(config::setAuthMethods);
        server.ownHostName().ifPresent(config::setOwnHostname);
        return config;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
