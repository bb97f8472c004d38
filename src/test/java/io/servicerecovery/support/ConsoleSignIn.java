package io.servicerecovery.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Signs in to the console over plain HTTP as a browser does: open the sign-in page (which sets its own cookie and
 * puts the matching token in the form), then post the form from this origin. The one place that knows how the
 * console's sign-in works; an instance is a person signed in, their cookies kept between requests.
 */
public final class ConsoleSignIn {

    public static final String SESSION_COOKIE = "console-session";
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"login-token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]*)\"");

    private final CookieFilter cookies;

    private ConsoleSignIn(CookieFilter cookies) {
        this.cookies = cookies;
    }

    /** Signs in with the demo's form (password = user name). */
    public static ConsoleSignIn as(String user) {
        return new ConsoleSignIn(signedIn(user));
    }

    /** A request in this person's session (redirects not followed, so that each answer can be checked). */
    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** The CSRF token's form field, as the console's forms carry it: name and value. */
    public Map.Entry<String, String> csrfField() {
        String page = request().get("/console/profile").then().statusCode(200).extract().asString();
        return Map.entry("csrf-token", csrfToken(page));
    }

    /** Signs in with these cookies (kept in the filter) and answers the form's post (303 on success). */
    public static Response signIn(CookieFilter cookies, String user, String password) {
        return post(cookies, user, password, Map.of());
    }

    /** Signs in as the demo user (password = name) and returns the cookies of the new session. */
    public static CookieFilter signedIn(String user) {
        CookieFilter cookies = new CookieFilter();
        Response answer = signIn(cookies, user, user);
        if (answer.statusCode() != 303) {
            throw new AssertionError("Sign-in of " + user + " answered " + answer.statusCode());
        }
        return cookies;
    }

    public static Response post(CookieFilter cookies, String user, String password, Map<String, String> extra) {
        String page = given().filter(cookies).get("/console/login").asString();
        Map<String, String> form = new HashMap<>(extra);
        form.put("j_username", user);
        form.put("j_password", password);
        form.put("login-token", loginToken(page));
        return given().filter(cookies).redirects().follow(false).header("Sec-Fetch-Site", "same-origin")
                .formParams(form).post("/console/login");
    }

    public static String loginToken(String page) {
        Matcher m = LOGIN_TOKEN.matcher(page);
        if (!m.find()) {
            throw new AssertionError("No sign-in token on the page");
        }
        return m.group(1);
    }

    /** The CSRF token the page's forms carry. */
    public static String csrfToken(String page) {
        Matcher m = CSRF_TOKEN.matcher(page);
        if (!m.find()) {
            throw new AssertionError("No CSRF token on the page");
        }
        return m.group(1);
    }
}
