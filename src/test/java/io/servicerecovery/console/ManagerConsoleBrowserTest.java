package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Recovery;

/**
 * Managers at work in the console, in a real Chromium, through the pages only: approve a
 * smaller amount, reject with a note the agent then reads, raise a cap with a reason that
 * the audit shows, try stricter limits in the what-if, and meet a colleague's concurrent
 * edit as a conflict instead of losing either change. Every page is checked with axe-core.
 * Each test has customers and agents of its own, so what other tests (and earlier runs)
 * left in the database does not matter.
 */
@QuarkusTest
class ManagerConsoleBrowserTest extends BrowserTest {

    @Test
    void managerMaxApprovesASmallerAmountInTheQueue() {
        String customer = uniqueCustomer();
        String caseId = caseAwaitingApproval("agent-" + shortId(), customer, "60.00");

        browser.signIn("manager-max");
        int approvedBefore = teamLeadApprovalsOnTheDashboard();
        browser.go("/console/approvals?customer=" + customer);
        WebElement card = card(caseId);
        assertThat(card.getText()).contains(customer).contains("60.00 EUR").contains("Team lead")
                .contains("to Manager in").doesNotContain("TEAM_LEAD");
        assertAccessible("approvals queue");
        browser.screenshot("approvals");

        browser.type(By.cssSelector(cardSelector(caseId) + " input[name=amount]"), "45.00");
        browser.find(By.cssSelector(cardSelector(caseId) + " button.approve")).click();
        browser.await().until(d -> browser.has(By.cssSelector(cardSelector(caseId) + " .decided")));
        assertThat(browser.find(By.cssSelector(cardSelector(caseId) + " .decided")).getText()).contains("45.00 EUR");

        JsonPath recovered = Recovery.awaitStatus("crm-acme", caseId, "RECOVERED");
        assertThat(new BigDecimal(recovered.getString("compensation.grant.amount"))).isEqualByComparingTo("45.00");
        assertThat(recovered.getString("compensation.decidedBy")).isEqualTo("manager-max");

        // the dashboard counts the decision: one more approval of a TEAM_LEAD request today
        assertThat(teamLeadApprovalsOnTheDashboard()).isEqualTo(approvedBefore + 1);
        assertAccessible("dashboard");
        browser.screenshot("dashboard");
    }

