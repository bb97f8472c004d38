package io.servicerecovery.notify.webhooks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.MovableClock;
import io.servicerecovery.support.Recovery;

/**
 * Webhook behaviour the CRM integration guide documents and WebhookDeliveryTest does not reach: the escalation
 * event, signing after the rotation grace, encrypted stored secrets, timeouts and refused redirects, a failing
 * case that does not hold up the others, the {@code ?status=} filter, and the URL policy before every attempt
 * with a resolver the test controls (the test profile itself allows private addresses).
 */
@QuarkusTest
class WebhookBehaviourTest {

    @Inject
    WebhookSettings settings;
    @Inject
    EntityManager em;

    WebhookCrm hooks;

    @BeforeEach
    void start() throws Exception {
        hooks = WebhookCrm.start("behaviour");
    }

    @AfterEach
    void stop() {
        hooks.close();
    }

    @Test
    void aProposalAboveTheAgentsLimitsIsSentAsCaseEscalated() {
        Map<String, Object> subscription = subscribe("/escalated", List.of("case.escalated"));
        String caseId = Recovery.open(hooks.id, aCase().with("ownerAgent", hooks.agent));
        Recovery.complete(hooks.agent, Recovery.throughApology(hooks.agent, caseId), Recovery.credit("120.00"));

        List<WebhookReceiver.Received> received = await("/escalated", r -> !r.isEmpty());
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("case.escalated");
            assertThat(r.json().getString("data.caseId")).isEqualTo(caseId);
            assertThat(r.json().getString("data.details.approverLevel")).isEqualTo("TEAM_LEAD");
            assertThat(WebhookReceiver.verifies((String) subscription.get("secret"), r)).isTrue();
        });
    }

    @Test
    void afterTheRotationGraceOnlyTheNewSecretSigns() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        Map<String, Object> subscription = subscribe("/rotated", List.of("case.opened"));
        String oldSecret = (String) subscription.get("secret");
        String newSecret = Api.as(hooks.id).post("/api/webhooks/" + subscription.get("id") + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");
        assertThat(settings.rotationGrace()).isEqualTo(Duration.ofHours(24));

        clock.advance(Duration.ofHours(24).minusMinutes(1));
        String justBefore = Recovery.open(hooks.id, aCase());
        WebhookReceiver.Received first = await("/rotated", r -> r.size() == 1).get(0);
        assertThat(first.json().getString("data.caseId")).isEqualTo(justBefore);
        assertThat(first.signature().split(" ")).hasSize(2);

        clock.advance(Duration.ofMinutes(2));
        String justAfter = Recovery.open(hooks.id, aCase());
        WebhookReceiver.Received second = await("/rotated", r -> r.size() == 2).get(1);
        assertThat(second.json().getString("data.caseId")).isEqualTo(justAfter);
        assertThat(second.signature().split(" ")).as("signatures after the grace").hasSize(1);
        assertThat(WebhookReceiver.signedWith(newSecret, second)).isTrue();
        assertThat(WebhookReceiver.signedWith(oldSecret, second)).isFalse();
    }

    @Test
    void withASecretsKeyTheStoredSecretsAreEncryptedAndStillSign() {
        WebhookSettings withKey = (WebhookSettings) Proxy.newProxyInstance(WebhookSettings.class.getClassLoader(),
                new Class<?>[] { WebhookSettings.class }, (proxy, method, args) -> method.getName().equals("secretsKey")
                        ? Optional.of("a key only this test knows")
                        : method.invoke(settings, args));
        QuarkusMock.installMockForType(new WebhookSecretStore(withKey), WebhookSecretStore.class);
        Map<String, Object> subscription = subscribe("/sealed", List.of("case.opened"));
        String secret = (String) subscription.get("secret");
        String newSecret = Api.as(hooks.id).post("/api/webhooks/" + subscription.get("id") + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");

        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select secret, previous_secret from webhook_subscription where id = :id")
                .setParameter("id", UUID.fromString((String) subscription.get("id"))).getSingleResult());
        assertThat((String) stored[0]).startsWith("aesgcm:").doesNotContain(newSecret.substring("whsec_".length()));
        assertThat((String) stored[1]).startsWith("aesgcm:").doesNotContain(secret.substring("whsec_".length()));

        Recovery.open(hooks.id, aCase());
        WebhookReceiver.Received received = await("/sealed", r -> !r.isEmpty()).get(0);
        assertThat(WebhookReceiver.verifies(newSecret, received)).isTrue();
        assertThat(WebhookReceiver.verifies(secret, received)).isTrue();
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeCountsAsAFailedAttempt() {
        hooks.receiver.stall("/slow", WebhookDispatcher.REQUEST_TIMEOUT.plusSeconds(5));
        Map<String, Object> subscription = subscribe("/slow", List.of("case.opened"));
        Recovery.open(hooks.id, aCase());

        JsonPath deliveries = Eventually.await("a timed-out attempt", () -> deliveries(subscription, null),
                json -> json.getInt("items[0].attempts") >= 1);
        assertThat(deliveries.getString("items[0].status")).isEqualTo("PENDING");
        assertThat(deliveries.getString("items[0].lastError")).containsIgnoringCase("timed out");
        assertThat(deliveries.get("items[0].lastStatusCode") == null).isTrue();
    }

    @Test
    void aRedirectIsNotFollowed() {
        hooks.receiver.redirect("/moved", hooks.receiver.url("/elsewhere"));
        Map<String, Object> subscription = subscribe("/moved", List.of("case.opened"));
        Recovery.open(hooks.id, aCase());

        JsonPath deliveries = Eventually.await("the redirected attempt", () -> deliveries(subscription, null),
                json -> json.getInt("items[0].attempts") >= 1);
        assertThat(deliveries.getString("items[0].status")).isEqualTo("PENDING");
        assertThat(deliveries.getInt("items[0].lastStatusCode")).isEqualTo(307);
        assertThat(hooks.receiver.at("/moved")).isNotEmpty();
        assertThat(hooks.receiver.at("/elsewhere")).as("requests at the redirect's target").isEmpty();
    }

    /**
     * A case whose deliveries keep failing is retried on its own schedule until it fails for good, while the
     * events of another case go out at once; afterwards {@code ?status=} tells them apart.
     */
    @Test
    void oneFailingCaseDoesNotHoldUpTheOthersAndStatusFiltersTellThemApart() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        Map<String, Object> subscription = subscribe("/mixed", List.of("case.opened"));
        String failing = Recovery.open(hooks.id, aCase());
        hooks.receiver.failWhenBodyContains("/mixed", failing);
        Eventually.await("a failed attempt of the failing case", () -> deliveries(subscription, null),
                json -> json.getInt("items.find { it.caseId == '" + failing + "' }.attempts") >= 1);

        String healthy = Recovery.open(hooks.id, aCase());
        JsonPath whileFailing = Eventually.await("the other case delivered", () -> deliveries(subscription, null),
                json -> "DELIVERED".equals(json.getString("items.find { it.caseId == '" + healthy + "' }.status")));
        assertThat(whileFailing.getString("items.find { it.caseId == '" + failing + "' }.status")).isEqualTo("PENDING");

        // Each retry waits longer (at most retry-max, 1 h): moving the clock on makes the next one due.
        JsonPath failed = Eventually.await("the failing case to fail for good", () -> {
            clock.advance(settings.retryMax().plusMinutes(1));
            return deliveries(subscription, null);
        }, json -> "FAILED".equals(json.getString("items.find { it.caseId == '" + failing + "' }.status")));
        assertThat(failed.getInt("items.find { it.caseId == '" + failing + "' }.attempts"))
                .isEqualTo(settings.maxAttempts());

        assertThat(deliveries(subscription, "FAILED").getList("items.caseId", String.class)).containsExactly(failing);
        assertThat(deliveries(subscription, "DELIVERED").getList("items.caseId", String.class)).containsExactly(healthy);
        assertThat(deliveries(subscription, "PENDING").getList("items")).isEmpty();
        Api.as(hooks.id).queryParam("status", "LOST").get("/api/webhooks/" + subscription.get("id") + "/deliveries")
                .then().statusCode(400);
    }

    /**
     * The URL policy with private addresses refused (as in production), and a resolver the test controls: a host
     * that resolves to a private address is refused when subscribing, and a host that resolved to a public one
     * when subscribing but to a private one later (DNS rebinding) is refused before the attempt, not called.
     */
    @Test
    void theUrlPolicyIsCheckedWhenSubscribingAndBeforeEveryAttempt() {
        Map<String, String> dns = new ConcurrentHashMap<>();
        WebhookUrlPolicy production = new WebhookUrlPolicy(false, host -> {
            String address = dns.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName(address) };
        });
        QuarkusMock.installMockForType(production, WebhookUrlPolicy.class);
        dns.put("hooks.crm.test", "198.51.100.7");
        dns.put("internal.crm.test", "10.1.2.3");

        Api.as(hooks.id).body(Map.of("url", "http://internal.crm.test/hooks", "events", List.of("case.opened")))
                .post("/api/webhooks").then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("url"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("10.1.2.3"));
        Api.as(hooks.id).body(Map.of("url", hooks.receiver.url("/loopback"), "events", List.of("case.opened")))
                .post("/api/webhooks").then().statusCode(400);

        Map<String, Object> subscription = Api.as(hooks.id).body(Map.of("url", "http://hooks.crm.test:"
                + hooks.receiver.url("/").replaceAll(".*:(\\d+)/$", "$1") + "/rebound", "events", List.of("case.opened")))
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath().getMap("");
        dns.put("hooks.crm.test", "127.0.0.1");
        Recovery.open(hooks.id, aCase());

        JsonPath deliveries = Eventually.await("the refused attempt", () -> deliveries(subscription, null),
                json -> json.getInt("items[0].attempts") >= 1);
        assertThat(deliveries.getString("items[0].lastError")).startsWith("URL refused")
                .contains("127.0.0.1");
        assertThat(hooks.receiver.at("/rebound")).as("requests that reached the receiver").isEmpty();
    }

    private JsonPath deliveries(Map<String, Object> subscription, String status) {
        var request = Api.as(hooks.id);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/api/webhooks/" + subscription.get("id") + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
    }

    private Map<String, Object> subscribe(String path, List<String> events) {
        return Api.as(hooks.id).body(Map.of("url", hooks.receiver.url(path), "events", events)).post("/api/webhooks")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    private List<WebhookReceiver.Received> await(String path, Predicate<List<WebhookReceiver.Received>> done) {
        return Eventually.await("webhooks at " + path, () -> hooks.receiver.at(path), done);
    }
}
