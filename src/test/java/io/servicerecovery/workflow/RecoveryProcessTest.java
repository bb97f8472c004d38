package io.servicerecovery.workflow;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.GreenMailResource;
import io.servicerecovery.support.Recovery;

/** The BPMN itself, asserted with camunda-bpm-assert against the embedded engine. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class RecoveryProcessTest {

    @Inject
    ProcessEngine engine;
    @Inject
    RuntimeService runtime;
    @Inject
    HistoryService history;
    @Inject
    RepositoryService repository;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aNewCaseWaitsForAnAgentToTakeAccountability() {
        String caseId = Recovery.open("crm-acme", aCase());
        ProcessInstance instance = instanceOf(caseId);
        assertThat(instance).isStarted().isWaitingAt("TakeAccountability");
        assertThat(task(instance)).hasCandidateGroup("agents").isNotAssigned().hasDueDate(task(instance).getDueDate());
        assertThat(instance).variables().containsEntry(ProcessVariables.CASE_ID, caseId)
                .containsEntry(ProcessVariables.SEVERITY, "HIGH");
    }

    @Test
    void aRecoveredCasePassesEveryStepInOrder() {
        String caseId = Recovery.open("crm-acme", aCase());
        ProcessInstance instance = instanceOf(caseId);
        String proposal = Recovery.throughApology("agent-ana", caseId);
        Recovery.complete("agent-ana", proposal, Recovery.credit("10.00"));
        Recovery.awaitStatus("crm-acme", caseId, "RECOVERED");

        assertThat(instance).isEnded().hasPassedInOrder("CaseReported", "TakeAccountability", "GiveApology",
                "SendApologyEmail", "RecommendCompensation", "ProposeCompensation", "WithinEmpowerment", "BookGrant",
                "CloseCaseRecovered", "CaseRecovered").hasNotPassed("ApproveCompensation");
    }

    @Test
    void aCancellationEndsTheProcessThroughItsEventSubprocess() {
        String caseId = Recovery.open("crm-acme", aCase());
        ProcessInstance instance = instanceOf(caseId);
        Api.as("crm-acme").body(Map.of("reason", "Duplicate report")).post("/api/cases/" + caseId + "/cancel")
                .then().statusCode(200);

        assertThat(instance).isEnded().hasPassed("CancellationReceived", "CloseCaseCancelled", "CaseCancelled")
                .hasNotPassed("GiveApology");
        HistoricProcessInstance historic = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThat(historic.getEndTime()).isNotNull();
    }

    @Test
    void redeployingTheSameModelsCreatesNoNewVersion() {
        long before = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).count();
        var builder = repository.createDeployment().name(ProcessDeployer.DEPLOYMENT_NAME).enableDuplicateFiltering(true);
        for (String resource : ProcessDeployer.RESOURCES) {
            builder.addClasspathResource(resource);
        }
        builder.deploy();
        org.assertj.core.api.Assertions.assertThat(
                repository.createProcessDefinitionQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).count())
                .isEqualTo(before).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(
                repository.createProcessDefinitionQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                        .singleResult().getHistoryTimeToLive()).isEqualTo(180);
    }

    @Test
    void historyIsCleanedUpInANightlyWindow() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        org.assertj.core.api.Assertions.assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        org.assertj.core.api.Assertions.assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        org.assertj.core.api.Assertions.assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    }

    private ProcessInstance instanceOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
    }
}
