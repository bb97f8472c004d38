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
}
