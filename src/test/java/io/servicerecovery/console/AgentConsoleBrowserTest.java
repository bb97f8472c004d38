package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Apologies;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Recovery;

/**
 * An agent recovers a customer in the console, in a real Chromium, through the pages only:
 * sign in, claim from the inbox, take accountability, have an apology refused and fix it in
 * the editor, grant within the limit; a second case ends waiting for approval; a task
 * someone else claimed meanwhile says so. Every page is checked with axe-core.
 */
@QuarkusTest
class AgentConsoleBrowserTest extends BrowserTest {

    @Test
    void agentRecoversACaseFromInboxToGrantInThePages() {
        // a surname of its own, so that she finds this customer in a queue that other tests filled
        String customer = "Ana Q" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("name", customer));

        browser.signIn("agent-ana");
        assertAccessible("inbox");
        assertThat(browser.find(By.id("signed-in")).getText()).contains("Ana Bērziņa");
        browser.type(By.id("search"), customer);
        browser.find(By.cssSelector("form.filters button")).click();
        // the filtered page, not the row on the page being left (the case is new, so it may be on both)
        browser.await().until(d -> d.getCurrentUrl().contains("q="));
        WebElement row = browser.find(By.cssSelector("#queue-tasks tr[data-task] a[href='/console/cases/" + caseId + "']"))
                .findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains(customer).contains("Take accountability");
        browser.screenshot("inbox");
        row.findElement(By.cssSelector("form button")).click();

        // accountability, with the blame check running as she types
        browser.await().until(d -> browser.path().equals("/console/cases/" + caseId));
        assertAccessible("case page, accountability");
        browser.type(By.id("statement"), "You should have read the delivery terms more carefully.");
        browser.await().until(d -> browser.has(By.cssSelector("#statement-checks [data-code=BLAMES_CUSTOMER]")));
        browser.type(By.id("statement"), "This one is on us: we promised a delivery date we could not keep.");
        browser.await().until(d -> browser.has(By.cssSelector("#statement-checks .checks-ok")));
        browser.find(By.cssSelector("#accountability-form button.primary")).click();

        // the apology: a canned one is refused, the finding shown beside her words, then fixed
        browser.await().until(d -> browser.has(By.id("apology-form")));
        browser.type(By.id("message"), "We apologize for any inconvenience this may have caused.");
        browser.await().until(d -> browser.has(By.cssSelector("#apology-checks .finding")));
        // "Given by" has no default: she chooses, and the refused post keeps her choice
        Select givenBy = new Select(browser.find(By.id("deliveredVia")));
        assertThat(givenBy.getFirstSelectedOption().getAttribute("value")).isEmpty();
        givenBy.selectByValue("CHAT");
        browser.find(By.cssSelector("#apology-form button.primary")).click();
        browser.await().until(d -> browser.has(By.id("problem")));
        // the finding in the page's words (English here), its code on the element, not in the text
        assertThat(browser.find(By.cssSelector("#problem [data-code=NO_OWNERSHIP]")).getText())
                .startsWith("Take ownership");
        assertThat(browser.find(By.id("message")).getAttribute("value")).contains("any inconvenience");
        assertThat(new Select(browser.find(By.id("deliveredVia"))).getFirstSelectedOption().getText()).isEqualTo("In a chat");
        browser.screenshot("apology-editor-finding");
        assertAccessible("apology editor with a finding");
        String apology = Apologies.unique();
        browser.type(By.id("message"), apology);
        browser.await().until(d -> browser.has(By.cssSelector("#apology-checks .checks-ok")));
        assertThat(browser.find(By.id("preview-subject")).getText()).contains(customer);
        // the email itself, in its sandboxed frame, styled as the customer will see it
        assertThat(previewedEmail()).contains(customer).contains(apology.substring(0, 40)).contains("Ana Bērziņa");
        browser.find(By.cssSelector("#apology-form button.primary")).click();

