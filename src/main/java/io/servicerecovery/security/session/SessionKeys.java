package io.servicerecovery.security.session;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Which console session a request belongs to: the key of its row in console_session. The form mechanism and
 * the OpenID Connect check both leave it on the identity; the CSRF tokens are bound to it.
 */
public final class SessionKeys {

    public static final String SESSION_ATTRIBUTE = "io.servicerecovery.console-session";

    private SessionKeys() {
    }

    /** The session's key, or null for a request without a console session (the API, a signed-out page). */
    public static String of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Object key = identity.getAttribute(SESSION_ATTRIBUTE);
        return key instanceof String s ? s : null;
    }

    /**
     * An OpenID Connect session's key, the same for every request of one sign-in and across token refreshes: the
     * provider's session id ({@code sid}) where it sends one, else the subject with the time of authentication
     * ({@code auth_time}, kept by refreshes), else with the ID token's issue time.
     */
    static String ofProviderSession(JsonWebToken idToken) {
        String sid = idToken.getClaim("sid");
        Object authTime = idToken.getClaim("auth_time");
        String which = sid != null ? "sid:" + sid
                : authTime != null ? "auth_time:" + authTime : "iat:" + idToken.getIssuedAtTime();
        return ConsoleSessions.hash("oidc|" + idToken.getSubject() + "|" + which);
    }
}
