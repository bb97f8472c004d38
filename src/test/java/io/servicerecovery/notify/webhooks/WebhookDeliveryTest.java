package io.servicerecovery.notify.webhooks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Recovery;

/**
 * Case events reach a real HTTP receiver: signed, once per event id (retries repeat the id),
 * and in the order they happened, through the outbox and the delivery worker.
 */
@QuarkusTest
public class WebhookDeliveryTest {

    private static final List<String> RECOVERED_CASE = List.of("case.opened", "case.accountability_taken",
            "case.apology_sent", "case.compensation_approved", "case.compensation_granted", "case.recovered");

    /**
     * The events of one recovered case in the order they happened. The follow-up email is sent beside the
     * compensation (bpmn: FollowUpAndCompensate), so its event comes after the apology and before the recovery
     * but may come before or after the approval and the grant.
     */
    public static void assertInTheOrderTheyHappened(List<String> types) {
        assertThat(types).containsExactlyInAnyOrderElementsOf(RECOVERED_CASE);
        assertThat(types.stream().filter(type -> !type.equals("case.apology_sent")))
                .containsExactlyElementsOf(RECOVERED_CASE.stream().filter(type -> !type.equals("case.apology_sent")).toList());
        assertThat(types.indexOf("case.apology_sent")).isGreaterThan(types.indexOf("case.accountability_taken"))
                .isLessThan(types.indexOf("case.recovered"));
    }

    @Inject
    MeterRegistry metrics;

    WebhookCrm hooks;

    @BeforeEach
    void start() throws Exception {
        hooks = WebhookCrm.start("hooks");
    }

    @AfterEach
    void stop() {
        hooks.close();
    }

    @Test
    void aCrmHearsEveryStepOfARecoveredCaseSignedOncePerEventAndInOrderDespiteFailures() {
        // given: one subscription to everything, whose first three deliveries fail, and one to recoveries only
        hooks.receiver.failFirst("/all", 3);
        Map<String, Object> all = subscribe("/all", List.of("*"));
        Map<String, Object> recoveries = subscribe("/recovered", List.of("case.recovered"));
        double retriesBefore = counter("retry");

        // when: the case goes all the way
        CaseRequests request = aCase();
        String caseId = Recovery.open(hooks.id, request);
        String proposal = Recovery.throughApology(hooks.agent, caseId);
        assertThat(Recovery.complete(hooks.agent, proposal, Recovery.credit("20.00")).getString("decision"))
                .isEqualTo("APPROVED_WITHIN_EMPOWERMENT");
        Recovery.awaitStatus(hooks.id, caseId, "RECOVERED");

        // then: six events, each accepted exactly once, in the order they happened
        List<WebhookReceiver.Received> received = await("/all", accepted -> accepted.size() >= RECOVERED_CASE.size());
        String secret = (String) all.get("secret");
        assertThat(received).allSatisfy(r -> {
            assertThat(WebhookReceiver.verifies(secret, r)).as("signature of %s", r.id()).isTrue();
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.json().getString("id")).isEqualTo(r.id());
            assertThat(r.json().getString("data.caseId")).isEqualTo(caseId);
            assertThat(r.json().getString("data.externalRef")).isEqualTo(request.externalRef());
        });
        List<WebhookReceiver.Received> accepted = received.stream().filter(WebhookReceiver.Received::accepted).toList();
        assertInTheOrderTheyHappened(accepted.stream().map(WebhookReceiver.Received::type).toList());
        Set<String> ids = new LinkedHashSet<>(accepted.stream().map(WebhookReceiver.Received::id).toList());
        assertThat(ids).hasSize(RECOVERED_CASE.size());
        // the three failures were retries of the first event, with the same id and the same bytes
        List<WebhookReceiver.Received> refused = received.stream().filter(r -> !r.accepted()).toList();
        assertThat(refused).hasSize(3).allSatisfy(r -> {
            assertThat(r.id()).isEqualTo(accepted.get(0).id());
            assertThat(r.body()).isEqualTo(accepted.get(0).body());
        });
        assertThat(received.stream().map(WebhookReceiver.Received::id).distinct()).containsExactlyElementsOf(ids);
        assertThat(counter("retry") - retriesBefore).isGreaterThanOrEqualTo(3);

        JsonPath opened = accepted.get(0).json();
        assertThat(opened.getString("occurredAt")).isNotBlank();
        assertThat(opened.getString("data.status")).isEqualTo("AWAITING_ACCOUNTABILITY");
        assertThat(accepted.get(3).json().getString("data.details.amount")).isEqualTo("20.00");
        assertThat(accepted.get(5).json().getString("data.status")).isEqualTo("RECOVERED");

