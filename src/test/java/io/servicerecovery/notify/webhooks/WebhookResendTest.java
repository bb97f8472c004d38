package io.servicerecovery.notify.webhooks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Recovery;

/**
 * A subscriber finds its FAILED deliveries (?status=FAILED, keyset pages) and has them sent again, one by one or
 * all at once, to a real receiver: signed with its secret, and each case's events in the order they happened.
 * The deliveries are written FAILED directly (as if their attempts had run out; WebhookBehaviourTest shows how a
 * delivery gets there), the rest goes through the API and the dispatcher.
 */
@QuarkusTest
class WebhookResendTest {

    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookEventRepository events;
    @Inject
    WebhookSettings settings;

    WebhookCrm hooks;

    @BeforeEach
    void start() throws Exception {
        hooks = WebhookCrm.start("resend");
    }

    @AfterEach
    void stop() {
        hooks.close();
    }

    @Test
    void failedDeliveriesAreListedAndResentOneByOneOrAllInOrderPerCase() {
        // Cases opened before the subscription: no deliveries of their own.
        UUID caseA = UUID.fromString(Recovery.open(hooks.id, aCase()));
        UUID caseB = UUID.fromString(Recovery.open(hooks.id, aCase()));
        Map<String, Object> subscription = subscribe("/resend");
        UUID subscriptionId = UUID.fromString((String) subscription.get("id"));
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        UUID openedA = write(subscriptionId, caseA, "case.opened", t, WebhookDelivery.Status.FAILED);
        UUID cancelledA = write(subscriptionId, caseA, "case.cancelled", t.plusSeconds(1), WebhookDelivery.Status.FAILED);
        UUID openedB = write(subscriptionId, caseB, "case.opened", t.plusSeconds(2), WebhookDelivery.Status.FAILED);
        UUID delivered = write(subscriptionId, caseB, "case.cancelled", t.plusSeconds(3), WebhookDelivery.Status.DELIVERED);
        String base = "/api/webhooks/" + subscriptionId + "/deliveries";

        // the failed-deliveries view, newest first, in keyset pages
        JsonPath first = Api.as(hooks.id).queryParam("status", "FAILED").queryParam("limit", 2).get(base)
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(openedB.toString(), cancelledA.toString());
        JsonPath second = Api.as(hooks.id).queryParam("status", "FAILED").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get(base).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id", String.class)).containsExactly(openedA.toString());

        // only a FAILED delivery of one's own subscription can be resent
        Api.as(hooks.id).post(base + "/" + delivered + "/resend").then().statusCode(409)
                .contentType(io.servicerecovery.common.Problem.MEDIA_TYPE)
                .body("type", endsWith("webhook-delivery-not-failed")).body("context.deliveryStatus", equalTo("DELIVERED"));
        Api.as(hooks.id).post(base + "/" + UUID.randomUUID() + "/resend").then().statusCode(404);
        Api.as("crm-someone-else").post(base + "/" + openedB + "/resend").then().statusCode(404);
        Api.as("crm-someone-else").post(base + "/resend-failed").then().statusCode(404);

        // one by one
        Api.as(hooks.id).post(base + "/" + openedB + "/resend").then().statusCode(202)
                .body("id", equalTo(openedB.toString())).body("status", equalTo("PENDING"))
                .body("attempts", equalTo(0)).body("resends", equalTo(1));
        List<WebhookReceiver.Received> afterOne = await(1);
        assertThat(afterOne).singleElement().satisfies(r -> {
            assertThat(r.json().getString("data.caseId")).isEqualTo(caseB.toString());
            assertThat(WebhookReceiver.verifies((String) subscription.get("secret"), r)).isTrue();
        });

        // and all the rest, in the order each case's events happened
        Api.as(hooks.id).post(base + "/resend-failed").then().statusCode(202).body("resent", equalTo(2));
        List<WebhookReceiver.Received> all = await(3);
        assertThat(all.stream().filter(r -> r.json().getString("data.caseId").equals(caseA.toString()))
                .map(WebhookReceiver.Received::type)).containsExactly("case.opened", "case.cancelled");
        JsonPath after = Eventually.await("the resent deliveries recorded", () -> Api.as(hooks.id).get(base).then()
                .statusCode(200).extract().jsonPath(), json -> json.getList("items.status", String.class).stream()
                        .allMatch("DELIVERED"::equals));
        assertThat(after.getList("items.resends", Integer.class)).containsExactlyInAnyOrder(1, 1, 1, 0);
        Api.as(hooks.id).post(base + "/resend-failed").then().statusCode(202).body("resent", equalTo(0));
    }

    @Test
    void aClientMayHaveOnlySoManySubscriptions() {
        int limit = settings.maxSubscriptionsPerClient();
        String last = null;
        for (int i = 0; i < limit; i++) {
            last = (String) subscribe("/limit-" + i).get("id");
        }
        Api.as(hooks.id).body(Map.of("url", hooks.receiver.url("/one-too-many"), "events", List.of("*"))).post("/api/webhooks")
                .then().statusCode(409).contentType(io.servicerecovery.common.Problem.MEDIA_TYPE)
                .body("type", endsWith("webhook-subscription-limit")).body("context.limit", equalTo(limit))
                .body("detail", org.hamcrest.Matchers.containsString(limit + " active webhook subscriptions"));
        // another client is not held back by this one's
        String other = "crm-resend-other-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(other).body(Map.of("url", hooks.receiver.url("/other"), "events", List.of("*"))).post("/api/webhooks")
                .then().statusCode(201);
        WebhookReceiver.unsubscribeAll(other);
        // a deleted subscription no longer counts
        Api.as(hooks.id).delete("/api/webhooks/" + last).then().statusCode(204);
        subscribe("/limit-again");
    }

    private Map<String, Object> subscribe(String path) {
        return Api.as(hooks.id).body(Map.of("url", hooks.receiver.url(path), "events", List.of("*"))).post("/api/webhooks")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    private List<WebhookReceiver.Received> await(int accepted) {
        return Eventually.await(accepted + " webhooks at /resend", () -> hooks.receiver.at("/resend").stream()
                .filter(WebhookReceiver.Received::accepted).toList(), r -> r.size() >= accepted);
    }

    /** One event of the case and its delivery to the subscription, ended (FAILED or DELIVERED) at {@code at}. */
    private UUID write(UUID subscriptionId, UUID caseId, String type, Instant at, WebhookDelivery.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookEvent event = WebhookRows.event(hooks.id, caseId, type, at);
            events.persist(event);
            WebhookDelivery delivery = WebhookRows.delivery(event.id, subscriptionId, status, at);
            delivery.attempts = status == WebhookDelivery.Status.FAILED ? settings.maxAttempts() : 1;
            delivery.lastAttemptAt = at;
            delivery.lastStatusCode = status == WebhookDelivery.Status.FAILED ? 500 : 200;
            delivery.lastError = status == WebhookDelivery.Status.FAILED ? "HTTP 500" : null;
            deliveries.persist(delivery);
            return delivery.id;
        });
    }
}
