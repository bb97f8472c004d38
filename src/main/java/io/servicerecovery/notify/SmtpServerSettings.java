package io.servicerecovery.notify;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The SMTP connection settings of {@code quarkus.mailer.*} that the service's mail client is built from (see
 * {@link TimedMailConfig}): the keys and defaults are Quarkus' own, so a deployment configures the mailer as the
 * Quarkus guide says. Only what this service uses is read; {@link TimedMailConfig} refuses to start with a TLS
 * configuration it would not carry over.
 */
@ConfigMapping(prefix = "quarkus.mailer")
public interface SmtpServerSettings {

    @WithDefault("localhost")
    String host();

    /** Unset: the client's default, 25. */
    OptionalInt port();

    Optional<String> username();

    Optional<String> password();

    /** DISABLED, OPTIONAL or REQUIRED. */
    @WithName("start-tls")
    @WithDefault("OPTIONAL")
    String startTls();

    /** Implicit TLS (SMTPS); {@code ssl} is Quarkus' older name for it. */
    Optional<Boolean> tls();

    @WithDefault("false")
    boolean ssl();

    Optional<Boolean> trustAll();

    /** NONE, DISABLED, OPTIONAL, REQUIRED or XOAUTH2. */
    @WithDefault("NONE")
    String login();

    Optional<String> authMethods();

    Optional<String> ownHostName();

    @WithDefault("10")
    int maxPoolSize();

    @WithDefault("true")
    boolean keepAlive();

    @WithDefault("PT5M")
    Duration keepAliveTimeout();

    @WithDefault("PT1S")
    Duration poolCleanerPeriod();

    @WithDefault("true")
    boolean pipelining();

    @WithDefault("false")
    boolean disableEsmtp();

    /** A named TLS configuration, key store or trust store: not carried over, so refused at start. */
    Optional<String> tlsConfigurationName();

    Optional<String> keyStore();
}
