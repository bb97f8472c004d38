package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Apologies;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.ConsoleSignIn;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.GreenMailResource;
import io.servicerecovery.support.Recovery;

/**
 * A working day on the agent's case page (issue 32): each step's form answers with the case page, which says in
 * words what happened and shows the next thing to do or what the case waits for; the compensation form neither
 * contradicts itself about discounts nor hides why the recommendation is not granted at once.
 */
@QuarkusTest
class CaseDayTest {

    @AfterEach
    void smtpBack() {
        GreenMailResource.startSmtp();
    }

    @Test
    void everyStepConfirmsWhatHappenedAndShowsTheNextOnTheSamePage() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("locale", "en-GB"));
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();

        String claimed = follow(ana, post(ana, csrf, caseId, accountability, "claim", Map.of()), "en");
        assertThat(claimed).contains("The step is yours now.").contains("id=\"accountability-form\"");

        String afterAccountability = follow(ana, post(ana, csrf, caseId, accountability, "accountability",
                Recovery.accountability()), "en");
        assertThat(afterAccountability).contains("Accountability saved. The apology is next.")
                .contains("id=\"apology-form\"").contains(">Waiting for the apology<");

        String apology = Recovery.task("agent-ana", caseId, "APOLOGY");
        Response apologized = post(ana, csrf, caseId, apology, "apology",
                Map.of("message", Apologies.unique(), "deliveredVia", "CHAT"));
        assertThat(apologized.header("Location")).as(apologized.asString()).isEqualTo("/console/cases/" + caseId + "?done=apology");
        String afterApology = follow(ana, apologized, "en");
        String swedish = follow(ana, apologized, "sv");
        assertThat(afterApology).contains("Apology saved. The customer gets the follow-up email in English.")
                .contains("id=\"compensation-form\"").contains(">Waiting for compensation<")
                .contains("Apologized in a chat").doesNotContain("Nothing is waiting for you");
        assertThat(swedish).contains("Ursäkten är sparad. Kunden får uppföljningsmejlet på engelska.")
                .contains("id=\"compensation-form\"");

        String compensation = Recovery.task("agent-ana", caseId, "COMPENSATION");
        Response granted = post(ana, csrf, caseId, compensation, "compensation",
                Map.of("type", "CREDIT", "amount", "5.00", "currency", "EUR", "reason", "Late delivery credit"));
        assertThat(granted.header("Location")).isEqualTo("/console/cases/" + caseId + "?done=granted");
        String afterGrant = follow(ana, granted, "en");
        assertThat(afterGrant).contains("Compensation granted at once.").contains("id=\"granted\"")
                .contains("Granted: 5.00 EUR.")
                .doesNotContain(">Waiting for compensation<").doesNotContain("Nothing is waiting for you");
        assertThat(afterGrant).containsAnyOf(">Sending the follow-up email<", ">Recovered<");
        assertThat(follow(ana, granted, "sv")).contains("Kompensationen beviljades direkt.");
    }

    @Test
    void aGrantWhoseEmailFailedSaysItWaitsForAnOperator() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        GreenMailResource.stopSmtp();
        Recovery.complete("agent-ana", Recovery.task("agent-ana", caseId, "APOLOGY"), Recovery.apology());
        Eventually.await("an incident on case " + caseId,
                () -> Api.as("admin").queryParam("caseId", caseId).get("/api/incidents").then().statusCode(200)
                        .extract().jsonPath(),
                json -> !json.getList("items").isEmpty());
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();

        String compensation = Recovery.task("agent-ana", caseId, "COMPENSATION");
        Response granted = post(ana, csrf, caseId, compensation, "compensation",
                Map.of("type", "CREDIT", "amount", "5.00", "currency", "EUR", "reason", "Late delivery credit"));
        String english = follow(ana, granted, "en");
        String swedish = follow(ana, granted, "sv");

        assertThat(english).contains("The follow-up email failed and waits for an operator.")
                .contains(">Sending the follow-up email<").contains("id=\"granted\"");
        assertThat(swedish).contains("Uppföljningsmejlet misslyckades och väntar på en operatör.");
    }

    @Test
    void aDiscountHasNoCurrencyInTheFormThePreviewOrTheSubmission() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String compensation = Recovery.throughApology("agent-ana", caseId);
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();

        // A currency left over from a credit does not decide a discount: the order's currency does, as on submission.
        String preview = ana.request().formParams(Map.of(csrf.getKey(), csrf.getValue(), "type", "DISCOUNT_PERCENT",
                "amount", "5", "currency", "DKK")).post("/console/cases/" + caseId + "/live/outcome").then()
                .statusCode(200).extract().asString();
        assertThat(preview).contains("Within your limits: it is granted at once.");

        // Refused (no reason given): the page keeps the discount, its amount, and no currency.
        String refused = post(ana, csrf, caseId, compensation, "compensation",
                Map.of("type", "DISCOUNT_PERCENT", "amount", "7", "currency", "EUR", "reason", "")).then()
                .extract().asString();
        assertThat(refused).contains("id=\"problem\"").contains("value=\"DISCOUNT_PERCENT\" selected")
                .contains("value=\"7\"").doesNotContain("a discount is a percent and has no currency")
                .containsPattern("id=\"currency\"[^>]*value=\"\"[^>]*disabled");
        assertThat(refused).contains("a discount is a percent of the order and has no currency");

        // Submitted with the currency a browser without the script leaves in the field: the discount is decided.
        Response decided = post(ana, csrf, caseId, compensation, "compensation",
                Map.of("type", "DISCOUNT_PERCENT", "amount", "5", "currency", "DKK", "reason", "Late delivery"));
        assertThat(decided.header("Location")).isEqualTo("/console/cases/" + caseId + "?done=granted");
        assertThat(follow(ana, decided, "en")).contains("Compensation granted at once.").contains("Voucher code:");
    }

    @Test
    void givenByHasNoDefaultAndARefusedPostKeepsTheChoice() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        String apology = Recovery.task("agent-ana", caseId, "APOLOGY");
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();

        String page = get(ana, caseId, "en");
        assertThat(page).containsPattern("<select id=\"deliveredVia\" name=\"deliveredVia\" required>\\s*"
                + "<option value=\"\" selected disabled>Choose how you gave it</option>")
                .contains(">By phone</option>").contains(">In a chat</option>").doesNotContain("value=\"PHONE\" selected");
        assertThat(get(ana, caseId, "sv")).contains("Välj hur du gav den");

        String refused = post(ana, csrf, caseId, apology, "apology",
                Map.of("message", "Too short.", "deliveredVia", "CHAT")).then().extract().asString();
        assertThat(refused).contains("id=\"problem\"").contains("value=\"CHAT\" selected")
                .doesNotContain("<option value=\"\" selected");

        String unchosen = post(ana, csrf, caseId, apology, "apology",
                Map.of("message", Apologies.unique())).then().extract().asString();
        assertThat(unchosen).contains("id=\"problem\"").contains("<option value=\"\" selected disabled>");
    }

    @Test
    void theCompensationFormSaysWhenTheRecommendationIsAboveTheAgentsPower() {
        // A critical failure of a platinum customer: the matrix recommends more than an agent may grant alone.
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("tier", "PLATINUM")
                .failure("severity", "CRITICAL"));
        Recovery.throughApology("agent-ana", caseId);
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");

        String english = get(ana, caseId, "en");
        String swedish = get(ana, caseId, "sv");

        assertThat(english).contains("id=\"above-limits\"").contains("This is above your own limits: you may grant");
        assertThat(swedish).contains("id=\"above-limits\"").contains("Det här är över dina egna gränser");
    }

    private static Response post(ConsoleSignIn who, Map.Entry<String, String> csrf, String caseId, String taskId,
            String step, Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        fields.put(csrf.getKey(), csrf.getValue());
        return who.request().formParams(fields).post("/console/cases/" + caseId + "/tasks/" + taskId + "/" + step);
    }

    /** The page a browser lands on after the post's redirect. */
    private static String follow(ConsoleSignIn who, Response answer, String language) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(303);
        return who.request().header("Accept-Language", language).get(answer.header("Location")).then().statusCode(200)
                .extract().asString();
    }

    private static String get(ConsoleSignIn who, String caseId, String language) {
        return who.request().header("Accept-Language", language).get("/console/cases/" + caseId).then()
                .statusCode(200).extract().asString();
    }
}
