package io.servicerecovery.notify.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.servicerecovery.common.DomainException;

/**
 * Sends due webhook deliveries: claims a small batch, sends them all at once outside any
 * transaction, and records each answer. Several replicas may run this; a delivery is
 * claimed by one of them at a time.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A receiver that answers the headers but drips the body is cut off here. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ROUNDS_PER_POLL = 20;

    private final WebhookDeliveries deliveries;
    private final WebhookSecretStore secrets;
    private final WebhookUrlPolicy urls;
    private final WebhookSettings settings;
    private final MeterRegistry metrics;
    private final Clock clock;
    // No redirects: a receiver could otherwise point the service at an address the URL policy refuses.
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public WebhookDispatcher(WebhookDeliveries deliveries, WebhookSecretStore secrets, WebhookUrlPolicy urls,
            WebhookSettings settings, MeterRegistry metrics, Clock clock) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.urls = urls;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(identity = "webhook-deliveries", every = "${recovery.webhooks.poll-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        // A full batch means more may be due: go on at once rather than at the next tick,
        // but hand the thread back now and then.
        for (int round = 0; round < MAX_ROUNDS_PER_POLL; round++) {
            if (deliverBatch() < settings.batchSize()) {
                return;
            }
        }
    }

    /** Claims, sends and records one batch; answers how many it claimed. */
    int deliverBatch() {
        List<WebhookDeliveries.Claim> batch = deliveries.claimDue(settings.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<WebhookDeliveries.Attempt>> attempts = new ArrayList<>(batch.size());
        for (WebhookDeliveries.Claim claim : batch) {
            attempts.add(send(claim));
        }
        for (int i = 0; i < batch.size(); i++) {
            WebhookDeliveries.Claim claim = batch.get(i);
            WebhookDeliveries.Attempt attempt = attempts.get(i).join();
            WebhookDeliveries.Outcome outcome = deliveries.record(claim, attempt);
            if (outcome == WebhookDeliveries.Outcome.LOST) {
                LOG.warnf("Webhook delivery %s took longer than its lease; another attempt has taken it over",
                        claim.deliveryId());
                continue;
            }
            metrics.counter("recovery.webhook.deliveries", "outcome", outcome.tag).increment();
            if (outcome == WebhookDeliveries.Outcome.FAILED) {
                LOG.warnf("Webhook delivery %s of event %s to %s failed for good after %d attempts: %s",
                        claim.deliveryId(), claim.eventId(), claim.url(), claim.attempts() + 1, describe(attempt));
            } else if (outcome == WebhookDeliveries.Outcome.RETRY) {
                LOG.debugf("Webhook delivery %s attempt %d failed: %s", claim.deliveryId(), claim.attempts() + 1,
                        describe(attempt));
            }
        }
        return batch.size();
    }

    /** One attempt; never completes exceptionally. */
    CompletableFuture<WebhookDeliveries.Attempt> send(WebhookDeliveries.Claim claim) {
        HttpRequest request;
        try {
            URI target = urls.check(claim.url());
            byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
            String messageId = claim.eventId().toString();
            long timestamp = clock.instant().getEpochSecond();
            List<String> signing = claim.storedSecrets().stream().map(secrets::open).toList();
            request = HttpRequest.newBuilder(target)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "service-recovery-webhooks")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignatures.header(signing, messageId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (DomainException.Invalid e) {
            return CompletableFuture.completedFuture(new WebhookDeliveries.Attempt(null,
                    "URL refused: " + reasonOf(e)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new WebhookDeliveries.Attempt(null, errorText(e)));
        }
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> error == null
                        ? new WebhookDeliveries.Attempt(response.statusCode(),
                                response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode())
                        : new WebhookDeliveries.Attempt(null, failureText(error, started)));
    }

    /**
     * Why an attempt failed. When the request timeout fires, the client closes the connection, and the attempt
     * may fail with that close ("connection closed locally") rather than with the timeout; it says timed out.
     */
    private static String failureText(Throwable error, long startedNanos) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException timeout) {
                return timeout.getClass().getSimpleName() + ": " + timeout.getMessage();
            }
        }
        if (Duration.ofNanos(System.nanoTime() - startedNanos).compareTo(REQUEST_TIMEOUT) >= 0) {
            return "HttpTimeoutException: request timed out (no answer within " + REQUEST_TIMEOUT.toSeconds() + " s)";
        }
        return errorText(error);
    }

    private static String reasonOf(DomainException.Invalid e) {
        return e.violations().stream()
                .map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static String describe(WebhookDeliveries.Attempt attempt) {
        return attempt.error() != null ? attempt.error() : "HTTP " + attempt.statusCode();
    }

    private static String errorText(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 1900 ? text.substring(0, 1900) : text;
    }
}
