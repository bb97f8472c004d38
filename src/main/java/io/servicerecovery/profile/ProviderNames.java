package io.servicerecovery.profile;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * In production the name customers see under an agent's emails is the one the company's identity provider
 * knows (its {@code name} claim), not the login id. It is stored in the staff profile when the person signs
 * in to the console, because the follow-up email is sent later by the process, without anyone's session.
 * <p>
 * Only the request that completes the code flow (the provider's redirect back to
 * {@code quarkus.oidc.authentication.redirect-path} with a code) stores it: the session's later requests
 * carry the same ID token, so storing again would only cost a write per page. In the demo, where people sign
 * in with a form, nobody passes here and the profile page alone says the name.
 */
@ApplicationScoped
public class ProviderNames implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(ProviderNames.class);
    static final String NAME_CLAIM = "name";
    static final int MAX_NAME_LENGTH = 200;

    private final StaffProfiles profiles;
    private final Optional<String> signInRedirectPath;

    public ProviderNames(StaffProfiles profiles,
            @ConfigProperty(name = "quarkus.oidc.authentication.redirect-path") Optional<String> signInRedirectPath) {
        this.profiles = profiles;
        this.signInRedirectPath = signInRedirectPath;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) == null
                || !(identity.getPrincipal() instanceof JsonWebToken token) || !completesSignIn(identity)) {
            return Uni.createFrom().item(identity);
        }
        String name = singleLine(token.getClaim(NAME_CLAIM));
        if (name.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        String userId = identity.getPrincipal().getName();
        return context.runBlocking(() -> {
            store(userId, name);
            return identity;
        });
    }

    private boolean completesSignIn(SecurityIdentity identity) {
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(identity);
        return request != null && signInRedirectPath.isPresent()
                && signInRedirectPath.get().equals(request.request().path())
                && request.request().getParam("code") != null;
    }

    /** The provider's text on one line and within the profile's column: it ends up in customers' emails. */
    static String singleLine(Object claim) {
        if (!(claim instanceof String text)) {
            return "";
        }
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() > MAX_NAME_LENGTH ? line.substring(0, MAX_NAME_LENGTH).strip() : line;
    }

    /** Best effort: a sign-in never fails because the name could not be stored (the login id signs then). */
    private void store(String userId, String name) {
        try {
            StaffProfiles.Profile current = profiles.of(userId);
            if (!name.equals(current.displayName())) {
                profiles.save(userId, name, current.signature());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not store the identity provider's name of %s", userId);
        }
    }
}
