package io.servicerecovery.common;

import java.util.List;
import java.util.Map;

/**
 * The one place where the API's 401 and 403 answers are written, for both ways a refusal reaches the edge: on
 * the HTTP layer before any resource ({@link HttpEdge}) and in a resource ({@link ProblemMappers}). A feature
 * with its own sign-in page answers on its own paths ({@link OwnSignIn}).
 */
public final class AccessRefusals {

    /** What the API says to a caller with a token that did not verify, met on the way in. */
    static final String INVALID_TOKEN = "Authenticate with a valid bearer token.";
    /** What the API says to a caller without credentials, met in a resource. */
    static final String NO_TOKEN = "Authenticate with a bearer token.";
    static final String MALFORMED_BASIC = "The Authorization header is malformed: Basic needs base64 of user:password.";

    private AccessRefusals() {
    }

    /** The 401 problem; its answer carries {@link #challenges}. */
    static Problem unauthorized(String detail, String instance) {
        return new Problem(Problem.type("unauthorized"), "Unauthorized", 401, detail, instance, List.of(), Map.of());
    }

    /** The WWW-Authenticate challenges of a 401: bearer tokens always, Basic where it is enabled (the demo). */
    static List<String> challenges(boolean basicAuth) {
        return basicAuth ? List.of("Bearer", "Basic realm=\"service-recovery\"") : List.of("Bearer");
    }

    /** The 403 problem: the caller is known, its role does not allow this. */
    static Problem forbidden(String instance) {
        return new Problem(Problem.type("forbidden"), "Forbidden", 403, "Your role does not allow this.", instance,
                List.of(), Map.of());
    }
}
