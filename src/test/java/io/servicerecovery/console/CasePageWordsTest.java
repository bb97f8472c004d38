package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.ConsoleSignIn;
import io.servicerecovery.support.Recovery;

/** The case page words the codes it shows (console/Labels) in the page's language. */
@QuarkusTest
class CasePageWordsTest {

    @Test
    void aSwedishCasePageWordsTheSeverityAndTheRootCausesInSwedish() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        Recovery.claim("agent-ana", Recovery.task("agent-ana", caseId, "ACCOUNTABILITY"));
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");

        String swedish = ana.request().header("Accept-Language", "sv").get("/console/cases/" + caseId).then()
                .statusCode(200).extract().asString();
        String english = ana.request().header("Accept-Language", "en").get("/console/cases/" + caseId).then()
                .statusCode(200).extract().asString();

        assertThat(swedish).contains("Hög").contains(">Försenad transport</option>").contains(">Något annat</option>")
                .doesNotContain(">CARRIER_DELAY<").doesNotContain(" HIGH<");
        assertThat(english).contains("High").contains(">Carrier delay</option>").doesNotContain(">CARRIER_DELAY<");
    }

    @Test
    void aSwedishInboxWordsTheSeverityOfEveryRow() {
        String name = "Åsa Severity-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("name", name).failure("severity", "CRITICAL"));
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");

        String queue = ana.request().header("Accept-Language", "sv").queryParam("customer", name).get("/console")
                .then().statusCode(200).extract().asString();
        assertThat(queue).contains(name).contains(">Kritisk<").doesNotContain(">CRITICAL<");

        Recovery.claim("agent-ana", Recovery.task("agent-ana", caseId, "ACCOUNTABILITY"));
        String mine = ana.request().header("Accept-Language", "sv").queryParam("customer", name).get("/console")
                .then().statusCode(200).extract().asString();
        assertThat(mine).contains("id=\"my-tasks\"").contains(">Kritisk<").doesNotContain(">CRITICAL<");
    }

    @Test
    void aSwedishTimelineTellsWhatHappenedInSwedishWordsWhileTheApiKeepsItsCodes() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("locale", "sv-SE").failure("channel", "CHAT"));
        Recovery.claim("agent-ana", Recovery.task("agent-ana", caseId, "ACCOUNTABILITY"));
        io.servicerecovery.support.Api.as("agent-ana")
                .body(java.util.Map.of("statement", "Vi lovade ett datum vi inte kunde hålla.", "rootCause", "CARRIER_DELAY"))
                .post("/api/tasks/" + Recovery.task("agent-ana", caseId, "ACCOUNTABILITY") + "/complete").then().statusCode(200);
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");

        String swedish = ana.request().header("Accept-Language", "sv").get("/console/cases/" + caseId).then()
                .statusCode(200).extract().asString();

        String timeline = swedish.substring(swedish.indexOf("id=\"timeline\""));
        assertThat(timeline).contains("Ärendet öppnat", "Öppnat av CRM-systemet: Försenad leverans, allvarlighetsgrad hög",
                "Steget påtaget", "Tog steget &quot;Ta ansvar&quot;", "Ansvar taget", "Grundorsak: Försenad transport",
                "Vi lovade ett datum vi inte kunde hålla.");
        assertThat(timeline).doesNotContain("CASE_OPENED", "ACCOUNTABILITY_TAKEN", "Took the", "Case opened:");
        assertThat(timeline).as("people by the names they are known by").contains("<span class=\"actor\">Ana Bērziņa</span>")
                .doesNotContain("<span class=\"actor\">agent-ana</span>");
        assertThat(swedish).contains("<dd>svenska (Sverige)</dd>", "<dd>Chatt</dd>", "<dd>Guld</dd>", "<dd>Efter köpet</dd>");
        // The API keeps codes and its English summary.
        assertThat(Recovery.caseAs("crm-acme", caseId).getList("timeline.kind", String.class))
                .contains("CASE_OPENED", "TASK_CLAIMED", "ACCOUNTABILITY_TAKEN");
    }
}
