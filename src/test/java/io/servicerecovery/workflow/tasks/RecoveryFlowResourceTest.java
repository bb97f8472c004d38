package io.servicerecovery.workflow.tasks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static io.servicerecovery.support.Recovery.awaitStatus;
import static io.servicerecovery.support.Recovery.claim;
import static io.servicerecovery.support.Recovery.complete;
import static io.servicerecovery.support.Recovery.credit;
import static io.servicerecovery.support.Recovery.task;
import static io.servicerecovery.support.Recovery.throughApology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Arrays;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.GreenMailResource;
import io.servicerecovery.support.Recovery;

/** A case travels the three steps over HTTP, through the real engine, database and SMTP server. */
@QuarkusTest
class RecoveryFlowResourceTest {

    @jakarta.inject.Inject
    io.servicerecovery.support.Budgets budgets;

    @org.junit.jupiter.api.BeforeEach
    void freshBudgets() {
        // Against a PostgreSQL that keeps data between runs, yesterday's run must not use up today's budget.
        budgets.resetDemoPeople();
    }

    @Test
    void recoversACaseWithinTheAgentsEmpowerment() throws Exception {
        String caseId = Recovery.open("crm-acme", aCase());
        assertThat(Recovery.caseAs("crm-acme", caseId).getString("status")).isEqualTo("AWAITING_ACCOUNTABILITY");

        // Step 1: an agent takes accountability.
        String accountability = task("agent-ana", caseId, "ACCOUNTABILITY");
        Api.as("agent-ana").get("/api/tasks/" + accountability).then().statusCode(200)
                .body("task.type", equalTo("ACCOUNTABILITY"))
                .body("task.due", notNullValue())
                .body("caseContext.customer.name", equalTo("Ana Ozola"))
                .body("caseContext.failure.description", notNullValue());
        claim("agent-ana", accountability);
        complete("agent-ana", accountability, Recovery.accountability());
        assertThat(Recovery.caseAs("crm-acme", caseId).getString("status")).isEqualTo("AWAITING_APOLOGY");

        // Step 2: the same agent apologizes; the process follows up by email.
        String apology = task("agent-ana", caseId, "APOLOGY");
        Api.as("agent-ana").get("/api/tasks/" + apology).then().body("task.assignee", equalTo("agent-ana"));
        complete("agent-ana", apology, Recovery.apology());
        MimeMessage email = Eventually.await("the follow-up email", () -> Arrays.stream(
                GreenMailResource.smtp().getReceivedMessages()).filter(m -> messageId(m).contains(caseId))
                .findFirst().orElse(null), m -> m != null);
        assertThat(email.getSubject()).contains("Ana Ozola");
        assertThat(messageId(email)).isEqualTo("<case-" + caseId + ".apology@service-recovery.example.com>");

        // Step 3: the matrix recommends, the agent proposes a credit inside her 50 EUR limit.
        String proposal = task("agent-ana", caseId, "COMPENSATION");
        Api.as("agent-ana").get("/api/tasks/" + proposal).then().statusCode(200)
                .body("recommendedCompensation.type", equalTo("CREDIT"))
                .body("yourEmpowerment.level", equalTo("AGENT"))
                .body("yourEmpowerment.limits.find { it.currency == 'EUR' }.maxCreditPerCase", equalTo("50.00"))
                .body("yourEmpowerment.limits.find { it.currency == 'EUR' }.dailyBudget", equalTo("500.00"));
        JsonPath decision = complete("agent-ana", proposal, credit("20.00"));
        assertThat(decision.getString("decision")).isEqualTo("APPROVED_WITHIN_EMPOWERMENT");
        assertThat(decision.getString("grant.amount")).isEqualTo("20.00");
        assertThat(decision.getString("grant.currency")).isEqualTo("EUR");

        JsonPath recovered = awaitStatus("crm-acme", caseId, "RECOVERED");
        assertThat(recovered.getString("compensation.grant.amount")).isEqualTo("20.00");
        assertThat(recovered.getString("closedAt")).isNotNull();
        assertThat(Recovery.timelineKinds(recovered)).containsSubsequence("CASE_OPENED", "ACCOUNTABILITY_TAKEN",
                "APOLOGY_GIVEN", "COMPENSATION_RECOMMENDED", "COMPENSATION_PROPOSED",
                "APPROVED_WITHIN_EMPOWERMENT", "GRANTED", "RECOVERED");
        // the follow-up email goes beside the compensation: after the apology, before the case closes
        assertThat(Recovery.timelineKinds(recovered)).containsSubsequence("APOLOGY_GIVEN", "EMAIL_SENT", "RECOVERED")
                .containsOnlyOnce("EMAIL_SENT");
        assertThat(recovered.getList("timeline.actor")).contains("crm-acme", "agent-ana");
        Api.as("agent-ana").queryParam("caseId", caseId).get("/api/tasks").then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aCreditAboveTheAgentsLimitWaitsForTheLowestLevelThatCoversIt() {
        String caseId = Recovery.open("crm-acme", aCase());
        String proposal = throughApology("agent-ana", caseId);

        JsonPath decision = complete("agent-ana", proposal, credit("120.00"));
        assertThat(decision.getString("decision")).isEqualTo("PENDING_APPROVAL");
        assertThat(decision.getString("approverLevel")).isEqualTo("TEAM_LEAD");
        assertThat(decision.getString("grant")).isNull();
        assertThat(Recovery.caseAs("crm-acme", caseId).getString("status")).isEqualTo("AWAITING_APPROVAL");

        // Agents do not see approvals; the team lead does.
        Api.as("agent-ben").queryParam("caseId", caseId).get("/api/tasks").then().body("items", org.hamcrest.Matchers.empty());
        String approval = task("lead-lena", caseId, "APPROVAL");
        Api.as("lead-lena").get("/api/tasks/" + approval).then().statusCode(200)
                .body("proposal.amount", equalTo("120.00"))
                .body("proposal.proposedBy", equalTo("agent-ana"));
        claim("lead-lena", approval);
        JsonPath approved = complete("lead-lena", approval, Map.of("decision", "APPROVE", "note", "Fair."));
        assertThat(approved.getString("grant.amount")).isEqualTo("120.00");

        JsonPath recovered = awaitStatus("crm-acme", caseId, "RECOVERED");
        assertThat(recovered.getString("compensation.decidedBy")).isEqualTo("lead-lena");
        assertThat(Recovery.timelineKinds(recovered)).containsSubsequence("ESCALATED", "APPROVED", "GRANTED", "RECOVERED");
    }

    @Test
    void aManagerMayApproveLessThanProposed() {
        String caseId = Recovery.open("crm-acme", aCase());
        String proposal = throughApology("agent-ben", caseId);
        complete("agent-ben", proposal, credit("120.00"));

        String approval = task("manager-max", caseId, "APPROVAL");
        claim("manager-max", approval);
        Api.as("manager-max").body(Map.of("decision", "APPROVE", "amount", "150.00"))
                .post("/api/tasks/" + approval + "/complete")
                .then().statusCode(422).body("violations.field", hasItem("amount"));
        JsonPath approved = complete("manager-max", approval,
                Map.of("decision", "APPROVE", "amount", "80.00", "note", "80 is fair for this delay."));
        assertThat(approved.getString("grant.amount")).isEqualTo("80.00");
        assertThat(awaitStatus("crm-acme", caseId, "RECOVERED").getString("compensation.grant.amount")).isEqualTo("80.00");
    }

    @Test
    void aRejectionSendsTheProposalBackToTheAgentWithTheNote() {
        String caseId = Recovery.open("crm-acme", aCase());
        String proposal = throughApology("agent-ana", caseId);
        complete("agent-ana", proposal, credit("300.00"));

        String approval = task("lead-lena", caseId, "APPROVAL");
        claim("lead-lena", approval);
        Api.as("lead-lena").body(Map.of("decision", "REJECT")).post("/api/tasks/" + approval + "/complete")
                .then().statusCode(422).body("violations.field", hasItem("note"));
        complete("lead-lena", approval, Map.of("decision", "REJECT", "note", "Too much for a delay; offer a discount."));

        String again = task("agent-ana", caseId, "COMPENSATION");
        assertThat(again).isNotEqualTo(proposal);
        Api.as("agent-ana").get("/api/tasks/" + again).then().statusCode(200)
                .body("task.assignee", equalTo("agent-ana"))
                .body("proposal.outcome", equalTo("REJECTED"))
                .body("proposal.decisionNote", equalTo("Too much for a delay; offer a discount."));
        JsonPath decision = complete("agent-ana", again,
                Map.of("type", "DISCOUNT_PERCENT", "amount", "15", "reason", "Discount on the next order"));
        assertThat(decision.getString("decision")).isEqualTo("APPROVED_WITHIN_EMPOWERMENT");
        assertThat(decision.getString("grant.voucherCode")).matches("SR(-[2-9A-HJKMNP-Z]{4}){3}");

        JsonPath recovered = awaitStatus("crm-acme", caseId, "RECOVERED");
        assertThat(Recovery.timelineKinds(recovered)).containsSubsequence("ESCALATED", "REJECTED",
                "COMPENSATION_PROPOSED", "APPROVED_WITHIN_EMPOWERMENT", "GRANTED", "RECOVERED");
    }

    @Test
    void aProposerNeverApprovesTheirOwnProposal() {
        String caseId = Recovery.open("crm-acme", aCase());
        String proposal = throughApology("lead-lena", caseId);
        JsonPath decision = complete("lead-lena", proposal, credit("900.00"));
        assertThat(decision.getString("approverLevel")).isEqualTo("MANAGER");

        // Lena proposed it: she neither sees nor takes the approval, whatever her manager role.
        String approval = task("manager-max", caseId, "APPROVAL");
        Api.as("lead-lena").post("/api/tasks/" + approval + "/claim").then().statusCode(404);
        Api.as("lead-lena").queryParam("caseId", caseId).get("/api/tasks").then()
                .body("items.type", not(hasItem("APPROVAL")));
        claim("manager-max", approval);
        complete("manager-max", approval, Map.of("decision", "APPROVE"));
        awaitStatus("crm-acme", caseId, "RECOVERED");
    }

    @Test
    void aCaseWhoseCompensationIsGrantedCanNoLongerBeCancelled() {
        String caseId = Recovery.open("crm-acme", aCase());
        String proposal = throughApology("agent-ana", caseId);
        complete("agent-ana", proposal, credit("15.00"));
        Api.as("crm-acme").body(Map.of("reason", "too late")).post("/api/cases/" + caseId + "/cancel").then()
                .statusCode(409).contentType("application/problem+json");
        assertThat(awaitStatus("crm-acme", caseId, "RECOVERED").getString("compensation.grant.amount")).isEqualTo("15.00");
    }

    @Test
    void onlyTheHolderCompletesATaskAndASecondClaimConflicts() {
        String caseId = Recovery.open("crm-acme", aCase());
        String accountability = task("agent-ana", caseId, "ACCOUNTABILITY");

        Api.as("agent-ben").body(Recovery.accountability()).post("/api/tasks/" + accountability + "/complete")
                .then().statusCode(403).contentType("application/problem+json");
        claim("agent-ana", accountability);
        Api.as("agent-ben").post("/api/tasks/" + accountability + "/claim").then().statusCode(409)
                .body("title", equalTo("Conflict"));
        Api.as("agent-ben").body(Recovery.accountability()).post("/api/tasks/" + accountability + "/complete")
                .then().statusCode(403);
        Api.as("agent-ben").post("/api/tasks/" + accountability + "/unclaim").then().statusCode(409);

        Api.as("agent-ana").post("/api/tasks/" + accountability + "/unclaim").then().statusCode(200);
        claim("agent-ben", accountability);
        complete("agent-ben", accountability, Recovery.accountability());
        // The apology stays with the agent who took accountability: no handing the customer around.
        String apology = task("agent-ben", caseId, "APOLOGY");
        Api.as("agent-ben").get("/api/tasks/" + apology).then().body("task.assignee", equalTo("agent-ben"));
    }

    @Test
    void aCaseForANamedOwnerStartsAssignedToThem() {
        String caseId = Recovery.open("crm-acme", aCase().with("ownerAgent", "agent-ben"));
        String accountability = task("agent-ben", caseId, "ACCOUNTABILITY");
        Api.as("agent-ben").queryParam("assignee", "me").queryParam("caseId", caseId).get("/api/tasks").then()
                .body("items[0].id", equalTo(accountability))
                .body("items[0].severity", equalTo("HIGH"))
                .body("items[0].customerName", equalTo("Ana Ozola"));
        complete("agent-ben", accountability, Recovery.accountability());
    }

    @Test
    void completionBodiesAreValidatedPerTaskType() {
        String caseId = Recovery.open("crm-acme", aCase());
        String accountability = task("agent-ana", caseId, "ACCOUNTABILITY");
        claim("agent-ana", accountability);
        Api.as("agent-ana").body(Map.of("statement", "short")).post("/api/tasks/" + accountability + "/complete")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("statement"))
                .body("violations.field", hasItem("rootCause"));
        Api.as("agent-ana").body(Map.of("statement", "We own this failure entirely.", "rootCause", "CARRIER_DELAY",
                "status", "RECOVERED")).post("/api/tasks/" + accountability + "/complete")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        complete("agent-ana", accountability, Recovery.accountability());

        String apology = task("agent-ana", caseId, "APOLOGY");
        complete("agent-ana", apology, Recovery.apology());
        String proposal = task("agent-ana", caseId, "COMPENSATION");
        Api.as("agent-ana").body(Map.of("type", "DISCOUNT_PERCENT", "amount", "150", "reason", "x"))
                .post("/api/tasks/" + proposal + "/complete").then().statusCode(400)
                .body("violations.field", hasItem("amount"));
        Api.as("agent-ana").body(Map.of("type", "CREDIT", "amount", "-5.00", "currency", "EUR", "reason", "x"))
                .post("/api/tasks/" + proposal + "/complete").then().statusCode(400)
                .body("violations.field", hasItem("amount"));
        Api.as("agent-ana").body(Map.of("type", "CREDIT", "amount", "5.001", "currency", "EUR", "reason", "x"))
                .post("/api/tasks/" + proposal + "/complete").then().statusCode(400)
                .body("violations.field", hasItem("amount"));
        Api.as("agent-ana").body(Map.of("type", "CREDIT", "amount", "5.00", "currency", "XYZ", "reason", "x"))
                .post("/api/tasks/" + proposal + "/complete").then().statusCode(400)
                .body("violations.field", hasItem("currency"));
        Api.as("agent-ana").body(Map.of("type", "VOUCHER", "amount", "5.00", "reason", "x"))
                .post("/api/tasks/" + proposal + "/complete").then().statusCode(400)
                .body("violations.field", hasItem("type"));
        // Nothing was written by the refused attempts: the task is still open, the case has no proposal.
        assertThat(Recovery.caseAs("crm-acme", caseId).getString("compensation")).isNull();
        assertThat(task("agent-ana", caseId, "COMPENSATION")).isEqualTo(proposal);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID() == null ? "" : message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
