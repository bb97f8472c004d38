package io.servicerecovery.common;

import java.util.List;
import java.util.Map;

/**
 * What the domain says when it cannot do what was asked: one of a small, closed set of outcomes, with no HTTP in
 * it. Each carries what a reader needs (the problem type's slug, a title, the detail, the fields that were wrong,
 * facts a client can act on); {@link ProblemMappers} gives each kind its status for the API, and the console's
 * refusals turn it into the page that shows it.
 */
public abstract sealed class DomainException extends RuntimeException {

    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> context;
    /** Set once, right after construction, by {@link #worded}: so none of the outcomes' constructors changes. */
    private List<Wording> wordings = List.of();

    private DomainException(String slug, String title, String detail, List<Problem.Violation> violations,
            Map<String, Object> context) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.violations = violations;
        this.context = context;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, Object> context() {
        return context;
    }

    /** The refusal as sentences for a person (the console's words); empty when only the English detail says it. */
    public List<Wording> wordings() {
        return wordings;
    }

    /** This outcome, with the sentences a page shows instead of the English detail and violations. */
    public DomainException worded(Wording... sentences) {
        this.wordings = List.of(sentences);
        return this;
    }

    /** Quality findings that explain the refusal; none but for a {@link Refused} that has them. */
    public List<?> findings() {
        return List.of();
    }

    /** The thing asked for does not exist, or the caller may not see it. */
    public static final class NotFound extends DomainException {
        public NotFound(String detail) {
            super("not-found", "Not found", detail, List.of(), Map.of());
        }
    }

    /** The thing is not in a state that allows this (someone else holds it, it is done already, ...). */
    public static final class Conflict extends DomainException {
        public Conflict(String slug, String title, String detail, Map<String, Object> context) {
            super(slug, title, detail, List.of(), context);
        }
    }

    /** The caller changed a version that is no longer the current one. */
    public static final class StaleVersion extends DomainException {
        public StaleVersion(String detail) {
            super("precondition-failed", "Precondition failed", detail, List.of(), Map.of());
        }
    }

    /** A change that must name the version it changes came without one. */
    public static final class VersionRequired extends DomainException {
        public VersionRequired(String detail) {
            super("precondition-required", "Precondition required", detail, List.of(), Map.of());
        }
    }

    /** The request itself is malformed: a field is missing, of the wrong form or out of range. */
    public static final class Invalid extends DomainException {
        public Invalid(String slug, String title, String detail, List<Problem.Violation> violations,
                Map<String, Object> context) {
            super(slug, title, detail, violations, context);
        }
    }

    /**
     * The request is well formed, but the rules refuse it. Not final: the apology checks' refusal carries its
     * findings (a feature's type, which common/ cannot name).
     */
    public static non-sealed class Refused extends DomainException {
        public Refused(String slug, String title, String detail, List<Problem.Violation> violations) {
            super(slug, title, detail, violations, Map.of());
        }
    }

    /** The caller's role or level does not allow this. */
    public static final class NotAllowed extends DomainException {
        public NotAllowed(String detail) {
            super("forbidden", "Forbidden", detail, List.of(), Map.of());
        }
    }

    /** An outcome after which the same request may go through, once {@code retryAfterSeconds} have passed. */
    public interface RetryLater {
        long retryAfterSeconds();
    }

    /** Something the service needs is away for now; the same request may succeed later. */
    public static final class Unavailable extends DomainException implements RetryLater {
        private final long retryAfterSeconds;

        public Unavailable(String slug, String title, String detail, long retryAfterSeconds) {
            super(slug, title, detail, List.of(), Map.of());
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The caller asked too often; the next request may go through later. */
    public static final class TooMany extends DomainException implements RetryLater {
        private final long retryAfterSeconds;

        public TooMany(String slug, String title, String detail, Map<String, Object> context, long retryAfterSeconds) {
            super(slug, title, detail, List.of(), context);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public static NotFound notFound(String what) {
        return new NotFound(what + " does not exist or is not visible to you.");
    }

    public static Conflict conflict(String detail) {
        return conflict(detail, Map.of());
    }

    public static Conflict conflict(String detail, Map<String, Object> context) {
        return new Conflict("conflict", "Conflict", detail, context);
    }

    public static NotAllowed notAllowed(String detail) {
        return new NotAllowed(detail);
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid("invalid-request", "Invalid request", "The request is not valid.",
                List.of(new Problem.Violation(field, message)), Map.of());
    }

    public static Refused refused(String field, String message) {
        return new Refused("unprocessable", "Request cannot be processed", message,
                field == null ? List.of() : List.of(new Problem.Violation(field, message)));
    }
}
