package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.ConsoleSignIn;
import io.servicerecovery.support.Recovery;

/**
 * The console words the apology checks' findings in the page's language (the finding bundles), while the API
 * keeps its English: the same refused apology reads in Swedish on a Swedish page, in English on an English one,
 * and never as a bare code.
 */
@QuarkusTest
class ConsoleFindingTextsTest {

    private static final String BLUNT = "You should have read the delivery terms before you ordered from us.";

    @Test
    void aSwedishPageShowsTheFindingsOfARefusedApologyInSwedish() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();

        String swedish = liveCheck(ana, csrf, caseId, "sv");
        String english = liveCheck(ana, csrf, caseId, "en");

        assertThat(swedish).contains("data-code=\"BLAMES_CUSTOMER\"")
                .contains("Ta bort &#39;you should have&#39;: det lägger skulden på kunden.")
                .contains("Tilltala kunden")
                .doesNotContain("the blame on the customer").doesNotContain("BLAMES_CUSTOMER:");
        assertThat(english).contains("data-code=\"BLAMES_CUSTOMER\"")
                .contains("Remove &#39;you should have&#39;: it puts the blame on the customer.")
                .doesNotContain("skulden");
    }

    @Test
    void aSwedishPageShowsTheRefusalOfASubmittedApologyInSwedish() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        String apology = Recovery.task("agent-ana", caseId, "APOLOGY");
        Recovery.claim("agent-ana", apology);
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();

        String page = ana.request().header("Accept-Language", "sv")
                .formParams(Map.of(csrf.getKey(), csrf.getValue(), "message", BLUNT, "deliveredVia", "PHONE"))
                .post("/console/cases/" + caseId + "/tasks/" + apology + "/apology").asString();

        assertThat(page).contains("data-code=\"BLAMES_CUSTOMER\"")
                .contains("Ta bort &#39;you should have&#39;: det lägger skulden på kunden.")
                .doesNotContain("the blame on the customer").doesNotContain("BLAMES_CUSTOMER:");
    }

    private static String liveCheck(ConsoleSignIn who, Map.Entry<String, String> csrf, String caseId, String language) {
        return who.request().header("Accept-Language", language)
                .formParams(Map.of(csrf.getKey(), csrf.getValue(), "message", BLUNT))
                .post("/console/cases/" + caseId + "/live/apology").then().statusCode(200).extract().asString();
    }
}
