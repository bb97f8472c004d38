package io.servicerecovery.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.common.ProblemException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * A token bucket per CRM client for case creation, so one misbehaving CRM cannot flood
 * the service: a client may open {@code per-minute} cases a minute, in bursts of up to
 * that many. Counted per replica: with N replicas a client gets at most N times that.
 */
@ApplicationScoped
public class CaseCreationRateLimit {

    @ConfigMapping(prefix = "recovery.rate-limit.case-creation")
    public interface Settings {
        /** Cases a CRM client may open per minute. */
        @WithDefault("600")
        int perMinute();

        /** Other allowances for named clients. */
        Map<String, Integer> clients();
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CaseCreationRateLimit(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Takes one token for the client, or refuses with 429 and the seconds until the next one. */
    public void acquire(String clientId) {
        int perMinute = settings.clients().getOrDefault(clientId, settings.perMinute());
        Bucket bucket = buckets.computeIfAbsent(clientId, id -> new Bucket(perMinute, clock.millis()));
        long waitMillis = bucket.take(perMinute, clock.millis());
        if (waitMillis > 0) {
            long seconds = Math.max(1, Duration.ofMillis(waitMillis).toSeconds() + (waitMillis % 1000 == 0 ? 0 : 1));
            throw new TooManyRequests(seconds, perMinute);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        /** Answers 0 when a token was taken, else the milliseconds until one is there. */
        synchronized long take(int perMinute, long now) {
            double perMilli = perMinute / 60_000.0;
            // A clock set back (NTP, a test) must not take tokens away.
            tokens = Math.min(perMinute, tokens + Math.max(0, now - updatedAt) * perMilli);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }
    }

    static final class TooManyRequests extends ProblemException {
        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds, int perMinute) {
            super(429, "rate-limited", "Too many requests",
                    "This client may open " + perMinute + " cases a minute; retry after " + retryAfterSeconds + " s.",
                    List.of(), Map.of("retryAfterSeconds", retryAfterSeconds));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
        }
    }
}
