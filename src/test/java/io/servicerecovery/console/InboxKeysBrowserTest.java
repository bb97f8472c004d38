package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Recovery;

/**
 * The keyboard alone takes a task from the inbox to the step's form (issue 33): / to the search box, j to the row,
 * c to claim it, and the case page opens with the focus in the form; ? lists the shortcuts; a key typed into a
 * field stays in the field.
 */
@QuarkusTest
class InboxKeysBrowserTest extends BrowserTest {

    @Test
    void fromTheInboxToTheClaimedStepsFormWithKeysAlone() {
        CaseRequests request = CaseRequests.aCase().customer("name", "Keys " + java.util.UUID.randomUUID().toString().substring(0, 6));
        String caseId = Recovery.open("crm-acme", request);
        browser.signIn("agent-ana");

        // ? opens the help, which names every shortcut; Escape closes it
        keys("?");
        WebElement help = browser.find(By.id("shortcuts"));
        browser.await().until(d -> help.getAttribute("open") != null);
        assertThat(help.getText()).contains("Next task").contains("Previous task").contains("Claim the task")
                .contains("profile page");
        browser.screenshot("inbox-shortcuts");
        keys(Keys.ESCAPE.toString());
        browser.await().until(d -> help.getAttribute("open") == null);

        // / goes to the search box; what is typed there (a j, a c) stays there
        keys("/");
        assertThat(focused().getAttribute("id")).isEqualTo("search");
        keys("jc" + request.externalRef().toLowerCase().substring(2));
        assertThat(browser.find(By.id("search")).getAttribute("value"))
                .isEqualTo("jc" + request.externalRef().toLowerCase().substring(2));
        // (clearing a field by WebDriver takes the focus off it: / again)
        browser.find(By.id("search")).clear();
        keys("/" + request.externalRef().toLowerCase() + Keys.ENTER);
        browser.await().until(d -> d.getCurrentUrl().contains("q="));

        // j to the first row (the only one: the search found the case), c claims it
        keys("j");
        browser.await().until(d -> caseId.equals(rowOf(focused())));
        keys("k");
        assertThat(rowOf(focused())).isEqualTo(caseId);
        keys("c");

        browser.await().until(d -> browser.path().equals("/console/cases/" + caseId));
        browser.await().until(d -> "statement".equals(focused().getAttribute("id")));
        keys("Our carrier lost a day and we did not tell you.");
        assertThat(browser.find(By.id("statement")).getAttribute("value"))
                .isEqualTo("Our carrier lost a day and we did not tell you.");
        assertThat(browser.cspViolations()).isEmpty();
    }

    private void keys(CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    /** The case of the inbox row that is (or holds) this element; null when it is not in a row. */
    private static String rowOf(WebElement element) {
        if (!"tr".equals(element.getTagName())) {
            return null;
        }
        String href = element.findElement(By.cssSelector("a[data-open]")).getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }
}
