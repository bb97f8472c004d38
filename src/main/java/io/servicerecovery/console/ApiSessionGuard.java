package io.servicerecovery.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.servicerecovery.common.Problem;
import io.servicerecovery.security.session.FormSessionMechanism;

/**
 * The console's session cookie never authorizes a call under /api. Browsers do not send
 * it there (its path is /console), and a request that carries it anyway, without
 * credentials of its own, is refused: the API takes bearer tokens (and basic auth in the
 * demo), never a page session, so a page can never be made to call the API for someone.
 * The session is the form's cookie ({@code console-session}) in the demo and the OpenID Connect session
 * ({@code q_session}, split into {@code q_session_chunk_N} when large) in production; the
 * API's paths are also bound to the bearer mechanism (application.properties), so neither
 * would authenticate there in the first place.
 */
public class ApiSessionGuard {

    /** quarkus-oidc's session cookie (and its chunks), whatever the tenant. */
    static final String OIDC_SESSION_COOKIE_PREFIX = "q_session";

    private final String sessionCookie;

    public ApiSessionGuard() {
        this.sessionCookie = FormSessionMechanism.COOKIE;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseConsoleSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api") || !carriesConsoleSession(request)
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        Problem problem = new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "The API takes a bearer token; the console's session does not sign in here.", path,
                java.util.List.of(), java.util.Map.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private boolean carriesConsoleSession(ContainerRequestContext request) {
        return request.getCookies().keySet().stream()
                .anyMatch(name -> name.equals(sessionCookie) || name.startsWith(OIDC_SESSION_COOKIE_PREFIX));
    }
}
