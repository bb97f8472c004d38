package io.servicerecovery.console.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.ConsoleSignIn;

/**
 * A currency a level has no limits in: shown as such on the level form and added there, by a director at any level
 * and by a manager only within their own limits in it, refused in words otherwise, through the console and the API
 * alike. The limits forms say beside each field what an empty one means, and refusals name fields in words.
 */
@QuarkusTest
class LevelCurrencyLimitsTest {

    private static final List<String> CHANGED = List.of("TEAM_LEAD", "MANAGER");
    private final Map<String, List<Map<String, Object>>> before = new java.util.HashMap<>();

    @BeforeEach
    void rememberTheLevels() {
        for (String level : CHANGED) {
            before.put(level, Api.as("director-dora").get("/api/empowerment/levels/" + level).then().statusCode(200)
                    .extract().jsonPath().getList("limits"));
        }
    }

    /** Puts the levels back as they were, lowest first, so no other test meets DKK limits. */
    @AfterEach
    void restoreTheLevels() {
        for (String level : CHANGED) {
            putLevel("director-dora", level, before.get(level), "Test over: as before").then().statusCode(200);
        }
    }

    @Test
    void aDirectorAddsACurrencyAtALevelOnItsFormAndTheAuditShowsIt() {
        ConsoleSignIn dora = ConsoleSignIn.as("director-dora");
        String form = page(dora, "en", "/console/empowerment/levels/MANAGER");
        assertThat(offered(form, "DKK")).contains("No limits in DKK at this level", "Fill in this row to add DKK");

        String reason = "DKK market opens " + UUID.randomUUID();
        Response saved = postLevel(dora, "MANAGER", reason, rows(eurOf("MANAGER"), row("DKK", "15000.00", "60", "")),
                List.of(), List.of("1"));
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/console/empowerment?saved=MANAGER");

        JsonPath level = Api.as("director-dora").get("/api/empowerment/levels/MANAGER").then().extract().jsonPath();
        assertThat(level.getString("limits.find { it.currency == 'DKK' }.maxCreditPerCase")).isEqualTo("15000.00");
        assertThat(level.getString("limits.find { it.currency == 'DKK' }.dailyBudget")).isNull();
        assertThat(page(dora, "en", "/console/empowerment/levels/MANAGER")).doesNotContain("data-offered=\"DKK\"");
        Api.as("director-dora").get("/api/empowerment/audit").then()
                .body("items[0].reason", equalTo(reason)).body("items[0].targetId", equalTo("MANAGER"))
                .body("items[0].by", equalTo("director-dora"))
                .body("items[0].newValue.limits.find { it.currency == 'DKK' }.maxCreditPerCase", equalTo("15000.00"));
        assertThat(page(dora, "en", "/console/empowerment/audit")).contains(reason);
    }

    @Test
    void aManagerAddsACurrencyWithinTheirOwnLimitsInIt() {
        givesManagersDkk();
        ConsoleSignIn max = ConsoleSignIn.as("manager-max");
        assertThat(offered(page(max, "en", "/console/empowerment/levels/TEAM_LEAD"), "DKK"))
                .contains("Fill in this row to add DKK, within your own limits in DKK");

        Response saved = postLevel(max, "TEAM_LEAD", "Leads decide DKK up to 500",
                rows(eurOf("TEAM_LEAD"), row("DKK", "500.00", "40", "5000.00")), List.of(), List.of());
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        assertThat(Api.as("manager-max").get("/api/empowerment/levels/TEAM_LEAD").then().extract().jsonPath()
                .getString("limits.find { it.currency == 'DKK' }.dailyBudget")).isEqualTo("5000.00");
    }

    @Test
    void aManagerWithNoLimitsInACurrencyIsToldInWordsThatTheyCannotAddItAndNothingIsSaved() {
        ConsoleSignIn max = ConsoleSignIn.as("manager-max");
        assertThat(offered(page(max, "en", "/console/empowerment/levels/TEAM_LEAD"), "DKK"))
                .contains("You hold no limits in DKK, so you cannot add it");
        assertThat(offered(page(max, "sv", "/console/empowerment/levels/TEAM_LEAD"), "DKK"))
                .contains("Du har inga gränser i DKK");
        String etag = etagOf("TEAM_LEAD");

        for (String language : List.of("en", "sv")) {
            Response refused = postLevel(max, language, "TEAM_LEAD", "Leads decide DKK",
                    rows(eurOf("TEAM_LEAD"), row("DKK", "100.00", "10", "1000.00")), List.of(), List.of());
            assertThat(refused.statusCode()).isEqualTo(403);
            String problem = problemOf(refused.asString());
            assertThat(problem).contains(language.equals("en")
                    ? "You hold no limits in DKK, so you cannot give anyone limits in DKK"
                    : "Du har inga gränser i DKK och kan därför inte ge någon gränser i DKK");
            assertNoCodes(problem);
        }
        assertThat(etagOf("TEAM_LEAD")).as("nothing saved").isEqualTo(etag);
    }

