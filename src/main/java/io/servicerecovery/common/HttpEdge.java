package io.servicerecovery.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for the answers that the HTTP layer gives before any resource runs: a URI that is too long
 * (414), a body that is too large (413), a malformed or refused credential (401), and whatever else fails on
 * the way in (an unknown route's 404 included). Without this, Vert.x and Quarkus answer these with an empty
 * body or text/plain, and a malformed {@code Authorization: Basic} header ends as a 500.
 * <p>
 * The URI limit below is ours; the HTTP decoder's own limit on the request line
 * ({@code quarkus.http.limits.max-initial-line-length}) is set well above it, because a request line over
 * that limit is answered by Vert.x itself, with an empty 414, before any handler sees it.
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    /** Runs before authentication (200) and CORS (300), so that nothing reads a request refused here. */
    static final int GUARD_PRIORITY = 1000;
    private final ObjectMapper mapper;
    private final int maxUriLength;
    private final long maxBodySize;
    private final boolean basicAuth;
    private final jakarta.enterprise.inject.Instance<OwnSignIn> ownSignIns;

    public HttpEdge(ObjectMapper mapper, jakarta.enterprise.inject.Instance<OwnSignIn> ownSignIns,
            @ConfigProperty(name = "recovery.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.auth.basic", defaultValue = "false") boolean basicAuth) {
        this.mapper = mapper;
        this.maxUriLength = maxUriLength;
        this.maxBodySize = maxBodySize.asLongValue();
        this.basicAuth = basicAuth;
        this.ownSignIns = ownSignIns;
    }

    void guard(@Observes Filters filters) {
        filters.register(this::guard, GUARD_PRIORITY);
    }

    void failures(@Observes Router router) {
        // Before Quarkus' own authentication failure handler (Integer.MIN_VALUE + 1).
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.errorHandler(404, ctx -> answer(ctx, 404, "not-found", "Not found", "There is nothing at this path."));
        router.errorHandler(405, ctx -> answer(ctx, 405, "method-not-allowed", "Method not allowed",
                "This path does not accept this method."));
    }

    private void guard(RoutingContext ctx) {
        if (ctx.request().uri().length() > maxUriLength) {
            answer(ctx, 414, "uri-too-long", "URI too long",
                    "The request URI is longer than " + maxUriLength + " characters.");
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(ctx, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + maxBodySize / 1024 + " KiB.");
            return;
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic", 0, 5)
                && !wellFormedBasic(authorization)) {
            unauthorized(ctx, AccessRefusals.MALFORMED_BASIC);
            return;
        }
        ctx.next();
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false; // the HTTP decoder refuses it
        }
    }

    private static boolean wellFormedBasic(String authorization) {
        if (authorization.length() < 7 || authorization.charAt(5) != ' ') {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            return decoded.indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationRedirectException) {
            // Not an error: the OpenID Connect sign-in and sign-out send the browser on (to the provider, or back
            // to the page asked for); Quarkus' own handler writes that redirect.
            ctx.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException) {
            for (OwnSignIn feature : ownSignIns) {
                if (feature.answered(ctx)) {
                    return;
                }
            }
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            unauthorized(ctx, AccessRefusals.INVALID_TOKEN);
            return;
        }
        if (failure instanceof ForbiddenException) {
            write(ctx, AccessRefusals.forbidden(path(ctx)));
            return;
        }
        JsonProcessingException json = jsonCause(failure);
        if (json != null) {
            write(ctx, ProblemMappers.problemOf(JsonProblems.of(json), path(ctx)));
            return;
        }
        int status = ctx.statusCode();
        if (status >= 400 && status < 500) {
            answer(ctx, status, "http-" + status, reasonPhrase(status), reasonPhrase(status) + ".");
            return;
        }
        if (DatabaseOutage.causedBy(failure)) {
            // e.g. an identity looked up in the database on the way in
            LOG.warnf("Database unreachable on %s: %s", Text.forLog(path(ctx)), failure);
            ctx.response().putHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            write(ctx, DatabaseOutage.problem(path(ctx)));
            return;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected error %s on %s", errorId, Text.forLog(path(ctx)));
        write(ctx, new Problem(Problem.type("internal"), "Internal error", 500,
                "Something went wrong on our side. Quote " + errorId + " when you report it.", path(ctx), List.of(),
                Map.of("errorId", errorId)));
    }

    private static JsonProcessingException jsonCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    private void unauthorized(RoutingContext ctx, String detail) {
        ctx.response().headers().remove("WWW-Authenticate");
        AccessRefusals.challenges(basicAuth).forEach(challenge -> ctx.response().headers().add("WWW-Authenticate",
                challenge));
        write(ctx, AccessRefusals.unauthorized(detail, path(ctx)));
    }

    private void answer(RoutingContext ctx, int status, String slug, String title, String detail) {
        write(ctx, new Problem(Problem.type(slug), title, status, detail, path(ctx), List.of(), Map.of()));
    }

    private void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    /** The path for the problem's {@code instance}, cut short: it is the caller's text. */
    private static String path(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path == null) {
            return null;
        }
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }

    private static String reasonPhrase(int status) {
        io.netty.handler.codec.http.HttpResponseStatus known = io.netty.handler.codec.http.HttpResponseStatus
                .valueOf(status);
        return known == null ? "Error" : known.reasonPhrase();
    }
}
