package io.servicerecovery.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;

/**
 * A person signed in to the console over plain HTTP, as a browser would be: the cookies of the session (and of
 * the CSRF token) kept between requests. The one place that knows how the console's sign-in works.
 */
public final class ConsoleSignIn {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");

    private final CookieFilter cookies;

    private ConsoleSignIn(CookieFilter cookies) {
        this.cookies = cookies;
    }

    /** Signs in with the demo's form (password = user name). */
    public static ConsoleSignIn as(String user) {
        CookieFilter cookies = new CookieFilter();
        int status = given().filter(cookies).redirects().follow(false)
                .formParams(Map.of("j_username", user, "j_password", user))
                .post("/console/j_security_check").statusCode();
        assertThat(status).as("sign-in of " + user).isEqualTo(302);
        return new ConsoleSignIn(cookies);
    }

    /** A request in this person's session (redirects not followed, so that each answer can be checked). */
    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** The CSRF token's form field, as the console's forms carry it: name and value. */
    public Map.Entry<String, String> csrfField() {
        String page = request().get("/console/profile").then().statusCode(200).extract().asString();
        Matcher hidden = HIDDEN.matcher(page);
        assertThat(hidden.find()).as("a hidden CSRF field on the profile page").isTrue();
        return Map.entry(hidden.group(1), hidden.group(2));
    }
}