    @Test
    void aManagerCannotGiveALevelMoreThanTheyMayGrantThemselvesAndReadsWhichFieldInWords() {
        givesManagersDkk();
        ConsoleSignIn max = ConsoleSignIn.as("manager-max");
        String etag = etagOf("TEAM_LEAD");

        Response en = postLevel(max, "en", "TEAM_LEAD", "Leads decide more DKK",
                rows(eurOf("TEAM_LEAD"), row("DKK", "1500.00", "40", "5000.00")), List.of(), List.of());
        assertThat(en.statusCode()).isEqualTo(403);
        assertThat(problemOf(en.asString()))
                .contains("Largest credit per case (DKK) is above your own limit (1000.00 DKK)");
        assertNoCodes(problemOf(en.asString()));

        Response sv = postLevel(max, "sv", "TEAM_LEAD", "Leads decide more DKK",
                rows(eurOf("TEAM_LEAD"), row("DKK", "500.00", "40", "")), List.of(), List.of("1"));
        assertThat(sv.statusCode()).isEqualTo(403);
        assertThat(problemOf(sv.asString()))
                .contains("Budget per 24 timmar (DKK) saknar gräns, vilket är mer än din egen gräns (10000.00 DKK)");
        assertNoCodes(problemOf(sv.asString()));
        assertThat(etagOf("TEAM_LEAD")).as("nothing saved").isEqualTo(etag);
    }

    @Test
    void theApiEnforcesTheSameRule() {
        List<Map<String, Object>> withDkk = new ArrayList<>(before.get("TEAM_LEAD"));
        withDkk.add(Map.of("currency", "DKK", "maxCreditPerCase", "100.00", "maxDiscountPercent", 10,
                "dailyBudget", "1000.00"));
        putLevel("manager-max", "TEAM_LEAD", withDkk, "No DKK of my own").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("You have no limits in DKK and cannot give any."));

