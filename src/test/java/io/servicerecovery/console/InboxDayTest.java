package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.ConsoleSignIn;
import io.servicerecovery.support.Recovery;

/**
 * The inbox for a full day (issue 33): the case's reference, category, order value and repeat-customer mark in
 * every row, one search box for reference, customer id and name whatever the case and accents, times in the
 * person's zone, the shortcuts a profile can turn off, and the focus in the step's form after a claim.
 */
@QuarkusTest
class InboxDayTest {

    @Inject
    StaffProfiles profiles;

    @Test
    void aRowShowsTheReferenceCategoryOrderValueAndARepeatCustomerInWords() {
        String unique = unique();
        CaseRequests first = CaseRequests.aCase().customer("name", "Repeat " + unique);
        Recovery.open("crm-acme", first);
        // the same customer again: a repeat failure
        CaseRequests again = CaseRequests.aCase().customer("id", first.customerId()).customer("name", "Repeat " + unique)
                .failure("category", "DAMAGED_ITEM").with("orderValue", Map.of("amount", "1250.5", "currency", "SEK"));
        Recovery.open("crm-acme", again);
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");

        String english = row(inbox(ana, "en", again.externalRef()), again.externalRef());
        assertThat(english).contains(">" + again.externalRef() + "</a>").contains("Damaged item")
                .contains("1250.50 SEK").contains("Failed before").doesNotContain("DAMAGED_ITEM");
        String firstRow = row(inbox(ana, "en", first.externalRef()), first.externalRef());
        assertThat(firstRow).contains("Late delivery").contains("899.90 EUR").doesNotContain("Failed before");

        String swedishPage = inbox(ana, "sv", again.externalRef());
        assertThat(swedishPage).contains(">Ärende<").contains(">Kategori<").contains(">Ordervärde<")
                .contains(">Återkommande kund<").contains(">Sök<");
        assertThat(row(swedishPage, again.externalRef())).contains("Skadad vara").contains("Drabbats förut")
                .doesNotContain("Damaged item").doesNotContain("Failed before");
    }

    @Test
    void oneSearchBoxFindsACaseByReferenceCustomerIdAndNameWhateverTheCaseAndAccents() {
        String unique = unique();
        CaseRequests request = CaseRequests.aCase().externalRef("ORD-" + unique.toUpperCase())
                .customer("id", "KUND-" + unique).customer("name", "Åsa Öberg-" + unique);
        Recovery.open("crm-acme", request);
        CaseRequests someoneElse = CaseRequests.aCase().customer("name", "Asa Other-" + unique());
        Recovery.open("crm-acme", someoneElse);
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");

        for (String typed : new String[] { "ord-" + unique, "ORD-" + unique.toUpperCase(), unique.substring(2),
                "kund-" + unique, "asa oberg-" + unique, "ÅSA ÖBERG-" + unique, "Asa Oberg-" + unique.toUpperCase() }) {
            String page = inbox(ana, "en", typed);
            assertThat(page).as(typed).contains(request.externalRef()).doesNotContain(someoneElse.externalRef());
        }
        assertThat(inbox(ana, "en", "asa oberg-nobody-" + unique)).doesNotContain(request.externalRef());
        // a LIKE pattern's own characters match themselves only
        assertThat(inbox(ana, "en", "%")).doesNotContain(request.externalRef());
        assertThat(inbox(ana, "en", "___")).doesNotContain(request.externalRef());
        // the box keeps what was typed, and the refresh asks for the same
        assertThat(inbox(ana, "en", "Åsa Öberg-" + unique)).contains("value=\"Åsa Öberg-" + unique + "\"")
                .contains("q=%C3%85sa+%C3%96berg-" + unique);
        // links from before the box matched references still work
        assertThat(ana.request().queryParam("customer", "asa oberg-" + unique).get("/console").then().statusCode(200)
                .extract().asString()).contains(request.externalRef());
    }

