package io.servicerecovery.notify;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.GreenMailResource;
import io.servicerecovery.support.Mailbox;
import io.servicerecovery.support.Recovery;

/** The mail server is down: the step retries, becomes an incident, and a retry sends exactly one email. */
@QuarkusTest
class EmailFailureTest {

    @Inject
    ApologyFollowUp followUp;

    @AfterEach
    void smtpBack() {
        GreenMailResource.startSmtp();
    }

    @Test
    void aFailedEmailBecomesAnIncidentWhileTheCompensationGoesOnAndARetrySendsItExactlyOnce() {
        String caseId = caseAtApology();

        GreenMailResource.stopSmtp();
        Recovery.complete("agent-ana", Recovery.task("agent-ana", caseId, "APOLOGY"), Recovery.apology());

        // The retry cycle in tests is R2/PT1S: two attempts in all, then an incident an operator sees.
        JsonPath incidents = Eventually.await("an incident on case " + caseId,
                () -> Api.as("admin").queryParam("caseId", caseId).get("/api/incidents").then().statusCode(200)
                        .extract().jsonPath(),
                json -> !json.getList("items").isEmpty());
        assertThat(incidents.getString("items[0].step")).isEqualTo("SendApologyEmail");
        assertThat(incidents.getString("items[0].stepName")).isEqualTo("Send the apology follow-up email");
        assertThat(incidents.getString("items[0].error")).isNotBlank();
        assertThat(Recovery.timelineKinds(Recovery.caseAs("crm-acme", caseId))).contains("EMAIL_FAILED")
                .doesNotContain("EMAIL_SENT");
        Api.as("agent-ana").get("/api/incidents").then().statusCode(403);

        // The compensation step does not wait for the mail server: the agent grants now, and the case then
        // waits for its email alone.
        Recovery.complete("agent-ana", Recovery.task("agent-ana", caseId, "COMPENSATION"), Recovery.credit("10.00"));
        JsonPath granted = Eventually.await("case " + caseId + " granted, waiting for its email",
                () -> Recovery.caseAs("crm-acme", caseId), json -> "APOLOGY_EMAIL".equals(json.getString("currentStep")));
        assertThat(granted.getString("status")).isNotEqualTo("RECOVERED");
        assertThat(Recovery.timelineKinds(granted)).contains("GRANTED").doesNotContain("RECOVERED");

        GreenMailResource.startSmtp();
        Api.as("admin").post("/api/incidents/" + incidents.getString("items[0].id") + "/retry").then().statusCode(200)
                .body("caseId", equalTo(caseId));
        Recovery.awaitStatus("crm-acme", caseId, "RECOVERED");
        assertThat(Mailbox.withMessageId(Mailbox.messageIdFor(caseId))).hasSize(1);
        assertThat(Recovery.timelineKinds(Recovery.caseAs("crm-acme", caseId)))
                .containsSubsequence("EMAIL_FAILED", "INCIDENT_RETRIED", "EMAIL_SENT");
        Api.as("admin").queryParam("caseId", caseId).get("/api/incidents").then()
                .body("items", org.hamcrest.Matchers.empty());

        // The step running again (a retry after a later failure) sends nothing twice.
        QuarkusTransaction.requiringNew().run(() -> followUp.send(UUID.fromString(caseId)));
        assertThat(Mailbox.withMessageId(Mailbox.messageIdFor(caseId))).hasSize(1);
    }

    @Test
    void aMailServerThatStopsAnsweringTimesOutIntoTheRetryCycleInsteadOfHoldingAThread() {
        String caseId = caseAtApology();

        GreenMailResource.silentSmtp();
        Recovery.complete("agent-ana", Recovery.task("agent-ana", caseId, "APOLOGY"), Recovery.apology());

        // Each attempt gives up after the send timeout (5 s in tests); after the retry cycle (R2: two attempts in
        // all) it is an incident, and the job executor's threads are free again.
        JsonPath incidents = Eventually.await("an incident on case " + caseId,
                () -> Api.as("admin").queryParam("caseId", caseId).get("/api/incidents").then().statusCode(200)
                        .extract().jsonPath(),
                json -> !json.getList("items").isEmpty());
        assertThat(incidents.getString("items[0].error")).contains("did not accept the message within 5 s");
        assertThat(Recovery.caseAs("crm-acme", caseId).getList("timeline.summary", String.class))
                .filteredOn(summary -> summary.contains("did not accept the message within 5 s")).hasSize(2);

        GreenMailResource.startSmtp();
        Api.as("admin").post("/api/incidents/" + incidents.getString("items[0].id") + "/retry").then().statusCode(200);
        awaitEmailSent(caseId);
        assertThat(Mailbox.withMessageId(Mailbox.messageIdFor(caseId))).hasSize(1);
    }

    @Test
    void aRetryDuringAnOngoingOutageGetsTheWholeRetryCycleNotOneAttempt() {
        String caseId = caseAtApology();
        GreenMailResource.stopSmtp();
        Recovery.complete("agent-ana", Recovery.task("agent-ana", caseId, "APOLOGY"), Recovery.apology());
        String first = awaitIncident(caseId, null);
        assertThat(emailFailures(caseId)).isEqualTo(2);

        // The mail server is still down: the retry runs the whole cycle again (R2 in tests), the first attempt now.
        JsonPath retried = Api.as("admin").post("/api/incidents/" + first + "/retry").then().statusCode(200)
                .extract().jsonPath();
        assertThat(retried.getInt("attempts")).isEqualTo(2);
        java.time.Instant next = java.time.Instant.parse(retried.getString("nextAttemptAt"));
        assertThat(next).isBetween(java.time.Instant.now().minusSeconds(5), java.time.Instant.now().plusSeconds(1));

        String second = awaitIncident(caseId, first);
        assertThat(emailFailures(caseId)).as("two more attempts, not one").isEqualTo(4);

        GreenMailResource.startSmtp();
        Api.as("admin").post("/api/incidents/" + second + "/retry").then().statusCode(200);
        awaitEmailSent(caseId);
        assertThat(Mailbox.withMessageId(Mailbox.messageIdFor(caseId))).hasSize(1);
    }

    /** The id of the case's open incident, once there is one other than {@code previous}. */
    private static String awaitIncident(String caseId, String previous) {
        return Eventually.await("an incident on case " + caseId,
                () -> Api.as("admin").queryParam("caseId", caseId).get("/api/incidents").then().statusCode(200)
                        .extract().jsonPath(),
                json -> !json.getList("items").isEmpty() && !json.getString("items[0].id").equals(previous))
                .getString("items[0].id");
    }

    /** The follow-up runs beside the compensation, so nothing else on the case says when it is sent. */
    private static void awaitEmailSent(String caseId) {
        Eventually.await("the follow-up email of case " + caseId, () -> Recovery.caseAs("crm-acme", caseId),
                json -> Recovery.timelineKinds(json).contains("EMAIL_SENT"));
    }

    private static long emailFailures(String caseId) {
        return Recovery.timelineKinds(Recovery.caseAs("crm-acme", caseId)).stream()
                .filter("EMAIL_FAILED"::equals).count();
    }

    @Test
    void anUnknownIncidentIsA404() {
        Api.as("admin").post("/api/incidents/no-such-incident/retry").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** A new case whose accountability is taken, so that its APOLOGY task is next. */
    private static String caseAtApology() {
        String caseId = Recovery.open("crm-acme", aCase());
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        return caseId;
    }
}
