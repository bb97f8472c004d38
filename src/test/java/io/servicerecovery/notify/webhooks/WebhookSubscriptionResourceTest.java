package io.servicerecovery.notify.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.servicerecovery.support.Api;

@QuarkusTest
class WebhookSubscriptionResourceTest {

    /** Nothing listens there: a subscription that is never sent anything in these tests. */
    private static final String URL = "http://127.0.0.1:9/hooks";

    private static String freshCrm() {
        return "crm-webhooks-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ExtractableResponse<Response> subscribe(String crm, Object events) {
        return Api.as(crm).body(Map.of("url", URL, "events", events)).post("/api/webhooks")
                .then().statusCode(201).extract();
    }

    @Test
    void showsTheSecretOnlyInTheCreationAnswer() {
        String crm = freshCrm();

        ExtractableResponse<Response> created = subscribe(crm, List.of("case.opened", "case.recovered"));

        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/webhooks/" + id);
        assertThat(created.<String>path("url")).isEqualTo(URL);
        assertThat(created.<List<String>>path("events")).containsExactly("case.opened", "case.recovered");
        assertThat(created.<String>path("createdAt")).isNotNull();
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);

        Api.as(crm).get("/api/webhooks/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("events", equalTo(List.of("case.opened", "case.recovered")))
                .body("secret", nullValue());
        Api.as(crm).get("/api/webhooks").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].secret", nullValue())
                .body("nextCursor", nullValue());
        assertThat(Api.as(crm).get("/api/webhooks/" + id).asString()).doesNotContain(secret.substring(6));
    }

    @Test
    void subscriptionsArePerClient() {
        String acme = subscribe("crm-acme", List.of("*")).path("id");
        try {
            Api.as("crm-globex").get("/api/webhooks/" + acme).then().statusCode(404)
                    .contentType("application/problem+json");
            Api.as("crm-globex").get("/api/webhooks").then().statusCode(200).body("items.id", not(hasItem(acme)));
            Api.as("crm-globex").get("/api/webhooks/" + acme + "/deliveries").then().statusCode(404);
            Api.as("crm-globex").post("/api/webhooks/" + acme + "/rotate-secret").then().statusCode(404);
            Api.as("crm-globex").delete("/api/webhooks/" + acme).then().statusCode(404);

            // Still there for Acme, untouched by Globex's attempts.
            Api.as("crm-acme").get("/api/webhooks/" + acme).then().statusCode(200)
                    .body("previousSecretExpiresAt", nullValue());
            Api.as("crm-acme").get("/api/webhooks").then().statusCode(200).body("items.id", hasItem(acme));
        } finally {
            Api.as("crm-acme").delete("/api/webhooks/" + acme).then().statusCode(204);
        }
        Api.as("crm-acme").get("/api/webhooks/" + acme).then().statusCode(404);
        Api.as("crm-acme").delete("/api/webhooks/" + acme).then().statusCode(404);
        Api.as("crm-acme").get("/api/webhooks").then().body("items.id", not(hasItem(acme)));
    }

    @Test
    void onlyCrmClientsHaveWebhooks() {
        Api.anonymous().get("/api/webhooks").then().statusCode(401);
        Api.as("agent-ben").get("/api/webhooks").then().statusCode(403);
        Api.as("admin").body(Map.of("url", URL, "events", List.of("*"))).post("/api/webhooks").then().statusCode(403);
    }

    @Test
    void refusesUnknownEventTypesNamingTheField() {
        Api.as(freshCrm()).body(Map.of("url", URL, "events", List.of("case.opened", "case.reopened")))
                .post("/api/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("events"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("case.reopened"));
        Api.as(freshCrm()).body(Map.of("url", URL, "events", List.of())).post("/api/webhooks")
                .then().statusCode(400).body("violations.field", hasItem("events"));
        Api.as(freshCrm()).body(Map.of("url", URL)).post("/api/webhooks")
                .then().statusCode(400).body("violations.field", hasItem("events"));
    }

    @Test
    void refusesUrlsThatAreNotHttpAndFieldsTheServerOwns() {
        String crm = freshCrm();
        Api.as(crm).body(Map.of("url", "ftp://crm.example.com/hooks", "events", List.of("*"))).post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("url"))
                .body("violations[0].message", equalTo("must use http or https"));
        Api.as(crm).body(Map.of("events", List.of("*"))).post("/api/webhooks")
                .then().statusCode(400).body("violations.field", hasItem("url"));
        Api.as(crm).body(Map.of("url", URL, "events", List.of("*"), "secret", "whsec_mine")).post("/api/webhooks")
                .then().statusCode(400).body("violations.field", hasItem("secret"));
        Api.as(crm).get("/api/webhooks").then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aWildcardStandsForEveryEventAndRepeatedTypesCountOnce() {
        String crm = freshCrm();
        assertThat(subscribe(crm, List.of("case.recovered", "*")).<List<String>>path("events")).containsExactly("*");
        assertThat(subscribe(crm, List.of("case.recovered", "case.cancelled", "case.recovered"))
                .<List<String>>path("events")).containsExactly("case.recovered", "case.cancelled");
    }

    @Test
    void rotatingGivesANewSecretOnceAndKeepsTheOldOneSigningForADay() {
        String crm = freshCrm();
        ExtractableResponse<Response> created = subscribe(crm, List.of("*"));
        String id = created.path("id");

        ExtractableResponse<Response> rotated = Api.as(crm).post("/api/webhooks/" + id + "/rotate-secret")
                .then().statusCode(200).body("id", equalTo(id)).body("previousSecretExpiresAt", notNullValue())
                .extract();

        assertThat(rotated.<String>path("secret")).startsWith("whsec_").isNotEqualTo(created.path("secret"));
        java.time.Instant until = java.time.Instant.parse(rotated.path("previousSecretExpiresAt"));
        assertThat(until).isBetween(java.time.Instant.now().plusSeconds(24 * 3600 - 60),
                java.time.Instant.now().plusSeconds(24 * 3600 + 60));
        Api.as(crm).get("/api/webhooks/" + id).then().statusCode(200)
                .body("secret", nullValue())
                .body("previousSecretExpiresAt", equalTo(rotated.path("previousSecretExpiresAt")));
    }

    @Test
    void listsSubscriptionsPageByPage() {
        String crm = freshCrm();
        String first = subscribe(crm, List.of("case.opened")).path("id");
        String second = subscribe(crm, List.of("case.recovered")).path("id");
        String third = subscribe(crm, List.of("*")).path("id");

        ExtractableResponse<Response> page1 = Api.as(crm).queryParam("limit", 2).get("/api/webhooks")
                .then().statusCode(200).extract();
        assertThat(page1.<List<String>>path("items.id")).containsExactly(third, second);
        Api.as(crm).queryParam("limit", 2).queryParam("cursor", page1.<String>path("nextCursor")).get("/api/webhooks")
                .then().statusCode(200).body("items.id", equalTo(List.of(first)));
        Api.as(crm).queryParam("cursor", "bm9wZQ").get("/api/webhooks").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }
}
