package io.servicerecovery.notify.webhooks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Recovery;

/**
 * The claim that keeps replicas from sending the same delivery at once, and what an attempt
 * leaves behind, against the real database. The delivery belongs to a deleted subscription, so
 * the running worker leaves it alone and the test plays the workers itself.
 */
@QuarkusTest
class WebhookClaimTest {

    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookDeliveryRepository deliveryRows;
    @Inject
    WebhookEventRepository events;
    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Test
    void ofWorkersClaimingTheSameDueDeliveryAtOnceExactlyOneGetsIt() throws Exception {
        UUID delivery = aDueDelivery();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<WebhookDeliveries.Claim>>> claims = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Optional<WebhookDeliveries.Claim>> claim = () -> {
                    go.await();
                    return deliveries.claim(delivery);
                };
                claims.add(workers.submit(claim));
            }
            go.countDown();
            List<WebhookDeliveries.Claim> won = new ArrayList<>();
            for (Future<Optional<WebhookDeliveries.Claim>> claim : claims) {
                claim.get().ifPresent(won::add);
            }

            assertThat(won).hasSize(1);
            assertThat(won.get(0).leaseUntil()).isAfter(Instant.now().plusSeconds(30));
            assertThat(deliveries.claim(delivery)).as("still leased").isEmpty();
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aFailedAttemptWaitsForItsRetryAndTheLastOneFailsForGood() {
        UUID delivery = aDueDelivery();
        WebhookDeliveries.Claim first = deliveries.claim(delivery).orElseThrow();

        assertThat(deliveries.record(first, new WebhookDeliveries.Attempt(503, "HTTP 503")))
                .isEqualTo(WebhookDeliveries.Outcome.RETRY);
        WebhookDelivery row = row(delivery);
        assertThat(row.status).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastStatusCode).isEqualTo(503);
        assertThat(row.lastError).isEqualTo("HTTP 503");
        assertThat(row.nextAttemptAt).isAfter(row.lastAttemptAt);
        assertThat(deliveries.claim(delivery)).as("not due before its back-off").isEmpty();

        // Eleven attempts have failed and the twelfth is due.
        QuarkusTransaction.requiringNew().run(() -> deliveryRows.update(
                "attempts = 11, nextAttemptAt = ?1 where id = ?2", Instant.now().minusSeconds(1), delivery));
        WebhookDeliveries.Claim last = deliveries.claim(delivery).orElseThrow();
        assertThat(deliveries.record(last, new WebhookDeliveries.Attempt(null, "ConnectException")))
                .isEqualTo(WebhookDeliveries.Outcome.FAILED);
        row = row(delivery);
        assertThat(row.status).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(row.attempts).isEqualTo(12);
        assertThat(row.lastStatusCode).isNull();
        assertThat(row.lastError).isEqualTo("ConnectException");

        // A worker whose lease ran out records nothing over what happened since.
        assertThat(deliveries.record(first, new WebhookDeliveries.Attempt(200, null)))
                .isEqualTo(WebhookDeliveries.Outcome.LOST);
        assertThat(row(delivery).status).isEqualTo(WebhookDelivery.Status.FAILED);
    }

    private WebhookDelivery row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> deliveryRows.findById(id));
    }

    private UUID aDueDelivery() {
        String crm = "crm-claims-" + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId = UUID.fromString(Recovery.open(crm, aCase()));
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            WebhookSubscription subscription = WebhookRows.subscription(crm, "http://127.0.0.1:9/hooks", false, now);
            subscriptions.persist(subscription);
            WebhookEvent event = WebhookRows.event(crm, caseId, "case.opened", now);
            events.persist(event);
            WebhookDelivery delivery = WebhookRows.delivery(event.id, subscription.id, WebhookDelivery.Status.PENDING,
                    now.minusSeconds(1));
            deliveryRows.persist(delivery);
            return delivery.id;
        });
    }
}
