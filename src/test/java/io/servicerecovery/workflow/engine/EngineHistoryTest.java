package io.servicerecovery.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the engine's history keeps (LeanHistory): process, activity and task instances and each variable's last
 * value, but neither every value a variable took (ACT_HI_DETAIL) nor the log of a task's candidates
 * (ACT_HI_IDENTITYLINK).
 */
@QuarkusTest
class EngineHistoryTest {

    static final String PROCESS = "engineHistoryProbe";

    @Inject
    RuntimeService runtime;
    @Inject
    RepositoryService repository;
    @Inject
    TaskService tasks;
    @Inject
    HistoryService history;

    @Test
    void keepsInstancesAndLastValuesButNotEveryValueAVariableTook() {
        repository.createDeployment().name("engine-history-probe").enableDuplicateFiltering(true)
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("decide").camundaCandidateGroups("agent").endEvent().done())
                .deploy();
        String instance = runtime.startProcessInstanceByKey(PROCESS, "history-" + UUID.randomUUID(),
                Map.of("route", "first")).getId();
        runtime.setVariable(instance, "route", "second");
        String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        tasks.setAssignee(task, "agent-ana");
        tasks.complete(task, Map.of("route", "third"));

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
                .isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("decide")
                .finished().count()).isEqualTo(1);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count())
                .isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("route")
                .singleResult().getValue()).isEqualTo("third");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).singleResult().getAssignee())
                .isEqualTo("agent-ana");
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count())
                .as("variable-update details are not kept").isZero();
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(task).count())
                .as("the task's candidate group and assignee are not logged").isZero();
    }
}
