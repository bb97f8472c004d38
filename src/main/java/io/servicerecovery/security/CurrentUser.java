package io.servicerecovery.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.Level;

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
    public static final String AGENTS_GROUP = "agents";

    private final SecurityIdentity identity;
    private final EmpowermentService empowerment;

    public CurrentUser(SecurityIdentity identity, EmpowermentService empowerment) {
        this.identity = identity;
        this.empowerment = empowerment;
    }

    public String id() {
        return identity.getPrincipal().getName();
    }

    public boolean isManager() {
        return identity.hasRole(MANAGER);
    }

    public Level level() {
        return empowerment.levelOf(id());
    }

    /** The engine's candidate groups this user belongs to: agents, and their level for approvals. */
    public List<String> taskGroups() {
        List<String> groups = new ArrayList<>();
        if (identity.hasRole(AGENT) || identity.hasRole(MANAGER)) {
            groups.add(AGENTS_GROUP);
        }
        if (isManager() && level().isApproving()) {
            groups.add(level().group());
        }
        return groups;
    }
}
