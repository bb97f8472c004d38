package io.servicerecovery.common;

import java.util.List;
import java.util.Map;

/**
 * A domain error that the API reports as problem+json. Services throw the specific
 * subclasses; one mapper turns every one of them into a response.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> context;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail,
            List<Problem.Violation> violations, Map<String, Object> context) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations;
        this.context = context;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, violations, findings(), context);
    }

    /** Quality findings that explain the refusal; none by default. */
    protected List<?> findings() {
        return List.of();
    }

    public int status() {
        return status;
    }

    /** Response headers that belong to this problem (for example Retry-After); none by default. */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist or is not visible to you.");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException conflict(String detail, Map<String, Object> context) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of(), context);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "invalid-request", "Invalid request", "The request is not valid.",
                List.of(new Problem.Violation(field, message)), Map.of());
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "unprocessable", "Request cannot be processed", message,
                field == null ? List.of() : List.of(new Problem.Violation(field, message)), Map.of());
    }
}
