package io.servicerecovery.apology;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.MovableClock;
import io.servicerecovery.support.Apologies;
import io.servicerecovery.support.Recovery;

/** What agents write is checked against the case before it reaches the customer. */
@QuarkusTest
class ApologyQualityResourceTest {

    @jakarta.inject.Inject
    io.servicerecovery.support.Budgets budgets;

    @org.junit.jupiter.api.BeforeEach
    void freshBudgets() {
        // A database kept from earlier runs remembers their approvals; this class approves credits again.
        budgets.resetDemoPeople();
    }

    @Test
    void rejectsAnApologyThatTellsTheCustomerTheyShouldHaveReadTheTerms() {
        String caseId = Recovery.open("crm-acme", aCase());
        String apology = atApology(caseId);
        Api.as("agent-ana").body(Map.of("message", Apologies.unique()
                + " To be fair, you should have read our terms about delivery windows.", "deliveredVia", "PHONE"))
                .post("/api/tasks/" + apology + "/complete").then().statusCode(422)
                .contentType("application/problem+json")
                .body("findings.code", hasItem("BLAMES_CUSTOMER"))
                .body("findings.find { it.code == 'BLAMES_CUSTOMER' }.message",
                        org.hamcrest.Matchers.containsString("you should have"));
        // Nothing was written: the task is still open and the case has no apology.
        assertThat(Recovery.task("agent-ana", caseId, "APOLOGY")).isEqualTo(apology);
        assertThat(Recovery.caseAs("crm-acme", caseId).getString("apology")).isNull();
    }

    @Test
    void flagsACopyPastedApologyForASecondCaseAsCanned() {
        String text = Apologies.unique();
        String first = Recovery.open("crm-acme", aCase());
        Recovery.complete("agent-ana", atApology(first), Map.of("message", text, "deliveredVia", "PHONE"));

        String second = Recovery.open("crm-acme", aCase());
        Api.as("agent-ana").body(Map.of("message", text, "deliveredVia", "CHAT"))
                .post("/api/tasks/" + atApology(second) + "/complete").then().statusCode(422)
                .body("findings.code", hasItem("CANNED"));
        Recovery.complete("agent-ana", Recovery.task("agent-ana", second, "APOLOGY"), Recovery.apology());
    }

    @Test
    void theCannedWindowCountsFromWhenTheApologyWasGivenNotFromTheCasesLastChange() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        String text = Apologies.unique();
        String first = Recovery.open("crm-acme", aCase());
        Recovery.complete("agent-ana", atApology(first), Map.of("message", text, "deliveredVia", "PHONE"));
        String proposal = Recovery.task("agent-ana", first, "COMPENSATION");
        String second = Recovery.open("crm-acme", aCase());

        // 29 days later the first case is closed, which changes it, and its apology is still in the window.
        clock.advance(Duration.ofDays(29));
        Recovery.complete("agent-ana", proposal, Recovery.credit("10.00"));
        Instant closedAt = Instant.parse(Recovery.awaitStatus("crm-acme", first, "RECOVERED").getString("closedAt"));
        assertThat(closedAt).isAfter(Instant.now().plus(Duration.ofDays(28)));
        checkAs("agent-ana", second, text).body("findings.code", hasItem("CANNED"));

        // 31 days after it was given, the apology is out of the 30-day window, however recently the case changed.
        clock.advance(Duration.ofDays(2));
        checkAs("agent-ana", second, text).body("findings.code", not(hasItem("CANNED")));
    }

    @Test
    void anApologyGivenAfterEarlierChecksIsComparedToo() {
        String text = Apologies.unique();
        String first = Recovery.open("crm-acme", aCase());
        String second = Recovery.open("crm-acme", aCase());
        // The second case's checks see (and remember) the recent apologies before the first case has one.
        checkAs("agent-ana", second, text).body("ok", equalTo(true));
        Recovery.complete("agent-ana", atApology(first), Map.of("message", text, "deliveredVia", "PHONE"));
        checkAs("agent-ana", second, text).body("findings.code", hasItem("CANNED"));
        // The first case's own apology is not a copy of itself.
        checkAs("agent-ana", first, text).body("findings.code", not(hasItem("CANNED")));
    }

    @Test
    void rejectsAnAccountabilityStatementThatBlamesTheCustomer() {
        String caseId = Recovery.open("crm-acme", aCase());
        String task = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", task);
        Api.as("agent-ana").body(Map.of("statement", "The delay happened because it was your fault for not being home.",
                "rootCause", "CUSTOMER_ABSENT")).post("/api/tasks/" + task + "/complete").then().statusCode(422)
                .body("findings.code", hasItem("BLAMES_CUSTOMER"));
    }

    @Test
    void theDryRunShowsTheFindingsBeforeTheAgentSubmits() {
        String caseId = Recovery.open("crm-acme", aCase());
        Api.as("agent-ana").body(Map.of("caseId", caseId, "message", "Your order was delivered as per schedule."))
                .post("/api/apologies/check").then().statusCode(200)
                .body("ok", equalTo(false))
                .body("findings.code", hasItem("CUSTOMER_NOT_NAMED"))
                .body("findings.code", hasItem("NO_APOLOGY"))
                .body("findings.code", hasItem("NO_OWNERSHIP"))
                .body("findings.code", hasItem("TOO_SHORT"))
                // the finding quotes the agent's sentence and suggests wording built from it
                .body("findings.find { it.code == 'NO_OWNERSHIP' }.sentence",
                        equalTo("Your order was delivered as per schedule."))
                .body("findings.find { it.code == 'NO_OWNERSHIP' }.suggestion", equalTo(
                        "Your order was delivered as per schedule. That was our mistake, and I take responsibility for it."))
                .body("findings.find { it.code == 'TOO_SHORT' }", not(org.hamcrest.Matchers.hasKey("sentence")));
        Api.as("agent-ana").body(Map.of("caseId", caseId, "message", Apologies.unique()))
                .post("/api/apologies/check").then().statusCode(200)
                .body("ok", equalTo(true))
                .body("findings", org.hamcrest.Matchers.empty());
        Api.as("agent-ana").body(Map.of("caseId", UUID.randomUUID().toString(), "message", "Ana, sorry."))
                .post("/api/apologies/check").then().statusCode(404);
        Api.as("crm-acme").body(Map.of("caseId", caseId, "message", "x")).post("/api/apologies/check").then()
                .statusCode(403);
    }

    private static ValidatableResponse checkAs(String agent, String caseId, String message) {
        return Api.as(agent).body(Map.of("caseId", caseId, "message", message)).post("/api/apologies/check").then()
                .statusCode(200);
    }

    private static String atApology(String caseId) {
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        return Recovery.task("agent-ana", caseId, "APOLOGY");
    }
}
