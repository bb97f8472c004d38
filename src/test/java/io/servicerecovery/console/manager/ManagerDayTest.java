package io.servicerecovery.console.manager;

import static io.servicerecovery.support.CaseRequests.aCase;
import static io.servicerecovery.support.Recovery.complete;
import static io.servicerecovery.support.Recovery.credit;
import static io.servicerecovery.support.Recovery.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.servicerecovery.support.Budgets;
import io.servicerecovery.support.ConsoleSignIn;
import io.servicerecovery.support.Recovery;

/** A manager's working day in the console, as the pages read: the approval card, a decision and what follows. */
@QuarkusTest
class ManagerDayTest {

    @Inject
    Budgets budgets;

    @BeforeEach
    void freshBudgets() {
        budgets.resetDemoPeople();
    }

    /** A case of agent-ana's waiting for lead-lena's approval of a 120 EUR credit: case id, task id, apology. */
    private record Waiting(String caseId, String taskId, String apology) {
    }

    private static Waiting anApprovalForTheTeamLead() {
        String caseId = Recovery.open("crm-acme", aCase());
        String accountability = task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        complete("agent-ana", accountability, Recovery.accountability());
        Map<String, String> apology = Recovery.apology();
        complete("agent-ana", task("agent-ana", caseId, "APOLOGY"), apology);
        complete("agent-ana", task("agent-ana", caseId, "COMPENSATION"), credit("120.00"));
        return new Waiting(caseId, task("lead-lena", caseId, "APPROVAL"), apology.get("message"));
    }

    private static String card(String page, String taskId) {
        int start = page.indexOf("id=\"approval-" + taskId + "\"");
        assertThat(start).as("the card of task " + taskId).isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }

    private static Response decide(ConsoleSignIn lena, Waiting w, String decision, String note, boolean htmx) {
        Map<String, String> form = new HashMap<>();
        Map.Entry<String, String> csrf = lena.csrfField();
        form.put(csrf.getKey(), csrf.getValue());
        form.put("decision", decision);
        form.put("caseId", w.caseId());
        if (note != null) {
            form.put("note", note);
        }
        var request = lena.request().header("Sec-Fetch-Site", "same-origin").formParams(form);
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return request.post("/console/approvals/" + w.taskId());
    }

    @Test
    void theCardShowsWhatWasSaidWhatTheMatrixRecommendsAndTheBudgetLeftInWords() {
        Waiting w = anApprovalForTheTeamLead();
        ConsoleSignIn lena = ConsoleSignIn.as("lead-lena");

        String en = card(lena.request().header("Accept-Language", "en").get("/console/approvals")
                .then().statusCode(200).extract().asString(), w.taskId());
        assertThat(en).contains("What the customer was told", "Accountability statement",
                Recovery.accountability().get("statement"), "Apology as given (By phone)", w.apology(),
                "The matrix recommends", "Agent&#39;s budget left today", "Waiting for", "Team lead");
        assertThat(en).containsPattern("class=\"recommended\">Credit: \\d+\\.\\d{2} EUR");
        assertThat(en).containsPattern("class=\"budget-left\">\\d+\\.\\d{2} EUR left of the daily budget");
        assertThat(en).doesNotContain("TEAM_LEAD", "PHONE", ">CREDIT");

        String sv = card(lena.request().header("Accept-Language", "sv").get("/console/approvals")
                .then().statusCode(200).extract().asString(), w.taskId());
        assertThat(sv).contains("Vad kunden fick höra", "Ursäkten som den gavs (Per telefon)", "Matrisen rekommenderar",
                "kvar av dagsbudgeten", "Väntar på", "Teamledare");
        assertThat(sv).doesNotContain("TEAM_LEAD", "PHONE", "What the customer was told");
    }