        // the subscription to recoveries heard of the same recovery, under the same id, and of nothing else
        List<WebhookReceiver.Received> recovered = await("/recovered", r -> !r.isEmpty());
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("case.recovered");
            assertThat(r.id()).isEqualTo(accepted.get(5).id());
            assertThat(WebhookReceiver.verifies((String) recoveries.get("secret"), r)).isTrue();
            assertThat(WebhookReceiver.verifies(secret, r)).as("each subscription has its own secret").isFalse();
        });

        // and the CRM can see how the deliveries went
        JsonPath deliveries = Eventually.await("six deliveries recorded as DELIVERED",
                () -> Api.as(hooks.id).get("/api/webhooks/" + all.get("id") + "/deliveries")
                        .then().statusCode(200).extract().jsonPath(),
                json -> json.getList("items.status", String.class).stream().filter("DELIVERED"::equals).count() == 6);
        assertThat(deliveries.getList("items.status", String.class)).hasSize(6);
        Map<String, Object> first = deliveries.getMap("items.find { it.type == 'case.opened' }");
        assertThat(first).containsEntry("attempts", 4).containsEntry("lastStatusCode", 200)
                .containsEntry("eventId", accepted.get(0).id()).containsKey("deliveredAt");
    }

    @Test
    void aTamperedBodyOrTimestampFailsVerification() {
        Map<String, Object> subscription = subscribe("/opened", List.of("case.opened"));
        Recovery.open(hooks.id, aCase());

        WebhookReceiver.Received r = await("/opened", received -> !received.isEmpty()).get(0);
        String secret = (String) subscription.get("secret");
        assertThat(WebhookReceiver.verifies(secret, r)).isTrue();

        byte[] tampered = r.body().clone();
        int at = new String(tampered, StandardCharsets.UTF_8).indexOf("AWAITING_ACCOUNTABILITY");
        tampered[at] = (byte) 'B';
        assertThat(WebhookReceiver.verifies(secret, r.id(), r.timestamp(), tampered, r.signature())).isFalse();
        String earlier = Long.toString(Long.parseLong(r.timestamp()) - 1);
        assertThat(WebhookReceiver.verifies(secret, r.id(), earlier, r.body(), r.signature())).isFalse();
        assertThat(WebhookReceiver.verifies(secret, UUID.randomUUID().toString(), r.timestamp(), r.body(),
                r.signature())).isFalse();
    }

    @Test
    void afterARotationBothTheOldAndTheNewSecretVerifyDuringTheGracePeriod() {
        Map<String, Object> subscription = subscribe("/rotating", List.of("case.opened", "case.cancelled"));
        String oldSecret = (String) subscription.get("secret");
        String newSecret = Api.as(hooks.id).post("/api/webhooks/" + subscription.get("id") + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");

        String caseId = Recovery.open(hooks.id, aCase());
        Api.as(hooks.id).body(Map.of("reason", "The customer withdrew the complaint."))
                .post("/api/cases/" + caseId + "/cancel").then().statusCode(200);

        List<WebhookReceiver.Received> received = await("/rotating", r -> r.size() >= 2);
        assertThat(received).extracting(WebhookReceiver.Received::type).containsExactly("case.opened", "case.cancelled");
        assertThat(received).allSatisfy(r -> {
            String[] signatures = r.signature().split(" ");
            assertThat(signatures).hasSize(2);
            assertThat(WebhookReceiver.verifies(newSecret, r.id(), r.timestamp(), r.body(), signatures[0])).isTrue();
            assertThat(WebhookReceiver.verifies(oldSecret, r.id(), r.timestamp(), r.body(), signatures[1])).isTrue();
            assertThat(WebhookReceiver.verifies(oldSecret, r)).isTrue();
            assertThat(WebhookReceiver.verifies(newSecret, r)).isTrue();
        });
    }

    @Test
    void aDeletedSubscriptionHearsNothingMore() {
        Map<String, Object> kept = subscribe("/kept", List.of("case.opened"));
        Map<String, Object> deleted = subscribe("/deleted", List.of("case.opened"));
        Api.as(hooks.id).delete("/api/webhooks/" + deleted.get("id")).then().statusCode(204);

        Recovery.open(hooks.id, aCase());

        assertThat(await("/kept", r -> !r.isEmpty())).singleElement()
                .satisfies(r -> assertThat(WebhookReceiver.verifies((String) kept.get("secret"), r)).isTrue());
        assertThat(hooks.receiver.at("/deleted")).isEmpty();
        Api.as(hooks.id).get("/api/webhooks/" + deleted.get("id") + "/deliveries").then().statusCode(404);
    }

    private Map<String, Object> subscribe(String path, List<String> events) {
        return Api.as(hooks.id).body(Map.of("url", hooks.receiver.url(path), "events", events)).post("/api/webhooks")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    private List<WebhookReceiver.Received> await(String path, Predicate<List<WebhookReceiver.Received>> accepted) {
        Eventually.await("webhooks at " + path, () -> hooks.receiver.at(path).stream()
                .filter(WebhookReceiver.Received::accepted).toList(), accepted);
        return new ArrayList<>(hooks.receiver.at(path));
    }

    private double counter(String outcome) {
        var counter = metrics.find("recovery.webhook.deliveries").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
