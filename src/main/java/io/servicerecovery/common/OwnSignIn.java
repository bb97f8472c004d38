package io.servicerecovery.common;

import jakarta.ws.rs.core.Response;

import io.vertx.ext.web.RoutingContext;

/**
 * A feature with a sign-in page of its own (the console) answers a failed authentication on its paths itself,
 * sending the person to sign in again; everywhere else the API's 401 problem answers ({@link AccessRefusals}).
 * common/ knows no feature: the features' beans are asked.
 */
public interface OwnSignIn {

    /** Answers a failed authentication met on the way in (before any resource), or false when the path is not its. */
    boolean answered(RoutingContext ctx);

    /** The answer to a failed authentication met in a resource on {@code path}, or null when the path is not its. */
    Response answerFor(String path);

    /**
     * The answer to a signed-in person whose role does not allow what they asked (403), met in a resource on
     * {@code path}: the feature's own page in the person's language, or null when the path is not its.
     *
     * @param htmx the request came from htmx: the words go in place, not a whole page
     */
    default Response forbiddenAt(String path, String acceptLanguage, boolean htmx) {
        return null;
    }
}
