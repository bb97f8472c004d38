package io.servicerecovery.notify.webhooks;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are delivered. */
@ConfigMapping(prefix = "recovery.webhooks")
public interface WebhookSettings {

    /** How often each replica looks for due deliveries, as the scheduler reads it ("2s", "500ms"). */
    @WithDefault("2s")
    String pollEvery();

    /** The wait after the first failed attempt; it doubles after each further failure. */
    @WithDefault("PT5S")
    Duration retryBase();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration retryMax();

    /** Attempts in all, the first included; after the last failed one the delivery is FAILED. */
    @WithDefault("12")
    int maxAttempts();

    /** Deliveries one poll claims and sends at once. */
    @WithDefault("10")
    int batchSize();

    /** How long the replaced secret keeps signing (as a second signature) after a rotation. */
    @WithDefault("PT24H")
    Duration rotationGrace();

    /**
     * Whether subscriptions may point at private, loopback, link-local or unique-local
     * addresses. Off in production: the service would otherwise call into its own network.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /**
     * When set, subscription secrets are stored encrypted with a key derived from it (AES-GCM).
     * Changing it makes the stored secrets unreadable: rotate every subscription's secret then.
     */
    Optional<String> secretsKey();
}
