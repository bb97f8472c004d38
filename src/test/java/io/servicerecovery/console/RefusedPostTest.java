package io.servicerecovery.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.ConsoleSignIn;
import io.servicerecovery.support.Recovery;

/**
 * When a post is refused anyway (a page of an earlier sign-in, a session that ended), the person loses nothing
 * (issue 32): the console's own page in their language shows what they wrote, escaped, with a way on; htmx gets
 * the same words in place; a post from another site gets nothing shown back.
 */
@QuarkusTest
class RefusedPostTest {

    /** As browsers send forms (RestAssured's default is ISO-8859-1). */
    private static final String UTF8_FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String TYPED = "<script>alert('x')</script> Förlåt, Åsa: det här är vårt fel.";
    private static final String TYPED_ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Förlåt, Åsa: det här är vårt fel.";

    @Test
    void aPageOfAnEarlierSignInShowsWhatWasWrittenAndSendsItAgain() {
        CookieFilter browser = ConsoleSignIn.signedIn("agent-ana");
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String task = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", task);
        String oldToken = ConsoleSignIn.csrfToken(page(browser, "/console/cases/" + caseId));
        // the session lapsed and Ana signed in again, in another tab; this tab still has the old page
        assertThat(ConsoleSignIn.signIn(browser, "agent-ana", "agent-ana").statusCode()).isEqualTo(303);
        String newToken = ConsoleSignIn.csrfToken(page(browser, "/console/work"));

        String action = "/console/cases/" + caseId + "/tasks/" + task + "/accountability";
        Response refused = post(browser, caseId, "en", Map.of("csrf-token", oldToken, "statement", TYPED,
                "rootCause", "CARRIER_DELAY"), action);

        assertThat(refused.statusCode()).isEqualTo(403);
        String html = refused.asString();
        assertThat(html).contains("Your page was out of date").contains("Nothing was saved yet")
                .contains(">Accountability statement<").contains(TYPED_ESCAPED).doesNotContain("<script>alert")
                .contains("action=\"" + action + "\"").contains("name=\"rootCause\" value=\"CARRIER_DELAY\"")
                .contains(">Send again<").contains("href=\"/console/cases/" + caseId + "\"");
        assertThat(ConsoleSignIn.csrfToken(html)).isEqualTo(newToken);

        // Send again (the person tidied the text in the box first): it goes through, as from the case page
        Map<String, String> again = formOf(html);
        again.put("statement", Recovery.accountability().get("statement"));
        Response sent = given().filter(browser).redirects().follow(false).formParams(again).post(action);
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(303);
        assertThat(sent.header("Location")).isEqualTo("/console/cases/" + caseId + "?done=accountability");
    }

    @Test
    void aFormPostedAfterTheSessionEndedKeepsTheTextAndOffersToSignInAgain() {
        CookieFilter browser = new CookieFilter();
        String session = ConsoleSignIn.signIn(browser, "agent-ana", "agent-ana").getCookie(ConsoleSignIn.SESSION_COOKIE);
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String token = ConsoleSignIn.csrfToken(page(browser, "/console/cases/" + caseId));
        signOut(browser, token);

        String action = "/console/cases/" + caseId + "/tasks/any/apology";
        Map<String, String> form = Map.of("csrf-token", token, "message", TYPED, "deliveredVia", "PHONE");
        for (String language : new String[] { "en", "sv" }) {
            Response refused = given().cookie(ConsoleSignIn.SESSION_COOKIE, session).redirects().follow(false)
                    .header("Accept-Language", language).header("Referer", "http://localhost/console/cases/" + caseId)
                    .contentType(UTF8_FORM).formParams(form).post(action);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("text/html");
            assertThat(refused.detailedCookie(ConsoleSignIn.SESSION_COOKIE).getMaxAge()).isZero();
            String html = refused.asString();
            assertThat(html).contains(TYPED_ESCAPED).doesNotContain("<script>alert").doesNotContain("name=\"csrf-token\"")
                    .contains("action=\"" + action + "\"")
                    .contains("href=\"/console/login?next=%2Fconsole%2Fcases%2F" + caseId + "\"");
            assertThat(html).contains(language.equals("en") ? "Your session has ended" : "Din session har upphört")
                    .contains(language.equals("en") ? ">Apology<" : ">Ursäkt<")
                    .contains(language.equals("en") ? "Sign in again" : "Logga in igen");
        }

        // a button with nothing written (claim) simply goes to sign in, as before
        Response claim = given().cookie(ConsoleSignIn.SESSION_COOKIE, session).redirects().follow(false)
                .formParams(Map.of("csrf-token", token)).post("/console/cases/" + caseId + "/tasks/any/claim");
        assertThat(claim.statusCode()).isEqualTo(303);
        assertThat(claim.header("Location")).isEqualTo("/console/login");
    }

