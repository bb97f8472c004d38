package io.servicerecovery.notify.webhooks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Recovery;

/**
 * A receiver that hangs, with a backlog of retries that all came due at once (after an outage, or a database
 * that earlier runs left behind), does not hold up another subscription's delivery: subscriptions take turns.
 * Oldest-due-first alone would send the whole backlog first, a batch per {@link WebhookDispatcher#REQUEST_TIMEOUT}.
 */
@QuarkusTest
class WebhookFairnessTest {

    /** Two full batches: first-come-first-served would make the other delivery wait two request timeouts. */
    private static final int BACKLOG = 20;
    /** Long ago, so that these deliveries come before anything else due in the database, leftovers included. */
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookEventRepository events;
    @Inject
    WebhookSubscriptionRepository subscriptions;
    @Inject
    WebhookSettings settings;

    WebhookCrm hooks;

    @BeforeEach
    void start() throws Exception {
        hooks = WebhookCrm.start("fairness");
    }

    @AfterEach
    void stop() {
        hooks.close();
    }

    @Test
    void aHangingReceiversBacklogDoesNotHoldUpAnotherSubscription() {
        assertThat(settings.batchSize()).as("the backlog fills two batches").isEqualTo(BACKLOG / 2);
        hooks.receiver.stall("/hanging", WebhookDispatcher.REQUEST_TIMEOUT.plusSeconds(5));
        // Cases opened while the client has no subscription: no deliveries of their own.
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i <= BACKLOG; i++) {
            cases.add(UUID.fromString(Recovery.open(hooks.id, aCase())));
        }

        // The backlog (one event per case, so none waits for an earlier event of its case) and the other
        // subscription's delivery, due an hour after the whole backlog, become visible in one commit.
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription hanging = subscription("/hanging");
            WebhookSubscription healthy = subscription("/healthy");
            for (int i = 0; i < BACKLOG; i++) {
                delivery(hanging, cases.get(i), LONG_AGO.plusSeconds(i));
            }
            delivery(healthy, cases.get(BACKLOG), LONG_AGO.plus(Duration.ofHours(1)));
        });
        Instant committed = Instant.now();

        Eventually.await("the healthy subscription's delivery", () -> hooks.receiver.at("/healthy"), r -> !r.isEmpty());
        Duration waited = Duration.between(committed, Instant.now());
        // Its turn comes in the first batch, beside the hanging receiver's oldest delivery; behind the backlog
        // it would have come after two batches of request timeouts (20 s).
        assertThat(waited).as("wait of the healthy delivery").isLessThan(WebhookDispatcher.REQUEST_TIMEOUT);
        assertThat(hooks.receiver.at("/healthy")).singleElement()
                .satisfies(r -> assertThat(r.json().getString("data.caseId")).isEqualTo(cases.get(BACKLOG).toString()));
    }

    private WebhookSubscription subscription(String path) {
        WebhookSubscription subscription = WebhookRows.subscription(hooks.id, hooks.receiver.url(path), true, Instant.now());
        subscriptions.persist(subscription);
        return subscription;
    }

    private void delivery(WebhookSubscription subscription, UUID caseId, Instant due) {
        WebhookEvent event = WebhookRows.event(hooks.id, caseId, "case.opened", due);
        events.persist(event);
        deliveries.persist(WebhookRows.delivery(event.id, subscription.id, WebhookDelivery.Status.PENDING, due));
    }
}
