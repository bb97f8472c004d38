package io.servicerecovery.security.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Production does not start with the console's keys missing or left at the demo's values: a key everybody can
 * read in this repository would let anyone forge a session or a form. Checked at start, before the first request,
 * with a message that names the setting. Without OpenID Connect (OIDC_ENABLED=false) nobody can sign in to the
 * console, so its keys are not needed; a demo key is refused all the same.
 */
@ApplicationScoped
public class ProductionKeys {

    /** The demo profile's keys all start with this (application.properties), so none can pass as a real one. */
    static final String DEMO_KEY_PREFIX = "demo-only-";
    static final int MIN_LENGTH = 32;

    record Key(String property, String environment) {
    }

    static final Key CSRF = new Key("recovery.console.csrf-key", "CONSOLE_CSRF_KEY");
    static final Key SESSION = new Key("quarkus.oidc.token-state-manager.encryption-secret", "CONSOLE_SESSION_KEY");

    void check(@Observes StartupEvent start, Config config) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        boolean consoleSignIn = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(false);
        List<String> problems = problems(consoleSignIn,
                config.getOptionalValue(CSRF.property(), String.class),
                config.getOptionalValue(SESSION.property(), String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The console's keys are not fit for production: " + String.join("; ", problems));
        }
    }

    static List<String> problems(boolean consoleSignIn, Optional<String> csrfKey, Optional<String> sessionKey) {
        List<String> problems = new ArrayList<>();
        check(CSRF, csrfKey, consoleSignIn, problems);
        check(SESSION, sessionKey, consoleSignIn, problems);
        return problems;
    }

    private static void check(Key key, Optional<String> value, boolean required, List<String> problems) {
        String name = key.environment() + " (" + key.property() + ")";
        String v = value.map(String::strip).orElse("");
        if (v.startsWith(DEMO_KEY_PREFIX)) {
            problems.add(name + " is the demo's key; set a random key of your own");
        } else if (required && v.isEmpty()) {
            problems.add(name + " is not set; the console needs it to sign people in");
        } else if (required && v.length() < MIN_LENGTH) {
            problems.add(name + " is shorter than " + MIN_LENGTH + " characters");
        }
    }
}