    @Test
    void htmxRequestsOfAnOutOfDatePageGetTheWordsInPlaceAndTheSessionsToken() {
        CookieFilter browser = ConsoleSignIn.signedIn("agent-ana");
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String oldToken = ConsoleSignIn.csrfToken(page(browser, "/console/cases/" + caseId));
        assertThat(ConsoleSignIn.signIn(browser, "agent-ana", "agent-ana").statusCode()).isEqualTo(303);
        String newToken = ConsoleSignIn.csrfToken(page(browser, "/console/work"));

        for (String language : new String[] { "en", "sv" }) {
            Response check = given().filter(browser).redirects().follow(false).header("HX-Request", "true")
                    .header("X-CSRF-TOKEN", oldToken).header("Accept-Language", language)
                    .contentType(UTF8_FORM).formParams(Map.of("statement", TYPED)).post("/console/cases/" + caseId + "/live/statement");
            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.contentType()).startsWith("text/html");
            assertThat(check.header("HX-Reswap")).isEqualTo("beforebegin");
            String fragment = check.asString();
            assertThat(fragment.strip()).startsWith("<div").contains("role=\"alert\"")
                    .contains("data-csrf-token=\"" + newToken + "\"").doesNotContain("<html")
                    .contains(language.equals("en") ? "Your page was out of date" : "Sidan var inaktuell");
        }
    }

    @Test
    void htmxRequestsAfterTheSessionEndedGetTheWordsInPlace() {
        CookieFilter browser = new CookieFilter();
        String session = ConsoleSignIn.signIn(browser, "agent-ana", "agent-ana").getCookie(ConsoleSignIn.SESSION_COOKIE);
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String token = ConsoleSignIn.csrfToken(page(browser, "/console/cases/" + caseId));
        signOut(browser, token);

        for (String language : new String[] { "en", "sv" }) {
            String words = language.equals("en") ? "Your session has ended" : "Din session har upphört";
            Response check = given().cookie(ConsoleSignIn.SESSION_COOKIE, session).redirects().follow(false)
                    .header("HX-Request", "true").header("X-CSRF-TOKEN", token).header("Accept-Language", language)
                    .contentType(UTF8_FORM).formParams(Map.of("statement", TYPED)).post("/console/cases/" + caseId + "/live/statement");
            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.contentType()).startsWith("text/html");
            assertThat(check.header("HX-Reswap")).isEqualTo("beforebegin");
            assertThat(check.asString()).contains("role=\"alert\"").contains(words).doesNotContain("<html")
                    .doesNotContain("data-csrf-token");
            // the inbox's refresh too
            Response refresh = given().cookie(ConsoleSignIn.SESSION_COOKIE, session).redirects().follow(false)
                    .header("HX-Request", "true").header("Accept-Language", language).get("/console/inbox/lists");
            assertThat(refresh.statusCode()).isEqualTo(200);
            assertThat(refresh.asString()).contains("role=\"alert\"").contains(words);
        }
    }

    @Test
    void aPostFromAnotherSiteGetsNothingShownBack() {
        CookieFilter browser = ConsoleSignIn.signedIn("agent-ana");
        Response refused = given().filter(browser).redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .formParams(Map.of("csrf-token", "forged", "displayName", "Mallory <b>here</b>"))
                .post("/console/profile");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("Nothing was saved").doesNotContain("Mallory")
                .doesNotContain("<form").doesNotContain("name=\"csrf-token\"");
    }

    @Test
    void aGoneTaskOrOneSomeoneElseHoldsIsTheConsolesOwnPageInThePersonsLanguage() {
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String task = Recovery.task("agent-ben", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ben", task);

        Response held = swedish(ana).formParams(Map.of(csrf.getKey(), csrf.getValue()))
                .post("/console/cases/" + caseId + "/tasks/" + task + "/claim");
        assertThat(held.statusCode()).isEqualTo(409);
        assertThat(held.contentType()).startsWith("text/html");
        assertThat(held.asString()).contains("lang=\"sv\"").contains("id=\"problem\"");

        Map<String, String> form = new HashMap<>(Recovery.accountability());
        form.put(csrf.getKey(), csrf.getValue());
        Response notHers = swedish(ana).formParams(form).post("/console/cases/" + caseId + "/tasks/" + task + "/accountability");
        assertThat(notHers.statusCode()).isEqualTo(403);
        assertThat(notHers.contentType()).startsWith("text/html");
        assertThat(notHers.asString()).contains("lang=\"sv\"").contains("id=\"problem\"").contains("id=\"unsaved\"")
                .contains("Det du skrev sparades inte").contains(">Ansvarsförklaring<")
                .contains(Recovery.accountability().get("statement"));

        Response gone = swedish(ana).formParams(form)
                .post("/console/cases/" + caseId + "/tasks/no-such-task/accountability");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("text/html");
        assertThat(gone.asString()).contains("lang=\"sv\"").contains("id=\"problem\"");
    }

    private static RequestSpecification swedish(ConsoleSignIn who) {
        return who.request().header("Accept-Language", "sv");
    }

    private static String page(CookieFilter browser, String path) {
        return given().filter(browser).get(path).then().statusCode(200).extract().asString();
    }

    private static Response post(CookieFilter browser, String caseId, String language, Map<String, String> form,
            String action) {
        return given().filter(browser).redirects().follow(false).header("Accept-Language", language)
                .header("Referer", "http://localhost/console/cases/" + caseId).contentType(UTF8_FORM).formParams(form)
                .post(action);
    }

    private static void signOut(CookieFilter browser, String token) {
        Response out = given().filter(browser).redirects().follow(false).formParams(Map.of("csrf-token", token))
                .post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(303);
    }

    /** The refusal page's form as a browser would send it: hidden fields and text areas (plain values only). */
    private static Map<String, String> formOf(String html) {
        Map<String, String> form = new HashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (hidden.find()) {
            form.put(hidden.group(1), hidden.group(2));
        }
        Matcher area = Pattern.compile("<textarea [^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(html);
        while (area.find()) {
            form.put(area.group(1), area.group(2));
        }
        return form;
    }
}
