package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Budgets;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Recovery;

/**
 * Every console page in every console language, as agents, managers and operators see it with cases in every
 * state: no page shows a code ({@code TEAM_LEAD}, {@code HIGH}) or, in Swedish, an English text of the
 * console's bundles ({@link PageWords}). One signed-in browser per role and language; a screenshot of each
 * page goes to target/screenshots/words-<language>-<page>.png (docs/screenshots are taken from these).
 */
@QuarkusTest
class ConsolePagesInWordsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Budgets budgets;

    /** What people wrote on the walk's cases, longest first (so that a text is removed before a part of it). */
    private final java.util.SortedSet<String> written = new java.util.TreeSet<>(
            java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()));

    @BeforeEach
    void freshBudgets() {
        budgets.resetDemoPeople();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "sv" })
    void noPageShowsACodeOrAnotherLanguagesWords(String language) {
        Map<String, String> cases = casesInEveryState();
        cases.values().forEach(id -> collectWritten(Recovery.caseAs("crm-acme", id).get("$")));
        PageWords words = new PageWords(language);
        List<String> problems = new ArrayList<>();

        try (Browser signedOut = Browser.open(base.toString(), language)) {
            check(signedOut, words, problems, language, "sign-in", "/console/login");
        }
        try (Browser agent = Browser.open(base.toString(), language).signIn("agent-ana")) {
            check(agent, words, problems, language, "inbox", "/console");
            check(agent, words, problems, language, "work", "/console/work");
            check(agent, words, problems, language, "profile", "/console/profile");
            cases.forEach((state, id) -> check(agent, words, problems, language, "case-" + state, "/console/cases/" + id));
        }
        try (Browser manager = Browser.open(base.toString(), language).signIn("manager-max")) {
            check(manager, words, problems, language, "approvals", "/console/approvals");
            check(manager, words, problems, language, "empowerment", "/console/empowerment");
            check(manager, words, problems, language, "level", "/console/empowerment/levels/TEAM_LEAD");
            check(manager, words, problems, language, "person", "/console/empowerment/agents/agent-ana");
            check(manager, words, problems, language, "audit", "/console/empowerment/audit");
            check(manager, words, problems, language, "what-if", "/console/what-if");
            check(manager, words, problems, language, "dashboard", "/console/dashboard");
        }
        try (Browser admin = Browser.open(base.toString(), language).signIn("admin", "/console/incidents")) {
            check(admin, words, problems, language, "incidents", "/console/incidents");
            check(admin, words, problems, language, "no-access", "/console/approvals");
        }

        assertThat(problems).as("codes and English words on the %s pages", language).isEmpty();
    }

    private void check(Browser browser, PageWords words, List<String> problems, String language, String page,
            String path) {
        browser.go(path);
        settle(browser);
        for (String problem : words.problems(withoutWhatPeopleWrote(visibleText(browser)))) {
            problems.add(page + " (" + path + "): " + problem);
        }
        browser.fullPageScreenshot("words-" + language + "-" + page);
    }

    /**
     * The page's text without what customers, CRMs and staff wrote (a statement, a reason, a note): that stays
     * in the language it was written in, and an English reason may well contain "late delivery".
     */
    private String withoutWhatPeopleWrote(String text) {
        for (String written : written) {
            text = text.replace(written, " ");
        }
        return text;
    }

    /** What a person reads: the rendered text, and the words of controls that are not text (labels, hints). */
    private static String visibleText(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const seen = [document.title, document.body.innerText];
                for (const e of document.querySelectorAll('[placeholder],[title],[aria-label],img[alt]')) {
                  seen.push(e.getAttribute('placeholder') || '', e.getAttribute('title') || '',
                            e.getAttribute('aria-label') || '', e.getAttribute('alt') || '');
                }
                return seen.join('\\n');
                """);
    }

    /** Waits for what htmx loads with the page (live checks, the outcome preview) to arrive. */
    private static void settle(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.await().until(d -> "complete".equals(js.executeScript("return document.readyState")));
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        browser.await().until(d -> Boolean.TRUE.equals(
                js.executeScript("return document.querySelectorAll('.htmx-request').length === 0")));
    }

    /** Every text people wrote on the case: its string values but the service's own English summaries. */
    private void collectWritten(Object json) {
        if (json instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!"summary".equals(key)) {
                    collectWritten(value);
                }
            });
        } else if (json instanceof List<?> list) {
            list.forEach(this::collectWritten);
        } else if (json instanceof String text && text.strip().contains(" ")) {
            written.add(text);
        }
    }

    /**
     * One case for each state an agent meets, by state. The customers are English: what they were told stays in
     * their language on a Swedish page, which is right; the page's own words must not.
     */
    private static Map<String, String> casesInEveryState() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("new", open());

        String accountable = open();
        String accountability = Recovery.task("agent-ana", accountable, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        Recovery.task("agent-ana", accountable, "APOLOGY");
        cases.put("accountable", accountable);

        String apologized = open();
        Recovery.throughApology("agent-ana", apologized);
        cases.put("apologized", apologized);

        String recovered = open();
        String compensation = Recovery.throughApology("agent-ana", recovered);
        Recovery.complete("agent-ana", compensation, Recovery.credit("20.00"));
        Recovery.awaitStatus("crm-acme", recovered, "RECOVERED");
        cases.put("recovered", recovered);

        String waiting = open();
        Recovery.complete("agent-ana", Recovery.throughApology("agent-ana", waiting), Recovery.credit("120.00"));
        Recovery.task("lead-lena", waiting, "APPROVAL");
        cases.put("awaiting-approval", waiting);

        String rejected = open();
        Recovery.complete("agent-ana", Recovery.throughApology("agent-ana", rejected), Recovery.credit("130.00"));
        String approval = Recovery.task("lead-lena", rejected, "APPROVAL");
        Recovery.claim("lead-lena", approval);
        Recovery.complete("lead-lena", approval, Map.of("decision", "REJECT", "note", "Offer a discount instead."));
        Recovery.task("agent-ana", rejected, "COMPENSATION");
        cases.put("rejected", rejected);

        String cancelled = open();
        Api.as("crm-acme").body(Map.of("reason", "The customer withdrew the complaint")).post("/api/cases/" + cancelled
                + "/cancel").then().statusCode(200);
        cases.put("cancelled", cancelled);
        return cases;
    }

    private static String open() {
        return Recovery.open("crm-acme", CaseRequests.aCase());
    }
}