        givesManagersDkk();
        List<Map<String, Object>> tooMuch = new ArrayList<>(before.get("TEAM_LEAD"));
        tooMuch.add(Map.of("currency", "DKK", "maxCreditPerCase", "1000.01", "maxDiscountPercent", 10,
                "dailyBudget", "1000.00"));
        putLevel("manager-max", "TEAM_LEAD", tooMuch, "Above my own").then().statusCode(403)
                .body("detail", equalTo("limits[DKK].maxCreditPerCase is above your own limit."));
        putLevel("manager-max", "TEAM_LEAD", withDkk, "Within my own").then().statusCode(200)
                .body("limits.find { it.currency == 'DKK' }.maxCreditPerCase", equalTo("100.00"));
    }

    @Test
    void theLevelFormSaysWhatAnEmptyFieldMeansAndRefusesAnEmptyCapInWords() {
        ConsoleSignIn dora = ConsoleSignIn.as("director-dora");
        String en = page(dora, "en", "/console/empowerment/levels/AGENT");
        assertThat(en).contains("name=\"noCap\"", "name=\"noBudget\"", "No limit", "Required",
                "an empty one is refused");
        assertThat(page(dora, "sv", "/console/empowerment/levels/AGENT")).contains("Ingen gräns", "Måste fyllas i");

        String etag = etagOf("MANAGER");
        Response empty = postLevel(dora, "en", "MANAGER", "Forgot the cap",
                rows(eurOf("MANAGER"), row("DKK", "", "60", "9000.00")), List.of(), List.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        String problem = problemOf(empty.asString());
        assertThat(problem).contains("Largest credit per case (DKK) is empty: type an amount, or tick “No limit” beside it.");
        assertNoCodes(problem);

        Response notANumber = postLevel(dora, "sv", "MANAGER", "Typo",
                rows(eurOf("MANAGER"), row("DKK", "tusen", "60", "9000.00")), List.of(), List.of());
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(problemOf(notANumber.asString())).contains("Största kredit per ärende (DKK) måste vara ett tal");
        assertNoCodes(problemOf(notANumber.asString()));

        Response tooManyDecimals = postLevel(dora, "en", "MANAGER", "Decimals",
                rows(eurOf("MANAGER"), row("DKK", "100.001", "60", "9000.00")), List.of(), List.of());
        assertThat(tooManyDecimals.statusCode()).isEqualTo(400);
        assertThat(problemOf(tooManyDecimals.asString()))
                .contains("Largest credit per case (DKK) may have at most 2 decimals.");
        assertNoCodes(problemOf(tooManyDecimals.asString()));
        assertThat(etagOf("MANAGER")).as("nothing saved").isEqualTo(etag);
    }

    @Test
    void thePersonFormSaysAnEmptyFieldIsTheSameAsTheirLevelWithTheLevelsValue() {
        ConsoleSignIn max = ConsoleSignIn.as("manager-max");
        String en = page(max, "en", "/console/empowerment/agents/agent-ana");
        assertThat(en).contains("Empty: same as their level (50.00)", "Empty: same as their level (15 %)",
                "Empty: same as their level (500.00)", "An empty field means “same as their level”");
        String sv = page(max, "sv", "/console/empowerment/agents/agent-ana");
        assertThat(sv).contains("Tomt: samma som nivån (50.00)", "Ett tomt fält betyder ”samma som nivån”");

        Map.Entry<String, String> csrf = max.csrfField();
        Response refused = max.request().header("Accept-Language", "en").header("Sec-Fetch-Site", "same-origin")
                .formParam(csrf.getKey(), csrf.getValue()).formParam("etag", "\"0\"").formParam("level", "AGENT")
                .formParam("reason", "Typo").formParam("currency", "EUR").formParam("maxCredit", "fifty")
                .formParam("maxDiscount", "").formParam("budget", "")
                .post("/console/empowerment/agents/agent-ana");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problemOf(refused.asString())).contains("Largest credit per case (EUR) must be a number such as 20.00.");
        assertNoCodes(problemOf(refused.asString()));
    }

    // --- helpers

    /** The director gives MANAGER limits in DKK: 1000 a case, 50 %, 10000 a day. */
    private void givesManagersDkk() {
        List<Map<String, Object>> limits = new ArrayList<>(before.get("MANAGER"));
        limits.add(Map.of("currency", "DKK", "maxCreditPerCase", "1000.00", "maxDiscountPercent", 50,
                "dailyBudget", "10000.00"));
        putLevel("director-dora", "MANAGER", limits, "Managers get DKK").then().statusCode(200);
    }

    private static Response putLevel(String who, String level, List<Map<String, Object>> limits, String reason) {
        return Api.as(who).header("If-Match", etagOf(level)).body(Map.of("limits", limits, "reason", reason))
                .put("/api/empowerment/levels/" + level);
    }

    private static String etagOf(String level) {
        return Api.as("director-dora").get("/api/empowerment/levels/" + level).then().statusCode(200).extract()
                .header("ETag");
    }

    private record Row(String currency, String credit, String discount, String budget) {
    }

    private static Row row(String currency, String credit, String discount, String budget) {
        return new Row(currency, credit, discount, budget);
    }

    private Row eurOf(String level) {
        Map<String, Object> eur = before.get(level).stream().filter(l -> "EUR".equals(l.get("currency"))).findFirst()
                .orElseThrow();
        return row("EUR", String.valueOf(eur.get("maxCreditPerCase")), String.valueOf(eur.get("maxDiscountPercent")),
                String.valueOf(eur.get("dailyBudget")));
    }

    private static List<Row> rows(Row... rows) {
        return List.of(rows);
    }

    private static Response postLevel(ConsoleSignIn who, String level, String reason, List<Row> rows,
            List<String> noCap, List<String> noBudget) {
        return postLevel(who, "en", level, reason, rows, noCap, noBudget);
    }

    private static Response postLevel(ConsoleSignIn who, String language, String level, String reason, List<Row> rows,
            List<String> noCap, List<String> noBudget) {
        Map.Entry<String, String> csrf = who.csrfField();
        RequestSpecification post = who.request().header("Accept-Language", language)
                .header("Sec-Fetch-Site", "same-origin").formParam(csrf.getKey(), csrf.getValue())
                .formParam("etag", etagOf(level)).formParam("reason", reason)
                .formParam("currency", rows.stream().map(Row::currency).toArray())
                .formParam("maxCredit", rows.stream().map(Row::credit).toArray())
                .formParam("maxDiscount", rows.stream().map(Row::discount).toArray())
                .formParam("budget", rows.stream().map(Row::budget).toArray());
        if (!noCap.isEmpty()) {
            post = post.formParam("noCap", noCap.toArray());
        }
        if (!noBudget.isEmpty()) {
            post = post.formParam("noBudget", noBudget.toArray());
        }
        return post.redirects().follow(false).post("/console/empowerment/levels/" + level);
    }

    private static String page(ConsoleSignIn who, String language, String path) {
        return who.request().header("Accept-Language", language).get(path).then().statusCode(200).extract().asString();
    }

    private static String offered(String page, String currency) {
        int start = page.indexOf("data-offered=\"" + currency + "\"");
        assertThat(start).as("a row offering " + currency).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String problemOf(String page) {
        int start = page.indexOf("id=\"problem\"");
        assertThat(start).as("the problem shown on the page").isNotNegative();
        return page.substring(start, page.indexOf("</div>", start));
    }

    /** No JSON path, no field name, no level code: words only. */
    private static void assertNoCodes(String problem) {
        assertThat(problem).doesNotContain("[", "].", ".max", "maxCreditPerCase", "dailyBudget", "TEAM_LEAD",
                "MANAGER");
    }
}
