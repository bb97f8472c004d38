package io.servicerecovery.notify.webhooks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Recovery;

/**
 * The outbox cleanup: DELIVERED deliveries past recovery.webhooks.retention and FAILED ones past failed-retention
 * are removed, in batches smaller than what there is to remove (test profile: cleanup-batch=2), and so are the
 * events left without a delivery; everything younger stays, and so does an event another delivery still needs.
 */
@QuarkusTest
class WebhookRetentionTest {

    @Inject
    WebhookCleanup cleanup;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookEventRepository events;
    @Inject
    WebhookSubscriptionRepository subscriptions;
    @Inject
    WebhookSettings settings;

    @Test
    void deliveriesPastTheirRetentionAreRemovedWithTheirEventsAndTheRestStays() {
        assertThat(settings.cleanupBatch()).as("smaller than what is removed: several batches").isLessThan(5);
        String crm = "crm-retention-" + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId = UUID.fromString(Recovery.open(crm, aCase()));
        UUID sub = UUID.fromString(Api.as(crm).body(java.util.Map.of("url", "http://127.0.0.1:9/hooks", "events",
                List.of("*"))).post("/api/webhooks").then().statusCode(201).extract().path("id"));
        UUID sub2 = UUID.fromString(Api.as(crm).body(java.util.Map.of("url", "http://127.0.0.1:9/other", "events",
                List.of("*"))).post("/api/webhooks").then().statusCode(201).extract().path("id"));
        Api.as(crm).delete("/api/webhooks/" + sub2).then().statusCode(204);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Duration kept = settings.retention().minusHours(1);
        Duration gone = settings.retention().plusHours(1);

        UUID oldDelivered1 = write(sub, caseId, now.minus(gone), WebhookDelivery.Status.DELIVERED);
        UUID oldDelivered2 = write(sub, caseId, now.minus(gone).minusSeconds(1), WebhookDelivery.Status.DELIVERED);
        UUID oldDelivered3 = write(sub, caseId, now.minus(gone).minusSeconds(2), WebhookDelivery.Status.DELIVERED);
        UUID recentDelivered = write(sub, caseId, now.minus(kept), WebhookDelivery.Status.DELIVERED);
        UUID failedWithinItsRetention = write(sub, caseId, now.minus(gone), WebhookDelivery.Status.FAILED);
        UUID failedPastItsRetention = write(sub, caseId, now.minus(settings.failedRetention()).minus(Duration.ofHours(1)),
                WebhookDelivery.Status.FAILED);
        // One event, two deliveries: the old delivered one goes, the failed one keeps the event.
        UUID sharedOld = write(sub, caseId, now.minus(gone), WebhookDelivery.Status.DELIVERED);
        UUID sharedEvent = eventOf(sharedOld);
        UUID sharedFailed = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = delivery(sub2, sharedEvent, now.minus(gone), WebhookDelivery.Status.FAILED);
            return d.id;
        });
        List<UUID> removedEvents = List.of(eventOf(oldDelivered1), eventOf(oldDelivered2), eventOf(oldDelivered3),
                eventOf(failedPastItsRetention));

        WebhookCleanup.Removed removed = cleanup.removeExpired();

        assertThat(removed.delivered()).isGreaterThanOrEqualTo(4);
        assertThat(removed.failed()).isGreaterThanOrEqualTo(1);
        assertThat(removed.events()).isGreaterThanOrEqualTo(4);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(List.of(oldDelivered1, oldDelivered2, oldDelivered3, failedPastItsRetention, sharedOld))
                    .allSatisfy(id -> assertThat(deliveries.findById(id)).as("delivery %s", id).isNull());
            assertThat(removedEvents).allSatisfy(id -> assertThat(events.findById(id)).as("event %s", id).isNull());
            assertThat(List.of(recentDelivered, failedWithinItsRetention, sharedFailed))
                    .allSatisfy(id -> assertThat(deliveries.findById(id)).as("delivery %s", id).isNotNull());
            assertThat(events.findById(sharedEvent)).isNotNull();
            assertThat(events.findById(eventOf(recentDelivered))).isNotNull();
        });
        // The subscriber's view shows what is left.
        assertThat(Api.as(crm).get("/api/webhooks/" + sub + "/deliveries").then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class))
                .containsExactlyInAnyOrder(recentDelivered.toString(), failedWithinItsRetention.toString());
        Api.as(crm).delete("/api/webhooks/" + sub).then().statusCode(204);
    }

    private UUID eventOf(UUID deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.findById(deliveryId).eventId);
    }

    private UUID write(UUID subscriptionId, UUID caseId, Instant endedAt, WebhookDelivery.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookEvent event = WebhookRows.event(subscriptions.findById(subscriptionId).clientId, caseId, "case.opened",
                    endedAt.minusSeconds(10));
            events.persist(event);
            return delivery(subscriptionId, event.id, endedAt, status).id;
        });
    }

    private WebhookDelivery delivery(UUID subscriptionId, UUID eventId, Instant endedAt, WebhookDelivery.Status status) {
        WebhookDelivery d = WebhookRows.delivery(eventId, subscriptionId, status, endedAt);
        d.attempts = 1;
        d.createdAt = endedAt.minusSeconds(10);
        d.lastAttemptAt = endedAt;
        deliveries.persist(d);
        return d;
    }
}
