package io.servicerecovery.workflow.tasks;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.security.CurrentUser;

/** The candidate groups of the process' tasks a user belongs to: agents, and their level for approvals. */
@ApplicationScoped
public class TaskCandidates {

    /** Every agent's task (ACCOUNTABILITY, APOLOGY, COMPENSATION) is offered to this group. */
    public static final String AGENTS_GROUP = "agents";

    private final EmpowermentService empowerment;

    public TaskCandidates(EmpowermentService empowerment) {
        this.empowerment = empowerment;
    }

    public List<String> groupsOf(CurrentUser user) {
        List<String> groups = new ArrayList<>();
        if (user.isStaff()) {
            groups.add(AGENTS_GROUP);
        }
        if (user.isManager()) {
            Level level = empowerment.levelOf(user.id());
            if (level.isApproving()) {
                groups.add(level.group());
            }
        }
        return groups;
    }
}
