package io.servicerecovery.notify.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The database side of sending: each step in its own short transaction, so that no
 * transaction (and no row lock) is held while a receiver takes its time to answer.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /**
     * Longer than an attempt can take (at most 30 s: WebhookDispatcher cuts off a receiver that drips its
     * answer), and short: a delivery claimed by a process that died is tried again when its lease ends.
     */
    static final Duration LEASE = Duration.ofSeconds(45);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEventRepository events;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookSettings settings;
    private final Clock clock;

    public WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookEventRepository events,
            WebhookSubscriptionRepository subscriptions, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One attempt this worker owns until {@code leaseUntil}: what to send, where, and the secrets to sign with. */
    public record Claim(UUID deliveryId, Instant leaseUntil, int attempts, UUID eventId, String url,
            String payload, List<String> storedSecrets) {
    }

    /** What the receiver answered ({@code statusCode}), or why there was no answer ({@code error}). */
    public record Attempt(Integer statusCode, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    public enum Outcome {
        DELIVERED("delivered"),
        RETRY("retry"),
        FAILED("failed"),
        /** The lease ran out before the answer came and someone else has the delivery now. */
        LOST("lost");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    /** Claims up to {@code max} due deliveries, each in its own transaction. */
    public List<Claim> claimDue(int max) {
        Instant now = now();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> deliveries.due(now, max));
        List<Claim> claimed = new ArrayList<>(due.size());
        for (UUID id : due) {
            claim(id).ifPresent(claimed::add);
        }
        return claimed;
    }

    Optional<Claim> claim(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = now();
            Instant leaseUntil = now.plus(LEASE);
            if (!deliveries.claim(id, now, leaseUntil)) {
                return Optional.<Claim>empty();
            }
            WebhookDelivery delivery = deliveries.findById(id);
            WebhookEvent event = events.findById(delivery.eventId);
            WebhookSubscription subscription = subscriptions.findById(delivery.subscriptionId);
            List<String> secrets = new ArrayList<>(2);
            secrets.add(subscription.secret);
            String previous = subscription.previousSecretAt(now);
            if (previous != null) {
                secrets.add(previous);
            }
            return Optional.of(new Claim(id, leaseUntil, delivery.attempts, event.id, subscription.url,
                    event.payload, List.copyOf(secrets)));
        });
    }

    /** Records the attempt: delivered, due again after a back-off, or failed for good after the last attempt. */
    public Outcome record(Claim claim, Attempt attempt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = deliveries.findById(claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
            if (delivery.status != WebhookDelivery.Status.PENDING || !claim.leaseUntil().equals(delivery.nextAttemptAt)) {
                return Outcome.LOST;
            }
            Instant now = now();
            delivery.attempts = claim.attempts() + 1;
            delivery.lastAttemptAt = now;
            delivery.lastStatusCode = attempt.statusCode();
            delivery.lastError = attempt.delivered() ? null : abbreviate(attempt.error());
            if (attempt.delivered()) {
                delivery.status = WebhookDelivery.Status.DELIVERED;
                delivery.deliveredAt = now;
                delivery.nextAttemptAt = now;
                return Outcome.DELIVERED;
            }
            if (delivery.attempts >= settings.maxAttempts()) {
                delivery.status = WebhookDelivery.Status.FAILED;
                delivery.nextAttemptAt = now;
                return Outcome.FAILED;
            }
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts, settings.retryBase(), settings.retryMax(),
                    ThreadLocalRandom.current().nextDouble())).truncatedTo(ChronoUnit.MICROS);
            return Outcome.RETRY;
        });
    }

    /**
     * The wait after the {@code failedAttempts}-th failed attempt: base * 2^(failedAttempts - 1),
     * spread by +-20 % so that receivers coming back are not hit by every retry at once, and never
     * more than {@code max}.
     */
    static Duration backoff(int failedAttempts, Duration base, Duration max, double random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration exponential = base.multipliedBy(1L << doublings);
        if (exponential.compareTo(max) > 0 || exponential.isNegative()) {
            exponential = max;
        }
        long jittered = Math.round(exponential.toMillis() * (0.8 + 0.4 * random));
        return Duration.ofMillis(Math.min(jittered, max.toMillis()));
    }

    private Instant now() {
        // Microseconds: what both databases store, so a lease read back equals the one written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 1900 ? text.substring(0, 1900) : text;
    }
}
