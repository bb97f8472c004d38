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
     * How long a DELIVERED delivery is kept (to be seen in the deliveries view) before the cleanup removes it,
     * with its event once no delivery of that event is left.
     */
    @WithDefault("P3D")
    Duration retention();

    /** How long a FAILED delivery is kept, to be seen and resent, before the cleanup removes it. */
    @WithDefault("P30D")
    Duration failedRetention();

    /** How often each replica removes what is past its retention, as the scheduler reads it ("1h"). */
    @WithDefault("1h")
    String cleanupEvery();

    /** Rows one delete removes, each batch in its own short transaction. */
    @WithDefault("500")
    int cleanupBatch();

    /** Active subscriptions one CRM client may have; one more is refused with 409. */
    @WithDefault("25")
    int maxSubscriptionsPerClient();

    /**
     * When set, subscription secrets are stored encrypted with a key derived from it (AES-GCM).
     * Changing it makes the stored secrets unreadable: rotate every subscription's secret then.
     */
    Optional<String> secretsKey();
}
