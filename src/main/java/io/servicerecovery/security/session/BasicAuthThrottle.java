package io.servicerecovery.security.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.servicerecovery.common.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The demo's HTTP basic auth on /api, held back like the console's sign-in form (SignInThrottle, the same
 * counters): a user name or address with too many failures gets 429 with Retry-After before its password is
 * even looked at, and each 401 counts. Production takes bearer tokens only, which cannot be guessed.
 */
@ApplicationScoped
public class BasicAuthThrottle {

    /** After HttpEdge's guard (1000, which refuses malformed Basic headers) and before authentication (200). */
    static final int PRIORITY = 900;

    private final SignInThrottle throttle;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final boolean basicAuth;

    public BasicAuthThrottle(SignInThrottle throttle, ObjectMapper mapper, Clock clock,
            @ConfigProperty(name = "quarkus.http.auth.basic", defaultValue = "false") boolean basicAuth) {
        this.throttle = throttle;
        this.mapper = mapper;
        this.clock = clock;
        this.basicAuth = basicAuth;
    }

    void register(@Observes Filters filters) {
        if (basicAuth) {
            filters.register(this::check, PRIORITY);
        }
    }

    private void check(RoutingContext ctx) {
        String user = basicUser(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        String path = ctx.request().path();
        if (user == null || path == null || !path.startsWith("/api/")) {
            ctx.next();
            return;
        }
        String address = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        ctx.vertx().executeBlocking(() -> throttle.heldUntil(user, address), false).onComplete(held -> {
            if (held.failed()) {
                ctx.fail(held.cause());
            } else if (held.result().isPresent()) {
                long seconds = Math.max(1, Duration.between(clock.instant(), held.result().get()).toSeconds());
                tooMany(ctx, seconds);
            } else {
                ctx.addHeadersEndHandler(ended -> {
                    if (ctx.response().getStatusCode() == 401) {
                        ctx.vertx().executeBlocking(() -> {
                            throttle.failed(user, address);
                            return null;
                        }, false);
                    }
                });
                ctx.next();
            }
        });
    }

    private void tooMany(RoutingContext ctx, long seconds) {
        Problem problem = new Problem(Problem.type("too-many-sign-in-attempts"), "Too many sign-in attempts", 429,
                "Too many failed attempts to sign in with this user name or from this address. Try again in "
                        + seconds + " s.",
                ctx.request().path(), List.of(), Map.of("retryAfterSeconds", seconds));
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":429}";
        }
        ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(seconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    /** The user name of a well-formed Basic header, else null (HttpEdge refuses a malformed one). */
    static String basicUser(String authorization) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
