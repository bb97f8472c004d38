package io.servicerecovery.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;

/**
 * The recovery report over the seeded week of {@link ReportFixture}. Every expected number is worked out by hand
 * from the fixture's table; percentiles are linear between neighbours (percentile_cont): for n sorted values the
 * p-th is at position p * (n - 1).
 */
@QuarkusTest
class ReportResourceTest {

    static final String WEEK = "from=2020-03-02T00:00:00Z&to=2020-03-09T00:00:00Z";
    static boolean seeded;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void seedOnce() throws Exception {
        synchronized (ReportResourceTest.class) {
            if (!seeded) {
                ReportFixture.seed(dataSource);
                seeded = true;
            }
        }
    }

    static JsonPath report(String user, String query) {
        return Api.as(user).get("/api/reports/recovery?" + query).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void countsTheCasesOpenedInThePeriodAndWhereTheyStand() {
        JsonPath r = report("manager-max", WEEK);
        // C1..C6 and C8; C7 a minute before and C9 at the end are outside.
        assertThat(r.getMap("cases")).isEqualTo(Map.of("opened", 7, "recovered", 4, "cancelled", 1, "open", 2,
                "recoveredShare", 0.5714f));
        // C5 (customer K-1 of client A, recovered with a discount) and C6 (K-9 of client B, waiting for approval).
        assertThat(r.getMap("repeatFailures")).isEqualTo(Map.of("cases", 2, "customers", 2, "recovered", 1,
                "cancelled", 0, "open", 1, "compensated", 1, "recoveredShare", 0.5f));
    }

    @Test
    void timesTheFirstTouchEachStepAndTheWholeRecovery() {
        JsonPath r = report("manager-max", WEEK);
        // First touch 5, 10, 20, 25, 30, 60 min: median (20 + 25) / 2 = 22.5 min, p90 at 4.5: 30 + 0.5 * 30 = 45 min.
        assertDurations(r, "times.firstTouch", 6, 1350, 2700);
        // Accountability 15, 20, 25, 30, 40, 90 min: median 27.5 min, p90 40 + 0.5 * 50 = 65 min.
        assertDurations(r, "times.steps.find { it.step == 'ACCOUNTABILITY' }.duration", 6, 1650, 3900);
        // Apology 10, 10, 30, 30, 150 min: median 30 min, p90 at 3.6: 30 + 0.6 * 120 = 102 min.
        assertDurations(r, "times.steps.find { it.step == 'APOLOGY' }.duration", 5, 1800, 6120);
        // Email 1, 1, 1, 2, 5 min: median 1 min, p90 2 + 0.6 * 3 = 3.8 min.
        assertDurations(r, "times.steps.find { it.step == 'APOLOGY_EMAIL' }.duration", 5, 60, 228);
        // Recommendation to first proposal 10, 10, 10, 20, 20 min: median 10 min, p90 20 min.
        assertDurations(r, "times.steps.find { it.step == 'COMPENSATION' }.duration", 5, 600, 1200);
        // Opened to recovered 60, 120, 180, 330 min: median 150 min, p90 at 2.7: 180 + 0.7 * 150 = 285 min.
        assertDurations(r, "times.endToEnd", 4, 9000, 17100);
        assertThat(r.getList("times.steps.step")).containsExactly("ACCOUNTABILITY", "APOLOGY", "APOLOGY_EMAIL",
                "COMPENSATION");
    }

    @Test
    void countsSlaBreachesPerStep() {
        JsonPath r = report("manager-max", WEEK);
        // C4 (LOW, 72 h) still untouched years later; C5 (CRITICAL, 2 h) apologized after 150 min.
        assertThat(r.getList("slaBreaches")).containsExactly(
                Map.of("step", "ACCOUNTABILITY", "tasks", 7, "breached", 1, "completedLate", 0, "openOverdue", 1),
                Map.of("step", "APOLOGY", "tasks", 6, "breached", 1, "completedLate", 1, "openOverdue", 0),
                Map.of("step", "COMPENSATION", "tasks", 5, "breached", 0, "completedLate", 0, "openOverdue", 0));
    }

    @Test
    void sharesWithinEmpowermentApprovalsAndEscalationsByLevel() {
        JsonPath r = report("manager-max", WEEK);
        // AGENT: C1 within, C2 escalated, C5 escalated then within, C6 escalated (level taken from today's record).
        assertThat(r.getList("compensations.byProposerLevel")).containsExactly(
                Map.of("level", "AGENT", "proposals", 5, "withinEmpowerment", 2, "escalated", 3, "withinShare", 0.4f,
                        "escalatedShare", 0.6f),
                Map.of("level", "SENIOR_AGENT", "proposals", 1, "withinEmpowerment", 1, "escalated", 0,
                        "withinShare", 1.0f, "escalatedShare", 0.0f));
        // TEAM_LEAD decided C2 after 60 min and C5's first proposal after 120: median 90, p90 60 + 0.9 * 60 = 114 min.
        assertThat(r.getString("compensations.approvals.level")).isEqualTo("[TEAM_LEAD, DIRECTOR]");
        assertThat(r.getMap("compensations.approvals[0]")).containsEntry("approved", 1).containsEntry("rejected", 1)
                .containsEntry("pending", 0);
        assertDurations(r, "compensations.approvals[0].timeToDecision", 2, 5400, 6840);
        assertThat(r.getMap("compensations.approvals[1]")).containsEntry("approved", 0).containsEntry("rejected", 0)
                .containsEntry("pending", 1);
        // Nothing decided: no median to show (a figure without data is left out).
        assertThat(r.getMap("compensations.approvals[1].timeToDecision")).isEqualTo(Map.of("count", 0));
        assertThat(r.getMap("compensations.escalations")).isEqualTo(Map.of("byTimer", 2, "proposalsEscalated", 1));
    }

    @Test
    void spendsByTypeAndPersonAgainstTheirBudgets() {
        JsonPath r = report("manager-max", WEEK);
        // C5's 10 % discount on a 200 EUR order is worth 20 EUR.
        assertThat(r.getList("spend.byType")).containsExactly(
                Map.of("type", "CREDIT", "currency", "EUR", "grants", 2, "amount", "140.00"),
                Map.of("type", "CREDIT", "currency", "USD", "grants", 1, "amount", "20.00"),
                Map.of("type", "DISCOUNT_PERCENT", "currency", "EUR", "grants", 1, "amount", "20.00"));
        // A week is 7 days of each daily budget.
        assertThat(r.getList("spend.byAgent")).containsExactly(
                spender("rep-ana", "AGENT", "EUR", 1, "40.00", 0, "0.00", "500.00", "3500.00", 0.0114f),
                spender("rep-ben", "AGENT", "EUR", 0, "0.00", 1, "20.00", "200.00", "1400.00", 0.0f),
                spender("rep-lead", "TEAM_LEAD", "EUR", 1, "100.00", 0, "0.00", "5000.00", "35000.00", 0.0029f),
                spender("rep-sam", "SENIOR_AGENT", "USD", 1, "20.00", 0, "0.00", "300.00", "2100.00", 0.0095f));
        assertThat(r.getList("spend.byLevel")).containsExactly(
                level("AGENT", "EUR", 1, "40.00", 1, "20.00", "4900.00", 0.0082f),
                level("SENIOR_AGENT", "USD", 1, "20.00", 0, "0.00", "2100.00", 0.0095f),
                level("TEAM_LEAD", "EUR", 1, "100.00", 0, "0.00", "35000.00", 0.0029f));
    }

    @Test
    void countsHowOftenEachCheckRefusedAnApologyPerLanguage() {
        JsonPath r = report("manager-max", WEEK);
        assertThat(r.getList("apologyFindings")).containsExactly(
                Map.of("language", "en", "apologiesGiven", 3, "refusals", 2, "codes", List.of(
                        Map.of("code", "NO_OWNERSHIP", "refusals", 2), Map.of("code", "CANNED", "refusals", 1))),
                Map.of("language", "lv", "apologiesGiven", 1, "refusals", 1, "codes", List.of(
                        Map.of("code", "CUSTOMER_NOT_NAMED", "refusals", 1))),
                Map.of("language", "sv", "apologiesGiven", 1, "refusals", 0, "codes", List.of()));
    }

    @Test
    void filtersByAgentLevelAndCurrencyAndTakesDates() {
        assertThat(report("manager-max", WEEK + "&agent=rep-ben").getInt("cases.opened")).isEqualTo(4); // C3-C6
        JsonPath seniors = report("manager-max", WEEK + "&level=SENIOR_AGENT");
        assertThat(seniors.getInt("cases.opened")).isEqualTo(1);
        assertThat(seniors.getString("period.level")).isEqualTo("SENIOR_AGENT");
        JsonPath usd = report("manager-max", WEEK + "&currency=USD");
        assertThat(usd.getInt("cases.opened")).isEqualTo(7);
        assertThat(usd.getList("spend.byType.currency")).containsExactly("USD");
        assertThat(usd.getList("spend.byAgent.agent")).containsExactly("rep-sam");
        // A date as "to" includes its whole day: the same week.
        JsonPath dates = report("manager-max", "from=2020-03-02&to=2020-03-08");
        assertThat(dates.getString("period.to")).isEqualTo("2020-03-09T00:00:00Z");
        assertThat(dates.getMap("cases")).isEqualTo(report("manager-max", WEEK).getMap("cases"));
    }

    @Test
    void aCrmClientSeesOnlyItsOwnCases() {
        JsonPath b = report("crm-rep-b", WEEK);
        assertThat(b.getMap("cases")).isEqualTo(Map.of("opened", 1, "recovered", 0, "cancelled", 0, "open", 1,
                "recoveredShare", 0.0f));
        assertThat(b.getList("apologyFindings.language")).containsExactly("lv");
        assertThat(b.getList("spend.byType")).isEmpty();
        assertThat(report("crm-rep-a", WEEK).getInt("cases.opened")).isEqualTo(6);
        assertThat(report("crm-acme", WEEK).getInt("cases.opened")).isZero();
    }

    @Test
    void refusesAgentsAndBadParameters() {
        Api.as("agent-ana").get("/api/reports/recovery").then().statusCode(403)
                .contentType("application/problem+json");
        Api.anonymous().get("/api/reports/recovery").then().statusCode(401);
        Api.as("manager-max").get("/api/reports/recovery?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
        Api.as("manager-max").get("/api/reports/recovery?from=2020-03-09&to=2020-03-02").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        Api.as("manager-max").get("/api/reports/recovery?level=WIZARD").then().statusCode(400)
                .body("violations[0].field", equalTo("level"));
        Api.as("manager-max").get("/api/reports/recovery?currency=EURO").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(org.hamcrest.Matchers.containsString("currency")));
    }

    @Test
    void answersCsvWithOneSectionPerFigureFamily() {
        String csv = Api.as("manager-max").accept("text/csv").get("/api/reports/recovery?" + WEEK).then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n", -1));
        assertThat(lines).filteredOn(l -> l.startsWith("# ")).containsExactly("# period", "# cases", "# times",
                "# proposals_by_proposer_level", "# approvals_by_level", "# escalations", "# spend_by_type",
                "# spend_by_agent", "# spend_by_level", "# repeat_failures", "# sla_breaches", "# apology_refusals");
        assertThat(lines).containsSubsequence("# cases", "opened,recovered,cancelled,open,recovered_share",
                "7,4,1,2,0.5714");
        assertThat(lines).containsSubsequence("# times", "measure,count,median_seconds,p90_seconds",
                "FIRST_TOUCH,6,1350.0,2700.0");
        assertThat(lines).contains("rep-ana,AGENT,EUR,1,40.00,0,0.00,500.00,3500.00,0.0114",
                "TEAM_LEAD,1,1,0,2,5400.0,6840.0", "DIRECTOR,0,0,1,0,,", "en,NO_OWNERSHIP,2,2,3", "sv,,,0,1");
    }

    private static void assertDurations(JsonPath r, String path, int count, double median, double p90) {
        assertThat(r.getInt(path + ".count")).as(path + ".count").isEqualTo(count);
        assertThat(r.getDouble(path + ".medianSeconds")).as(path + ".medianSeconds").isCloseTo(median, within());
        assertThat(r.getDouble(path + ".p90Seconds")).as(path + ".p90Seconds").isCloseTo(p90, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.001);
    }

    private static Map<String, Object> spender(String agent, String level, String currency, int credits, String credit,
            int discounts, String discountValue, String daily, String inPeriod, float used) {
        return Map.of("agent", agent, "level", level, "currency", currency, "credits", credits, "credit", credit,
                "discounts", discounts, "discountValue", discountValue, "dailyBudget", daily, "budgetInPeriod", inPeriod,
                "budgetUsedShare", used);
    }

    private static Map<String, Object> level(String level, String currency, int credits, String credit, int discounts,
            String discountValue, String inPeriod, float used) {
        return Map.of("level", level, "currency", currency, "credits", credits, "credit", credit, "discounts", discounts,
                "discountValue", discountValue, "budgetInPeriod", inPeriod, "budgetUsedShare", used);
    }
}
