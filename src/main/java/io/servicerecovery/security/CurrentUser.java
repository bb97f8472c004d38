package io.servicerecovery.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.servicerecovery.security.session.SessionKeys;

/**
 * Who is calling. The id is the token subject (or the demo user name); for a CRM it is
 * the CRM client id, for an agent the agent id.
 */
@RequestScoped
public class CurrentUser {

    public static final String CRM = "crm";
    public static final String AGENT = "agent";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String id() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isManager() {
        return hasRole(MANAGER);
    }

    /** The console session this request belongs to (the key its CSRF tokens are bound to), or null. */
    public String consoleSession() {
        return SessionKeys.of(identity);
    }

    /** Staff do the human steps: agents, and managers acting as agents. */
    public boolean isStaff() {
        return hasRole(AGENT) || hasRole(MANAGER);
    }
}
