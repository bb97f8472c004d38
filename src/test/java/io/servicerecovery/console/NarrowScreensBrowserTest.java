package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Budgets;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Recovery;

/**
 * The console on a small phone (360 px), a phone (390 px) and a narrow tablet (768 px): every agent and manager page fits the screen's
 * width, with no horizontal scrolling; a page that does not is named with its widest element. Tables become
 * cards and the header's navigation folds into a menu. Screenshots go to target/screenshots/small-phone-*.png,
 * phone-*.png and tablet-*.png (docs/screenshots/inbox-phone.png and inbox-tablet.png are taken from these).
 */
@QuarkusTest
class NarrowScreensBrowserTest extends BrowserTest {

    private static final int SMALL_PHONE = 360;
    private static final int PHONE = 390;
    private static final int TABLET = 768;

    @Inject
    Budgets budgets;

    @BeforeEach
    void freshBudgets() {
        budgets.resetDemoPeople();
    }

    @Test
    void agentPagesFitAPhoneAndATablet() {
        String customer = "Ana Narrow" + shortId();
        // one case in the queue, one of Ana's own at the compensation step (the longest step form)
        Recovery.open("crm-acme", CaseRequests.aCase().customer("name", customer + " Queue"));
        String mine = Recovery.open("crm-acme", CaseRequests.aCase().customer("name", customer));
        Recovery.claim("agent-ana", Recovery.throughApology("agent-ana", mine));

        browser.signIn("agent-ana");
        List<String> overflows = new ArrayList<>();
        for (int width : new int[] { SMALL_PHONE, PHONE, TABLET }) {
            resize(width);
            String device = device(width);
            visit(device, "inbox", "/console", overflows);
            assertThat(browser.has(By.cssSelector("table.tasks td[data-label]"))).as("the inbox's cells say their column").isTrue();
            visit(device, "case", "/console/cases/" + mine, overflows);
            assertThat(browser.has(By.id("compensation-form"))).as("a step form").isTrue();
            visit(device, "work", "/console/work", overflows);
            visit(device, "profile", "/console/profile", overflows);
        }
        assertThat(overflows).as("pages wider than the screen").isEmpty();
    }

    @Test
    void managerPagesFitAPhoneAndATablet() {
        String customer = "Ana Narrow" + shortId();
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("name", customer));
        String task = Recovery.throughApology("agent-ana", caseId);
        Recovery.claim("agent-ana", task);
        Recovery.complete("agent-ana", task, Recovery.credit("60.00"));
        Recovery.awaitStatus("crm-acme", caseId, "AWAITING_APPROVAL");
        Recovery.task("lead-lena", caseId, "APPROVAL");

        browser.signIn("manager-max");
        List<String> overflows = new ArrayList<>();
        for (int width : new int[] { SMALL_PHONE, PHONE, TABLET }) {
            resize(width);
            String device = device(width);
            visit(device, "approvals", "/console/approvals?customer=" + customer, overflows);
            browser.find(By.cssSelector("article.approval[data-case='" + caseId + "']"));
            visit(device, "empowerment", "/console/empowerment", overflows);
            visit(device, "person", "/console/empowerment/agents/agent-ana", overflows);
            visit(device, "audit", "/console/empowerment/audit", overflows);
            visit(device, "level", "/console/empowerment/levels/TEAM_LEAD", overflows);
            visit(device, "what-if", "/console/what-if", overflows);
            visit(device, "dashboard", "/console/dashboard", overflows);
        }
        assertThat(overflows).as("pages wider than the screen").isEmpty();
    }

    @Test
    void onAPhoneTheHeadersNavigationIsAMenuThatOpens() {
        browser.signIn("manager-max");
        resize(PHONE);
        browser.go("/console/approvals");
        By toggle = By.cssSelector("header.top button.menu-toggle");
        By approvals = By.cssSelector("header.top nav a[href='/console/approvals']");
        browser.await().until(d -> browser.find(toggle).isDisplayed());
        assertThat(browser.find(approvals).isDisplayed()).as("the navigation folded away").isFalse();
        assertThat(browser.find(toggle).getAttribute("aria-expanded")).isEqualTo("false");

        browser.find(toggle).click();
        browser.await().until(d -> browser.find(approvals).isDisplayed());
        assertThat(browser.find(toggle).getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(overflow()).as("the open menu fits").isNull();
        assertThat(browser.accessibilityViolations()).as("accessibility of the open menu").isEmpty();
        browser.screenshot("phone-menu");

        resize(1280);
        browser.go("/console/approvals");
        assertThat(browser.find(toggle).isDisplayed()).as("no menu button on a wide screen").isFalse();
        assertThat(browser.find(approvals).isDisplayed()).isTrue();
    }

    @Test
    void onAPhoneASwedishInboxSaysItsColumnsAndMenuInSwedish() {
        Recovery.open("crm-acme", CaseRequests.aCase().customer("name", "Åsa Smal" + shortId()));
        try (Browser swedish = Browser.open(base.toString(), "sv").signIn("agent-ana")) {
            resize(swedish, PHONE);
            swedish.go("/console");
            swedish.find(By.cssSelector("#queue-tasks td[data-label]"));
            assertThat(swedish.all(By.cssSelector("#queue-tasks tbody tr:first-child td[data-label]")).stream()
                    .map(td -> td.getAttribute("data-label")).toList()).contains("Ärende", "Kund", "Allvar");
            assertThat(swedish.find(By.cssSelector("header.top button.menu-toggle")).getText()).isEqualTo("Meny");
            swedish.fullPageScreenshot("phone-inbox-sv");
        }
    }

    /** Opens the page, waits for what htmx loads with it, takes a full-page screenshot and notes any overflow. */
    private void visit(String device, String page, String path, List<String> overflows) {
        browser.go(path);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.await().until(d -> "complete".equals(js.executeScript("return document.readyState")));
        browser.await().until(d -> Boolean.TRUE.equals(
                js.executeScript("return document.querySelectorAll('.htmx-request').length === 0")));
        String overflow = overflow();
        if (overflow != null) {
            overflows.add(device + " " + page + " (" + path + "): " + overflow);
        }
        browser.fullPageScreenshot(device + "-" + page);
    }

    /**
     * Null when the page is no wider than the window, else how much wider and its widest element: the deepest
     * one whose right edge is furthest out.
     */
    private String overflow() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const width = window.innerWidth, scroll = document.documentElement.scrollWidth;
                if (scroll <= width) return null;
                let widest = null, right = width;
                for (const e of document.body.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right >= right) { right = r.right; widest = e; }
                }
                const name = widest ? widest.tagName.toLowerCase() + (widest.id ? '#' + widest.id : '')
                    + (widest.className && typeof widest.className === 'string' ? '.' + widest.className.trim().split(/\\s+/).join('.') : '')
                    + ' "' + (widest.textContent || '').trim().replace(/\\s+/g, ' ').substring(0, 40) + '"' : '?';
                return 'page ' + scroll + ' px wide in a ' + width + ' px window; widest: ' + name + ' reaching ' + Math.round(right) + ' px';
                """);
    }

    /** Sets the page's width (the window's inner width; a window's outer size may include its frame). */
    private void resize(int width) {
        resize(browser, width);
    }

    private static void resize(Browser browser, int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        long inner = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth");
        if (inner != width) {
            browser.driver().manage().window().setSize(new Dimension(width + (int) (width - inner), 900));
        }
        long now = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth");
        assertThat(now).as("the page's width").isEqualTo(width);
    }

    private static String device(int width) {
        return width == SMALL_PHONE ? "small-phone" : width == PHONE ? "phone" : "tablet";
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
