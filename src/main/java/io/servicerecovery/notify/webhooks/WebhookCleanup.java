package io.servicerecovery.notify.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the outbox from growing for ever: DELIVERED deliveries older than {@code recovery.webhooks.retention},
 * FAILED ones older than {@code failed-retention}, then the events left without a delivery. Deletes go in
 * batches, each in its own short transaction, so the cleanup never holds many row locks or a long transaction
 * beside the dispatcher. Several replicas may run it at once: a row deleted twice is deleted once.
 */
@ApplicationScoped
public class WebhookCleanup {

    private static final Logger LOG = Logger.getLogger(WebhookCleanup.class);
    /** Batches per run and kind: a huge backlog is worked off over several runs, never in one long one. */
    private static final int MAX_BATCHES = 200;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEventRepository events;
    private final WebhookSettings settings;
    private final Clock clock;

    public WebhookCleanup(WebhookDeliveryRepository deliveries, WebhookEventRepository events,
            WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run removed. */
    public record Removed(int delivered, int failed, int events) {
    }

    @Scheduled(identity = "webhook-cleanup", every = "${recovery.webhooks.cleanup-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Removed removed = removeExpired();
        if (removed.delivered() + removed.failed() + removed.events() > 0) {
            LOG.infof("Webhook outbox cleaned: %d delivered and %d failed deliveries, %d events",
                    removed.delivered(), removed.failed(), removed.events());
        }
    }

    public Removed removeExpired() {
        Instant now = clock.instant();
        Instant deliveredCutoff = now.minus(settings.retention());
        Instant failedCutoff = now.minus(settings.failedRetention());
        int delivered = inBatches(max -> deliveries.endedBefore(WebhookDelivery.Status.DELIVERED, deliveredCutoff, max),
                deliveries::deleteByIds);
        int failed = inBatches(max -> deliveries.endedBefore(WebhookDelivery.Status.FAILED, failedCutoff, max),
                deliveries::deleteByIds);
        // An event is written in one transaction with its deliveries, so one without any lost them here; the cutoff
        // only keeps the search among old events (an event is never younger than its deliveries).
        Instant eventCutoff = deliveredCutoff.isAfter(failedCutoff) ? deliveredCutoff : failedCutoff;
        int removedEvents = inBatches(max -> events.withoutDeliveriesBefore(eventCutoff, max), events::deleteByIds);
        return new Removed(delivered, failed, removedEvents);
    }

    private int inBatches(Function<Integer, List<UUID>> find, Function<List<UUID>, Integer> delete) {
        int batch = Math.max(1, settings.cleanupBatch());
        int removed = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> delete.apply(find.apply(batch)));
            removed += deleted;
            if (deleted < batch) {
                break;
            }
        }
        return removed;
    }
}
