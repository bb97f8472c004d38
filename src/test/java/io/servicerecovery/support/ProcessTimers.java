package io.servicerecovery.support;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** Fires a process timer now through the engine, instead of waiting hours for it. */
@ApplicationScoped
public class ProcessTimers {

    private final ManagementService management;
    private final RuntimeService runtime;

    public ProcessTimers(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    public void fireApprovalTimer(String caseId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().activityId("ApprovalOverdue")
                .singleResult();
        if (timer == null) {
            throw new AssertionError("No approval timer is waiting on case " + caseId);
        }
        management.executeJob(timer.getId());
    }
}
