package io.servicerecovery.common;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where errors become RFC 9457 problem+json. Client mistakes get a 4xx
 * that names the field and the reason; a database that cannot be reached is a 503 with
 * Retry-After; anything unexpected is logged with an id and answered 500 without class
 * names or stack traces.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The status the API answers each kind of outcome with: the one place where outcomes become numbers. */
    private static final Map<Class<? extends DomainException>, Integer> STATUS = Map.of(
            DomainException.Invalid.class, 400,
            DomainException.NotAllowed.class, 403,
            DomainException.NotFound.class, 404,
            DomainException.Conflict.class, 409,
            DomainException.StaleVersion.class, 412,
            DomainException.Refused.class, 422,
            DomainException.VersionRequired.class, 428,
            DomainException.TooMany.class, 429,
            DomainException.Unavailable.class, 503);

    private final Instance<KnownFailures> known;
    private final Instance<OwnSignIn> ownSignIns;

    public ProblemMappers(Instance<KnownFailures> known, Instance<OwnSignIn> ownSignIns) {
        this.known = known;
        this.ownSignIns = ownSignIns;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(e, path(uri));
    }

    /** The status of {@code e}'s kind (a feature's refinement of a kind, such as the apology findings, has its kind's). */
    public static int statusOf(DomainException e) {
        for (Class<?> kind = e.getClass(); kind != DomainException.class; kind = kind.getSuperclass()) {
            Integer status = STATUS.get(kind);
            if (status != null) {
                return status;
            }
        }
        throw new IllegalStateException("An outcome without a status: " + e.getClass().getName());
    }

    /** The problem+json body of an outcome; {@code instance} is the request's path, or null. */
    public static Problem problemOf(DomainException e, String instance) {
        return new Problem(Problem.type(e.slug()), e.title(), statusOf(e), e.detail(), instance, e.violations(),
                e.findings(), e.context());
    }

    /** The whole answer to an outcome: its problem, and Retry-After where the caller may try again later. */
    static Response respond(DomainException e, String instance) {
        Response.ResponseBuilder response = Response.status(statusOf(e)).type(Problem.MEDIA_TYPE)
                .entity(problemOf(e, instance));
        if (e instanceof DomainException.RetryLater later) {
            response.header("Retry-After", String.valueOf(later.retryAfterSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem(Problem.type("invalid-request"), "Invalid request", 400,
                "The request is not valid: " + violations.stream()
                        .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")),
                path(uri), violations, Map.of()));
    }

    // Quarkus registers its own mappers for Jackson's exceptions; ours go first so that
    // every JSON mistake is a problem+json naming the field.
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return domain(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return domain(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return domain(JsonProblems.of(e), uri);
    }

    /** Two requests changed the same thing at once; the loser may read again and retry. */
    @ServerExceptionMapper
    public Response concurrentChange(jakarta.persistence.OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(Problem.type("conflict"), "Conflict", 409,
                "This changed at the same moment; read it again and retry.", path(uri), List.of(), Map.of()));
    }

    /** A unique constraint stopped a concurrent duplicate: the other request won; read again. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return respond(new Problem(Problem.type("conflict"), "Conflict", 409,
                "Someone created the same thing at the same moment; read it again and retry.", path(uri), List.of(),
                Map.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        String path = path(uri);
        for (OwnSignIn feature : ownSignIns) {
            Response signIn = path == null ? null : feature.answerFor(path);
            if (signIn != null) {
                return signIn;
            }
        }
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        String path = path(uri);
        for (OwnSignIn feature : ownSignIns) {
            Response page = path == null ? null : feature.forbiddenAt(path,
                    headers.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE),
                    headers.getHeaderString("HX-Request") != null);
            if (page != null) {
                return page;
            }
        }
        return respond(AccessRefusals.forbidden(path));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(new Problem(Problem.type("not-found"), "Not found", 404,
                "There is nothing at this path.", path(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(new Problem(Problem.type("method-not-allowed"), "Method not allowed", 405,
                "This path does not accept this method.", path(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return respond(new Problem(Problem.type("unsupported-media-type"), "Unsupported media type", 415,
                "Send the request body as application/json.", path(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(new Problem(Problem.type("not-acceptable"), "Not acceptable", 406,
                "This path answers application/json (errors as application/problem+json).", path(uri), List.of(),
                Map.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus wraps a body it cannot parse (malformed JSON, a repeated key) into a plain 400.
        JsonProcessingException json = jsonCause(e);
        if (json != null) {
            return domain(JsonProblems.of(json), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getResponse().getEntity() instanceof Problem problem) {
            // Built where the mistake was found (a parameter converter), before a resource ran.
            return respond(new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), path(uri),
                    problem.violations(), problem.findings(), problem.context()));
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(Problem.type("http-" + status), title, status,
                title + ".", path(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (KnownFailures feature : known) {
            DomainException outcome = feature.outcomeOf(e);
            if (outcome != null) {
                return domain(outcome, uri);
            }
        }
        JsonProcessingException json = jsonCause(e);
        if (json != null) {
            return domain(JsonProblems.of(json), uri);
        }
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("Database unreachable on %s: %s", Text.forLog(path(uri)), e);
            return respond(DatabaseOutage.unavailable(), path(uri));
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", incident, Text.forLog(path(uri)));
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "Something went wrong on our side. Quote " + incident + " when you report it.",
                path(uri), List.of(), Map.of("errorId", incident)));
    }

    private static Response unauthenticated(UriInfo uri) {
        Response.ResponseBuilder response = Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(AccessRefusals.unauthorized(AccessRefusals.NO_TOKEN, path(uri)));
        AccessRefusals.challenges(false).forEach(challenge -> response.header("WWW-Authenticate", challenge));
        return response.build();
    }

    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** Turns a bean-validation path such as {@code open.request.customer.email} into {@code customer.email}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        // Constraints on list elements end in ".<list element>": the index before it is the field.
        String path = violation.getPropertyPath().toString().replaceAll("\\.?<[a-z ]+>", "");
        // Method parameter violations start with the method and parameter name.
        String[] parts = path.split("\\.");
        if (parts.length >= 2 && violation.getExecutableParameters() != null) {
            return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[1];
        }
        return path;
    }
}