    @Test
    void aRejectionWithoutANoteSaysWhyOnceAndKeepsTheCard() {
        Waiting w = anApprovalForTheTeamLead();
        ConsoleSignIn lena = ConsoleSignIn.as("lead-lena");

        String page = decide(lena, w, "REJECT", null, false).then().statusCode(422).extract().asString();
        String card = card(page, w.taskId());
        assertThat(card).contains("Not decided yet", "Note: A rejection needs a note that tells the agent why.");
        assertThat(card.split("A rejection needs a note", -1)).hasSize(2);
    }

    @Test
    void aRejectionRedirectsToTheQueueWhichSaysRejectedWithTheNote() {
        Waiting w = anApprovalForTheTeamLead();
        ConsoleSignIn lena = ConsoleSignIn.as("lead-lena");

        Response answer = decide(lena, w, "REJECT", "Too much for a delay; offer a discount.", false);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).isEqualTo("/console/approvals?decided=" + w.caseId());

        String en = lena.request().header("Accept-Language", "en").get(answer.header("Location"))
                .then().statusCode(200).extract().asString();
        assertThat(en).contains("<h3>Rejected</h3>", "Too much for a delay; offer a discount.",
                "the case is back with the agent", "decided by");
        assertThat(en).doesNotContain("lead-lena:", "id=\"approval-" + w.taskId() + "\"");

        String sv = lena.request().header("Accept-Language", "sv").get(answer.header("Location"))
                .then().statusCode(200).extract().asString();
        assertThat(sv).contains("Avslaget", "ärendet är tillbaka hos agenten", "beslutat av");
    }

    @Test
    void theAgentReadsRejectedByTheApproversNameWithTheNoteOnTheCasePage() {
        Waiting w = anApprovalForTheTeamLead();
        assertThat(decide(ConsoleSignIn.as("lead-lena"), w, "REJECT", "Offer a discount instead.", false).statusCode())
                .isEqualTo(303);
        Recovery.awaitStatus("crm-acme", w.caseId(), "AWAITING_COMPENSATION");
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");

        String en = rejected(ana.request().header("Accept-Language", "en").get("/console/cases/" + w.caseId())
                .then().statusCode(200).extract().asString());
        assertThat(en).contains("<h3 id=\"rejected-title\">Rejected by Lena Lindqvist</h3>",
                "Offer a discount instead.", "Propose again below");
        assertThat(en).doesNotContain("lead-lena");
        String sv = rejected(ana.request().header("Accept-Language", "sv").get("/console/cases/" + w.caseId())
                .then().statusCode(200).extract().asString());
        assertThat(sv).contains("Avslaget av Lena Lindqvist", "Offer a discount instead.", "Föreslå igen nedan");
    }

    private static String rejected(String page) {
        int start = page.indexOf("id=\"rejected\"");
        assertThat(start).as("the rejection on the case page").isNotNegative();
        return page.substring(start, page.indexOf("</div>", start));
    }

    @Test
    void approvingAgainAfterBackSaysItWasAlreadyDecided() {
        Waiting w = anApprovalForTheTeamLead();
        ConsoleSignIn lena = ConsoleSignIn.as("lead-lena");
        assertThat(decide(lena, w, "APPROVE", "Fair.", false).statusCode()).isEqualTo(303);

        Response again = decide(lena, w, "APPROVE", null, false);
        assertThat(again.statusCode()).isEqualTo(303);
        String en = lena.request().header("Accept-Language", "en").get(again.header("Location"))
                .then().statusCode(200).extract().asString();
        assertThat(en).contains("This approval was already decided; nothing was changed.", "<h3>Approved</h3>",
                "Approved and granted: 120.00 EUR");

        String inPlace = decide(lena, w, "APPROVE", null, true).then().statusCode(200).extract().asString();
        assertThat(inPlace).contains("id=\"approval-" + w.taskId() + "\"", "This approval was already decided");
        String sv = lena.request().header("Accept-Language", "sv").get(again.header("Location"))
                .then().statusCode(200).extract().asString();
        assertThat(sv).contains("Det här godkännandet var redan beslutat", "Godkänt och beviljat: 120.00 EUR");
    }
}