    @Test
    void timesAreShownInThePersonsZoneNamedBesideThemAndShortcutsCanBeTurnedOff() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("name", "Zone " + unique()));
        String taskId = Recovery.task("agent-ben", caseId, "ACCOUNTABILITY");
        Instant due = Instant.parse(Api.as("agent-ben").get("/api/tasks/" + taskId).then().statusCode(200).extract()
                .jsonPath().getString("task.due"));
        ConsoleSignIn ben = ConsoleSignIn.as("agent-ben");
        StaffProfiles.Profile before = profiles.of("agent-ben");
        try {
            // Ben's profile as this test needs it, whatever an earlier test saved (a profile form sent without the
            // shortcuts box turns them off, as an unticked checkbox does)
            saveProfile(ben, before.displayName(), "UTC", true).then().statusCode(303);
            String utc = inbox(ben, "en", refOf(caseId));
            assertThat(row(utc, refOf(caseId))).contains("due " + at(due, ZoneOffset.UTC) + " UTC");
            assertThat(utc).contains("src=\"/console/inbox-keys.js\"").contains("<dialog id=\"shortcuts\"");

            saveProfile(ben, before.displayName(), "Europe/Stockholm", false).then().statusCode(303);

            String stockholm = inbox(ben, "en", refOf(caseId));
            ZoneId zone = ZoneId.of("Europe/Stockholm");
            assertThat(row(stockholm, refOf(caseId))).contains("due " + at(due, zone) + " Europe/Stockholm")
                    .doesNotContain(" UTC");
            assertThat(stockholm).doesNotContain("inbox-keys.js").doesNotContain("<dialog");
            String swedish = inbox(ben, "sv", refOf(caseId));
            assertThat(row(swedish, refOf(caseId))).contains("förfaller " + at(due, zone) + " Europe/Stockholm");
            String casePage = ben.request().get("/console/cases/" + caseId).then().statusCode(200).extract().asString();
            assertThat(casePage).contains("Europe/Stockholm").doesNotContain(" UTC<");
            String profile = ben.request().get("/console/profile").then().statusCode(200).extract().asString();
            assertThat(profile).contains("<option value=\"Europe/Stockholm\" selected>")
                    .doesNotContain("name=\"shortcuts\" value=\"on\" checked");

            // a zone that is not on the list is the person's mistake: the form again, nothing saved
            saveProfile(ben, before.displayName(), "Mars/Olympus", true).then().statusCode(400);
            assertThat(profiles.of("agent-ben").zone()).isEqualTo(zone);
        } finally {
            profiles.save("agent-ben", before.displayName(), before.signature(), before.zone(), before.shortcuts());
        }
    }

    @Test
    void aClaimFromTheInboxLandsInTheStepsFormWithTheFocusInItsFirstField() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String taskId = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();

        Response claimed = ana.request().formParams(Map.of(csrf.getKey(), csrf.getValue()))
                .post("/console/tasks/" + taskId + "/claim");
        assertThat(claimed.statusCode()).isEqualTo(303);
        assertThat(claimed.header("Location")).endsWith("/console/cases/" + caseId + "?done=claimed");
        String landed = ana.request().get(claimed.header("Location")).then().statusCode(200).extract().asString();
        assertThat(landed).contains("id=\"done\"").contains("<textarea id=\"statement\" name=\"statement\" autofocus");
        assertThat(landed).containsOnlyOnce("autofocus");

        // a later visit leaves the focus where the browser puts it: at the page's start
        String later = ana.request().get("/console/cases/" + caseId).then().statusCode(200).extract().asString();
        assertThat(later).contains("id=\"statement\"").doesNotContain("autofocus");
    }

    private static Response saveProfile(ConsoleSignIn who, String name, String zone, boolean shortcuts) {
        Map.Entry<String, String> csrf = who.csrfField();
        var form = new java.util.HashMap<String, String>(Map.of(csrf.getKey(), csrf.getValue(), "displayName", name,
                "timeZone", zone));
        if (shortcuts) {
            form.put("shortcuts", "on");
        }
        return who.request().formParams(form).post("/console/profile");
    }

    private static String refOf(String caseId) {
        return Recovery.caseAs("agent-ana", caseId).getString("externalRef");
    }

    private static String at(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(zone));
    }

    private static String inbox(ConsoleSignIn who, String language, String typed) {
        return who.request().header("Accept-Language", language).queryParam("q", typed).get("/console").then()
                .statusCode(200).extract().asString();
    }

    /** The table row that shows the case of this reference. */
    private static String row(String page, String externalRef) {
        int at = page.indexOf(">" + externalRef + "</a>");
        assertThat(at).as("a row of " + externalRef).isPositive();
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