        // the page answers with what happened and the compensation form at once: no reload
        browser.await().until(d -> browser.has(By.id("compensation-form")));
        assertThat(browser.find(By.id("done")).getText()).startsWith("Apology saved.");
        assertThat(browser.find(By.id("timeline")).getText()).contains("Apologized in a chat");

        // compensation within her limit: the page says so before she submits
        assertAccessible("compensation form");
        assertThat(browser.find(By.id("limits")).getText()).contains("50.00 EUR");
        browser.type(By.id("amount"), "40.00");
        browser.type(By.id("reason"), "Nine days late");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "granted at once"));
        browser.find(By.cssSelector("#compensation-form button.primary")).click();
        // the grant on the page that answers, the badge no longer "Waiting for compensation"
        browser.await().until(d -> browser.has(By.id("granted")));
        assertThat(browser.find(By.id("done")).getText()).isEqualTo("Compensation granted at once.");
        assertThat(browser.find(By.id("granted")).getText()).contains("40.00 EUR");
        assertThat(browser.find(By.id("status")).getText()).isIn("Sending the follow-up email", "Recovered");
        // the follow-up email goes on its own branch, asynchronously: the case is recovered once it is sent
        awaitAfterReloads(By.cssSelector(".status .status-RECOVERED"));
        assertThat(Recovery.caseAs("crm-acme", caseId).getString("status")).isEqualTo("RECOVERED");

        browser.go("/console/work");
        assertThat(browser.find(By.id("recovered")).getText()).contains(customer).contains("40.00 EUR");
        assertAccessible("my recent work");
    }

    /** The text of the email in the preview frame, once the frame shows the latest draft's email. */
    private String previewedEmail() {
        String draft = browser.find(By.id("message")).getAttribute("value").strip().substring(0, 40);
        browser.driver().switchTo().frame(browser.find(By.id("preview-html")));
        try {
            WebElement quote = browser.await().until(d -> {
                WebElement q = d.findElement(By.tagName("blockquote"));
                return q.getText().contains(draft) ? q : null;
            });
            // the email's inline style applies (the preview's own policy allows it; the console's would not)
            assertThat(quote.getCssValue("border-left-style")).isEqualTo("solid");
            return browser.driver().findElement(By.tagName("body")).getText();
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    @Test
    void compensationAboveTheLimitEndsWaitingForApproval() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String task = Recovery.throughApology("agent-ana", caseId);
        Recovery.claim("agent-ana", task);

        browser.signIn("agent-ana").go("/console/cases/" + caseId);
        browser.find(By.id("compensation-form"));
        // a discount has no currency: choosing one clears and disables the field, a credit brings it back
        Select type = new Select(browser.find(By.id("type")));
        type.selectByValue("DISCOUNT_PERCENT");
        assertThat(browser.find(By.id("currency")).isEnabled()).isFalse();
        assertThat(browser.find(By.id("currency")).getAttribute("value")).isEmpty();
        type.selectByValue("CREDIT");
        assertThat(browser.find(By.id("currency")).getAttribute("value")).isEqualTo("EUR");
        browser.type(By.id("amount"), "120.00");
        browser.type(By.id("reason"), "Double charge");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "team lead"));
        browser.find(By.cssSelector("#compensation-form button.primary")).click();
        // no reload: the answer says it went for approval and to whom
        browser.await().until(d -> browser.has(By.id("pending")));
        assertThat(browser.find(By.id("pending")).getText()).contains("by a team lead");
        assertThat(browser.find(By.id("done")).getText()).contains("waits for approval by a team lead");
        browser.go("/console/work");
        assertThat(browser.find(By.id("pending")).getText()).contains("120.00 EUR");
    }

    @Test
    void aTaskSomeoneElseClaimedMeanwhileSaysSoAndOffersAReload() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        browser.signIn("agent-ana").go("/console/cases/" + caseId);
        WebElement claim = browser.find(By.id("claim"));

        Recovery.claim("agent-ben", Recovery.task("agent-ben", caseId, "ACCOUNTABILITY"));
        claim.click();

        browser.await().until(d -> browser.has(By.id("problem")));
        assertThat(browser.find(By.id("problem")).getText()).contains("Someone else holds this task").contains("Reload");
        browser.find(By.cssSelector("#problem a.button")).click();
        assertThat(browser.find(By.id("held-by")).getText()).contains("Ben Carter");
    }

    @Test
    void aPageOpenedBeforeSigningInAgainSaysSoInPlaceAndStillSaves() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        Recovery.claim("agent-ana", Recovery.task("agent-ana", caseId, "ACCOUNTABILITY"));
        browser.signIn("agent-ana").go("/console/cases/" + caseId);
        browser.find(By.id("accountability-form"));
        String casePage = browser.driver().getWindowHandle();

        // in a second tab she signs out and in again: the first tab's page is of the ended session
        browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.go("/console/work").find(By.cssSelector("form.signout button")).click();
        browser.await().until(d -> browser.path().equals("/console/login"));
        browser.signIn("agent-ana");
        browser.driver().switchTo().window(casePage);

        // the live check says so beside the text, which stays; the page takes the new session's token and goes on
        browser.type(By.id("statement"), "This one is on us: we promised a delivery date we could not keep.");
        WebElement refusal = browser.find(By.cssSelector("#accountability-form .refused[role=alert]"));
        assertThat(refusal.getText()).contains("Your page was out of date");
        assertThat(browser.find(By.id("statement")).getAttribute("value")).startsWith("This one is on us");
        browser.find(By.id("statement")).sendKeys(" Sorry.");
        browser.await().until(d -> browser.has(By.cssSelector("#statement-checks .checks-ok")));
        browser.find(By.cssSelector("#accountability-form button.primary")).click();

        browser.await().until(d -> browser.has(By.id("done")));
        assertThat(browser.find(By.id("done")).getText()).contains("Accountability saved");
        assertThat(browser.driver().getPageSource()).doesNotContain("HTTP ERROR");
    }

    @Test
    void signInIsRefusedWithTheWrongPasswordAndTheConsoleSpeaksSwedish() {
        try (Browser swedish = Browser.open(base.toString(), "sv")) {
            swedish.go("/");
            assertThat(swedish.path()).isEqualTo("/console/login");
            swedish.find(By.id("j_username")).sendKeys("agent-ana");
            swedish.find(By.id("j_password")).sendKeys("wrong");
            swedish.find(By.cssSelector("form button[type=submit]")).click();
            assertThat(swedish.find(By.id("sign-in-failed")).getText()).contains("Försök igen");
            swedish.signIn("agent-ana");
            assertThat(swedish.find(By.tagName("h1")).getText()).isEqualTo("Inkorg");
            assertThat(swedish.find(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        }
    }

    private void assertAccessible(String page) {
        List<String> violations = browser.accessibilityViolations();
        assertThat(violations).as("serious or critical accessibility violations on the " + page).isEmpty();
    }

    /** Async steps (the email, the grant) move the case on after the answer: reload until it shows. */
    private void awaitAfterReloads(By what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!browser.has(what)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not shown after 60 s of reloads: " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            browser.driver().navigate().refresh();
        }
    }


    @Test
    void aCaseWaitingForAnApproverShowsTheGrantOnceTheApproverDecidesWithoutAReload() {
        String customer = "Ana W" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase().customer("name", customer));
        Recovery.complete("agent-ana", Recovery.throughApology("agent-ana", caseId), Recovery.credit("120.00"));
        String approval = Recovery.task("lead-lena", caseId, "APPROVAL");
        browser.signIn("agent-ana");
        browser.go("/console/cases/" + caseId);
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("Waiting for approval");

        Recovery.claim("lead-lena", approval);
        Recovery.complete("lead-lena", approval, java.util.Map.of("decision", "APPROVE"));

        // The page that waits polls for news and loads itself afresh when there is some: no reload by hand.
        browser.await().until(d -> "Recovered".equals(browser.find(By.id("status")).getText()));
        assertThat(browser.find(By.id("granted")).getText()).contains("120.00 EUR");
        assertThat(browser.find(By.id("timeline")).getText()).contains("Approved a credit of 120.00 EUR.");
    }
}
