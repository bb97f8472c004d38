package io.servicerecovery.support;

import static io.restassured.RestAssured.given;

import java.util.Set;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * RestAssured requests as a caller. Demo users (password = user name) use basic auth;
 * any other name gets a real JWT signed with the test key, with the role its prefix
 * names ({@code agent-}, {@code crm-}, {@code manager-}), so a test can have a person
 * of its own, with a fresh budget.
 */
public final class Api {

    private static final Set<String> DEMO_USERS = Set.of("crm-acme", "crm-globex", "agent-ana", "agent-ben",
            "lead-lena", "manager-max", "director-dora", "admin");

    private Api() {
    }

    public static RequestSpecification as(String user) {
        if (!DEMO_USERS.contains(user)) {
            return Tokens.bearer(user, user.substring(0, user.indexOf('-')));
        }
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
