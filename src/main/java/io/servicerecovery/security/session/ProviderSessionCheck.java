package io.servicerecovery.security.session;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.json.JsonObject;

/**
 * Production's console sessions (OpenID Connect, cookie {@code q_session}) ended on the server: each request's
 * session is looked up in console_session (one indexed read), so a session signed out here
 * ({@code POST /console/logout}, RP-initiated logout) or by the provider's back-channel logout is refused on
 * every replica, whatever its cookie still says. quarkus-oidc remembers back-channel logouts in one replica's
 * memory only; the row is what the others see.
 */
@ApplicationScoped
public class ProviderSessionCheck implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(ProviderSessionCheck.class);

    private final ConsoleSessions sessions;
    private final Optional<String> logoutPath;

    public ProviderSessionCheck(ConsoleSessions sessions,
            @ConfigProperty(name = "quarkus.oidc.logout.path") Optional<String> logoutPath) {
        this.sessions = sessions;
        this.logoutPath = logoutPath;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) == null
                || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return Uni.createFrom().item(identity);
        }
        String key = SessionKeys.ofProviderSession(idToken);
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(identity);
        return context.runBlocking(() -> {
            Object authTime = idToken.getClaim("auth_time");
            long started = authTime instanceof Number n ? n.longValue() : idToken.getIssuedAtTime();
            if (!sessions.admitProviderSession(key, identity.getPrincipal().getName(), idToken.getSubject(),
                    idToken.getClaim("sid"), Instant.ofEpochSecond(started))) {
                throw new AuthenticationFailedException("The console session has ended");
            }
            if (signsOut(request)) {
                // Ended here, before quarkus-oidc sends the browser to the provider's end-session endpoint.
                sessions.end(key);
            }
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(SessionKeys.SESSION_ATTRIBUTE, key);
            if (request != null) {
                builder.addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, request);
            }
            return (SecurityIdentity) builder.build();
        });
    }

    private boolean signsOut(RoutingContext request) {
        return request != null && request.request().method() == HttpMethod.POST
                && logoutPath.map(path -> path.equals(request.request().path())).orElse(false);
    }

    /**
     * The provider's back-channel logout (quarkus.oidc.logout.backchannel.path). quarkus-oidc fires the event on the
     * event loop, also asynchronously: the database write happens here, off it.
     */
    void providerSignedOut(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() == SecurityEvent.Type.OIDC_BACKCHANNEL_LOGOUT_INITIATED) {
            endByLogoutToken(event.getEventProperties().get("logout_token"));
        }
    }

    /** The provider's logout token, already verified by quarkus-oidc before it fires the event. */
    private void endByLogoutToken(Object token) {
        if (!(token instanceof String jwt) || jwt.split("\\.").length < 2) {
            return;
        }
        JsonObject claims = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
        String subject = claims.getString("sub");
        String sid = claims.getString("sid");
        if (subject == null && sid == null) {
            return;
        }
        int ended = subject == null ? sessions.endProviderSession(sid) : sessions.endProviderSessions(subject, sid);
        LOG.infof("The provider's back-channel logout ended %d console session(s)", ended);
    }
}