    /** The dashboard's approved count of TEAM_LEAD requests for today (0 when the row is absent). */
    private int teamLeadApprovalsOnTheDashboard() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.go("/console/dashboard?from=" + today + "&to=" + today);
        browser.find(By.id("figures"));
        assertThat(Integer.parseInt(browser.find(By.cssSelector("#fig-opened strong")).getText().strip())).isPositive();
        browser.await().until(d -> browser.has(By.cssSelector("canvas[data-chart][data-drawn]")));
        List<WebElement> row = browser.all(By.cssSelector("#approvals-table tr[data-level=TEAM_LEAD] td.approved"));
        return row.isEmpty() ? 0 : Integer.parseInt(row.get(0).getAttribute("textContent").strip());
    }

    @Test
    void leadLenaRejectsWithANoteAndTheAgentReadsItOnTheCase() {
        String customer = uniqueCustomer();
        String caseId = caseAwaitingApproval("agent-ana", customer, "60.00");
        String note = "Offer 10 % off the next order instead (" + shortId() + ")";

        browser.signIn("lead-lena").go("/console/approvals?customer=" + customer);
        card(caseId);
        browser.type(By.cssSelector(cardSelector(caseId) + " textarea[name=note]"), note);
        browser.find(By.cssSelector(cardSelector(caseId) + " button.reject")).click();
        browser.await().until(d -> browser.has(By.cssSelector(cardSelector(caseId) + " .decided")));
        assertThat(browser.find(By.cssSelector(cardSelector(caseId) + " .decided")).getAttribute("data-outcome"))
                .isEqualTo("REJECTED");

        Recovery.awaitStatus("crm-acme", caseId, "AWAITING_COMPENSATION");
        try (Browser ana = Browser.open(base.toString(), "en")) {
            ana.signIn("agent-ana").go("/console/cases/" + caseId);
            assertThat(ana.find(By.id("rejected")).getText()).contains("Rejected by Lena Lindqvist").contains(note)
                    .doesNotContain("lead-lena");
        }
    }

    @Test
    void aRejectionWithoutANoteIsRefusedInPlaceAndTakesNothing() {
        String customer = uniqueCustomer();
        String caseId = caseAwaitingApproval("agent-" + shortId(), customer, "70.00");

        browser.signIn("manager-max").go("/console/approvals?customer=" + customer);
        card(caseId);
        browser.find(By.cssSelector(cardSelector(caseId) + " button.reject")).click();
        browser.await().until(d -> browser.has(By.cssSelector(cardSelector(caseId) + " .problem")));
        assertThat(browser.find(By.cssSelector(cardSelector(caseId) + " .problem")).getText())
                .contains("A rejection needs a note");
        // nothing was claimed or decided: the request still waits, free for any approver
        JsonPath still = Recovery.caseAs("crm-acme", caseId);
        assertThat(still.getString("status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(Api.as("lead-lena").queryParam("caseId", caseId).queryParam("type", "APPROVAL").get("/api/tasks")
                .then().statusCode(200).extract().jsonPath().getString("items[0].assignee")).isNull();
    }

    @Test
    void theQueueDoesNotRefreshUnderAManagerWhoIsInADecisionForm() {
        String customer = uniqueCustomer();
        String caseId = caseAwaitingApproval("agent-" + shortId(), customer, "65.00");
        browser.signIn("manager-max").go("/console/approvals?customer=" + customer);
        WebElement card = card(caseId);
        browser.type(By.cssSelector(cardSelector(caseId) + " textarea[name=note]"), "Half of it, see the call notes");

        // the refresh comes while she types: the card and her words stay
        refreshTheQueue();
        assertThat(card.findElement(By.name("note")).getAttribute("value")).isEqualTo("Half of it, see the call notes");

        // once she has left the form, the next refresh replaces the list
        browser.find(By.id("customer")).click();
        refreshTheQueue();
        browser.await().until(ExpectedConditions.stalenessOf(card));
        assertThat(card(caseId).findElement(By.name("note")).getAttribute("value")).isEmpty();
    }

    /** What htmx's poll does every 30 s: a request from the refreshing element (which approvals.js may refuse). */
    private void refreshTheQueue() {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const refresh = document.getElementById('approvals-refresh');
                htmx.ajax('GET', refresh.getAttribute('hx-get'), {source: refresh, target: '#approval-list', swap: 'outerHTML'})
                    .then(() => done(true));
                """);
    }

    @Test
    void aManagerRaisesAnAgentsCapWithAReasonAndTheAuditShowsIt() {
        String agent = "agent-cap-" + shortId();
        String reason = "Handles our premium customers " + shortId();

        browser.signIn("manager-max").go("/console/empowerment/agents/" + agent);
        assertAccessible("agent empowerment form");
        fillFirstLimitRow("EUR", "80.00");
        browser.type(By.id("reason"), reason);
        browser.find(By.cssSelector("#agent-form button.primary")).click();

        browser.await().until(d -> browser.has(By.id("saved")));
        assertAccessible("empowerment overview");
        assertThat(browser.find(By.cssSelector("#people tr[data-agent='" + agent + "']")).getText()).contains("80.00");
        assertThat(limitOf(agent)).isEqualByComparingTo("80.00");

        browser.go("/console/empowerment/audit?agent=" + agent);
        WebElement entry = browser.find(By.cssSelector("#audit tr[data-target='" + agent + "']"));
        assertThat(entry.getText()).contains("manager-max").contains(reason).contains("credit ≤ 80.00");
        assertAccessible("audit log");
    }

    @Test
    void aDirectorSavesALevelsLimitsWithAReasonAndTheAuditShowsIt() {
        // the limits as they are, so that no other test meets changed limits; the save is still audited
        String reason = "Quarterly review, no change " + shortId();
        browser.signIn("director-dora").go("/console/empowerment/levels/SENIOR_AGENT");
        assertAccessible("level form");
        browser.type(By.id("reason"), reason);
        browser.find(By.cssSelector("#level-form button.primary")).click();

        browser.await().until(d -> browser.has(By.id("saved")));
        assertThat(browser.find(By.id("saved")).getText()).contains("SENIOR_AGENT");
        browser.go("/console/empowerment/audit");
        WebElement newest = browser.find(By.cssSelector("#audit tbody tr:first-child"));
        assertThat(newest.getText()).contains("director-dora").contains("SENIOR_AGENT").contains(reason);
    }

    @Test
    void twoManagersEditingTheSameAgentGetAConflictAndNeitherChangeIsLost() {
        String agent = "agent-both-" + shortId();
        try (Browser dora = Browser.open(base.toString(), "en")) {
            browser.signIn("manager-max").go("/console/empowerment/agents/" + agent);
            dora.signIn("director-dora").go("/console/empowerment/agents/" + agent);

            fillFirstLimitRow("EUR", "30.00");
            browser.type(By.id("reason"), "Max: new starter");
            browser.find(By.cssSelector("#agent-form button.primary")).click();
            browser.await().until(d -> browser.has(By.id("saved")));

            fillFirstLimitRow(dora, "EUR", "35.00");
            dora.type(By.id("reason"), "Dora: trained on refunds");
            dora.find(By.cssSelector("#agent-form button.primary")).click();
            WebElement conflict = dora.find(By.id("conflict"));
            assertThat(dora.find(By.id("theirs")).getText()).contains("30.00");
            assertThat(dora.find(By.id("yours")).getText()).contains("35.00");
            assertThat(conflict.getText()).contains("Someone else changed this meanwhile");
            assertThat(limitOf(agent)).as("Dora's change is not saved over Max's unseen").isEqualByComparingTo("30.00");
            assertThat(dora.find(By.id("reason")).getAttribute("value")).isEqualTo("Dora: trained on refunds");

            // having seen both, she saves hers knowingly
            dora.find(By.cssSelector("#agent-form button.primary")).click();
            dora.await().until(d -> dora.has(By.id("saved")));
            assertThat(limitOf(agent)).isEqualByComparingTo("35.00");
        }
    }

    @Test
    void aWhatIfWithAStricterAgentLevelShowsFewerAutomaticApprovals() {
        // a proposal of 40 EUR that today's AGENT limits (50 per case) grant at once
        String agent = "agent-wi-" + shortId();
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String task = Recovery.throughApology(agent, caseId);
        Recovery.claim(agent, task);
        Recovery.complete(agent, task, Recovery.credit("40.00"));

        browser.signIn("manager-max").go("/console/what-if?level=AGENT");
        assertAccessible("what-if form");
        fillLimitRow(browser, "EUR", "10.00");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        setDate("from", today);
        setDate("to", today);
        browser.find(By.id("run-whatif")).click();

        browser.await().until(d -> browser.has(By.id("whatif-table")));
        int atOnceToday = number("#row-at-once .today");
        int atOnceCandidate = number("#row-at-once .candidate");
        assertThat(atOnceCandidate).as("granted at once with a 10 EUR cap vs today's").isLessThan(atOnceToday);
        assertThat(number("#row-escalated .candidate")).isGreaterThan(number("#row-escalated .today"));
        assertThat(browser.has(By.cssSelector("#whatif-chart[data-drawn]"))
                || browser.await().until(d -> browser.has(By.cssSelector("#whatif-chart[data-drawn]")))).isTrue();
        assertThat(chartLegend(browser, "#whatif-chart")).containsExactly("today", "what-if");
        assertAccessible("what-if result");
        browser.screenshot("what-if");
    }

    @Test
    void theDashboardsChartsSpeakTheConsolesLanguage() {
        try (Browser swedish = Browser.open(base.toString(), "sv")) {
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            swedish.signIn("manager-max").go("/console/dashboard?from=" + today + "&to=" + today);
            swedish.await().until(d -> swedish.has(By.cssSelector("canvas[data-chart][data-drawn]")));
            // the same words as the Swedish tables beside them, in the legends Chart.js draws
            assertThat(chartLegend(swedish, "section[aria-labelledby=trend-title] canvas")).containsExactly("återvunna %");
            assertThat(chartLegend(swedish, "section[aria-labelledby=approvals-title] canvas"))
                    .containsExactly("godkända", "avslagna", "väntande");
            assertThat(chartLegend(swedish, "section[aria-labelledby=within-title] canvas"))
                    .containsExactly("direkt", "eskalerade");
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.signIn("manager-max").go("/console/dashboard?from=" + today + "&to=" + today);
        browser.await().until(d -> browser.has(By.cssSelector("canvas[data-chart][data-drawn]")));
        assertThat(chartLegend(browser, "section[aria-labelledby=approvals-title] canvas"))
                .containsExactly("approved", "rejected", "pending");
    }

    /** The legend of the chart Chart.js drew on the canvas: its datasets' labels. */
    @SuppressWarnings("unchecked")
    private static List<String> chartLegend(Browser in, String canvas) {
        in.await().until(d -> in.has(By.cssSelector(canvas + "[data-drawn]")));
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) in.driver()).executeScript(
                "return Chart.getChart(document.querySelector(arguments[0])).data.datasets.map(d => d.label);", canvas);
    }

    @Test
    void theAdminLandsOnTheIncidents() {
        browser.go("/");
        browser.find(By.id("j_username")).sendKeys("admin");
        browser.find(By.id("j_password")).sendKeys("admin");
        browser.find(By.cssSelector("form button[type=submit]")).click();
        browser.await().until(d -> browser.path().equals("/console/incidents"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Incidents");
        assertThat(browser.has(By.cssSelector("nav a[href='/console/approvals']"))).isFalse();
        assertAccessible("incidents");
    }

    private String caseAwaitingApproval(String agent, String customer, String amount) {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("name", customer));
        String task = Recovery.throughApology(agent, caseId);
        Recovery.claim(agent, task);
        Recovery.complete(agent, task, Recovery.credit(amount));
        Recovery.awaitStatus("crm-acme", caseId, "AWAITING_APPROVAL");
        // the approval task opens after the answer
        Recovery.task("lead-lena", caseId, "APPROVAL");
        return caseId;
    }

    private WebElement card(String caseId) {
        return browser.find(By.cssSelector(cardSelector(caseId)));
    }

    private static String cardSelector(String caseId) {
        return "article.approval[data-case='" + caseId + "']";
    }

    private void fillFirstLimitRow(String currency, String maxCredit) {
        fillFirstLimitRow(browser, currency, maxCredit);
    }

    /** The first row of the limits table: a person without overrides has only the blank row. */
    private static void fillFirstLimitRow(Browser in, String currency, String maxCredit) {
        in.type(By.cssSelector("table.limit-rows tbody tr:first-child input[name=currency]"), currency);
        in.type(By.cssSelector("table.limit-rows tbody tr:first-child input[name=maxCredit]"), maxCredit);
    }

    /** The row of this currency in a form prefilled with a level's limits. */
    private static void fillLimitRow(Browser in, String currency, String maxCredit) {
        List<WebElement> rows = in.all(By.cssSelector("table.limit-rows tbody tr"));
        WebElement row = rows.stream()
                .filter(r -> currency.equals(r.findElement(By.name("currency")).getAttribute("value")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + currency + " row"));
        WebElement credit = row.findElement(By.name("maxCredit"));
        credit.clear();
        credit.sendKeys(maxCredit);
    }

    private void setDate(String id, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
    }

    private int number(String css) {
        return Integer.parseInt(browser.find(By.cssSelector(css)).getText().strip());
    }

    private static BigDecimal limitOf(String agent) {
        JsonPath view = Api.as("manager-max").get("/api/empowerment/agents/" + agent).then().statusCode(200)
                .extract().jsonPath();
        return new BigDecimal(view.getString("effective.find { it.currency == 'EUR' }.maxCreditPerCase"));
    }

    private void assertAccessible(String page) {
        List<String> violations = browser.accessibilityViolations();
        assertThat(violations).as("serious or critical accessibility violations on the " + page).isEmpty();
    }

    private static String uniqueCustomer() {
        return "Ana Q" + shortId(); // the test apologies address Ana
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
