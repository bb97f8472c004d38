package io.servicerecovery.security.session;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How people sign in to the console and how long a sign-in lasts (application.properties, "Console"). */
@ConfigMapping(prefix = "recovery.console")
public interface ConsoleSettings {

    /** The demo's own sign-in form (users from the embedded realm); production signs in through OpenID Connect. */
    @WithDefault("false")
    boolean formSignIn();

    /** How long a form sign-in lasts: a working day. */
    @WithDefault("PT8H")
    Duration sessionLifetime();

    /**
     * Signs the CSRF tokens of the console's forms (each bound to its session). Required in production
     * (ProductionKeys); the demo profile carries its own.
     */
    Optional<String> csrfKey();

    /** The service's address as people reach it (RECOVERY_PUBLIC_URL), for the redirects that must be absolute. */
    Optional<String> publicUrl();

    Throttle throttle();

    /** Failed sign-ins, per user name and per client address (SignInThrottle). */
    interface Throttle {
        /** Failures of one user name before it is held back. */
        @WithDefault("5")
        int userFailures();

        /** Failures from one client address before it is held back (an office behind one NAT signs in a lot). */
        @WithDefault("20")
        int addressFailures();

        /** The first hold; each further failure doubles it, up to max-delay. */
        @WithDefault("PT30S")
        Duration delay();

        @WithDefault("PT15M")
        Duration maxDelay();

        /** A key without a failure for this long starts counting afresh (and its row is cleaned up). */
        @WithDefault("PT1H")
        Duration window();
    }
}
