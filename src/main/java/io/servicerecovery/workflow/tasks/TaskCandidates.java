package io.servicerecovery.workflow.tasks;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.security.CurrentUser;

/**
 * Which open tasks a user is a candidate for: staff take the agents' steps, and a manager at
 * an approving level takes approvals that wait for that level or a lower one.
 */
@ApplicationScoped
public class TaskCandidates {

    /** The candidate group of the agents' steps in the BPMN (ACCOUNTABILITY, APOLOGY, COMPENSATION). */
    public static final String AGENTS_GROUP = "agents";

    private final EmpowermentService empowerment;

    public TaskCandidates(EmpowermentService empowerment) {
        this.empowerment = empowerment;
    }

    /** What a user may take: the agents' steps, and approvals waiting for one of {@code approvalLevels}. */
    public record Candidacy(boolean agentTasks, List<Level> approvalLevels) {

        public boolean covers(InboxTask task) {
            return task.approverLevel == null ? agentTasks : approvalLevels.contains(task.approverLevel);
        }
    }

    public Candidacy of(CurrentUser user) {
        List<Level> approvals = List.of();
        if (user.isManager()) {
            Level level = empowerment.levelOf(user.id());
            if (level.isApproving()) {
                approvals = Arrays.stream(Level.values()).filter(l -> l.isApproving() && level.isAtLeast(l)).toList();
            }
        }
        return new Candidacy(user.isStaff(), approvals);
    }
}
