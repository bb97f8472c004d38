package io.servicerecovery.workflow;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.MovableClock;
import io.servicerecovery.support.Recovery;

/** The BPMN itself, asserted with camunda-bpm-assert against the embedded engine. */
@QuarkusTest
class RecoveryProcessTest {

    @jakarta.inject.Inject
    io.servicerecovery.support.Budgets budgets;

    @org.junit.jupiter.api.BeforeEach
    void freshBudgets() {
        // A database kept from earlier runs remembers their approvals; this class approves credits again.
        budgets.resetDemoPeople();
    }

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
        assertThat(task(instance)).hasCandidateGroup("agents").isNotAssigned();
        // Only what the model routes, assigns and retries with: the case's facts stay in its row.
        assertThat(instance).variables().containsOnlyKeys(ProcessVariables.CASE_ID, ProcessVariables.OWNER_AGENT,
                ProcessVariables.ACCOUNTABLE_AGENT, ProcessVariables.EMAIL_RETRY_CYCLE)
                .containsEntry(ProcessVariables.CASE_ID, caseId);
    }

    @Test
    void aRecoveredCasePassesEveryStepInOrder() {
        String caseId = Recovery.open("crm-acme", aCase());
        ProcessInstance instance = instanceOf(caseId);
        String proposal = Recovery.throughApology("agent-ana", caseId);
        Recovery.complete("agent-ana", proposal, Recovery.credit("10.00"));
        Recovery.awaitStatus("crm-acme", caseId, "RECOVERED");

        assertThat(instance).isEnded().hasPassedInOrder("CaseReported", "TakeAccountability", "GiveApology",
                "FollowUpAndCompensate", "RecommendCompensation", "ProposeCompensation", "WithinEmpowerment",
                "BookGrant", "EmailSentAndGranted", "CloseCaseRecovered", "CaseRecovered")
                .hasPassed("SendApologyEmail").hasNotPassed("ApproveCompensation");
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
        // A database kept across releases holds one version per model change (cases in flight finish on theirs);
        // redeploying the same model adds none.
        org.assertj.core.api.Assertions.assertThat(
                repository.createProcessDefinitionQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).count())
                .isEqualTo(before).isPositive();
        org.assertj.core.api.Assertions.assertThat(
                repository.createProcessDefinitionQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(180);
    }

    /**
     * The compensation matrix decides from the case's own facts (bpmn/compensation-matrix.dmn), read from the case
     * row when the recommendation runs: each line is a different rule, so facts that did not reach the decision
     * would show here as another rule's answer. The repeat failure is the service's finding (an earlier case of the
     * same customer), not something the CRM sends.
     */
    @ParameterizedTest(name = "{0} {1}, repeat failure {2}: {3} {4}")
    @CsvSource({
            "CRITICAL, GOLD,     false, CREDIT,           359.96",
            "HIGH,     SILVER,   false, DISCOUNT_PERCENT, 20.00",
            "MEDIUM,   STANDARD, true,  DISCOUNT_PERCENT, 20.00",
            "LOW,      STANDARD, false, NONE,             ''" })
    void theRecommendationFollowsTheCasesFacts(String severity, String tier, boolean repeat, String type,
            String amount) {
        CaseRequests request = aCase().failure("severity", severity).customer("tier", tier);
        if (repeat) {
            Recovery.open("crm-acme", aCase().customer("id", request.customerId()));
        }
        String caseId = Recovery.open("crm-acme", request);
        org.assertj.core.api.Assertions.assertThat(Recovery.caseAs("crm-acme", caseId).getBoolean("repeatFailure"))
                .isEqualTo(repeat);
        String proposal = Recovery.throughApology("agent-ana", caseId);
        JsonPath task = Api.as("agent-ana").get("/api/tasks/" + proposal).then()
                .statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(task.getString("recommendedCompensation.type")).isEqualTo(type);
        org.assertj.core.api.Assertions.assertThat(task.getString("recommendedCompensation.amount"))
                .isEqualTo(amount.isEmpty() ? null : amount);
    }

    /** The SLA per severity, as an agent sees it on the task: due = opened + CRITICAL 2 h ... LOW 72 h. */
    @ParameterizedTest(name = "{0} is due after {1} hours")
    @CsvSource({ "CRITICAL, 2", "HIGH, 8", "MEDIUM, 24", "LOW, 72" })
    void eachTaskIsDueAfterTheSlaOfItsSeverity(String severity, int hours) {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        Instant opened = clock.instant();
        String caseId = Recovery.open("crm-acme", aCase().failure("severity", severity));
        Task accountability = task(instanceOf(caseId));
        org.assertj.core.api.Assertions.assertThat(accountability.getDueDate().toInstant())
                .isEqualTo(opened.plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MILLIS));
        String due = Api.as("agent-ana").get("/api/tasks/" + accountability.getId()).then().statusCode(200)
                .extract().path("task.due");
        org.assertj.core.api.Assertions.assertThat(Duration.between(opened, Instant.parse(due)).abs())
                .isLessThan(Duration.ofHours(hours).plusMillis(1)).isGreaterThan(Duration.ofHours(hours).minusMillis(1));

        // The next task's clock starts when it opens, not when the case did.
        clock.advance(Duration.ofMinutes(90));
        Instant accountabilityDone = clock.instant();
        Recovery.claim("agent-ana", accountability.getId());
        Recovery.complete("agent-ana", accountability.getId(), Recovery.accountability());
        Task apology = task(instanceOf(caseId));
        org.assertj.core.api.Assertions.assertThat(apology.getTaskDefinitionKey()).isEqualTo("GiveApology");
        org.assertj.core.api.Assertions.assertThat(apology.getDueDate().toInstant())
                .isEqualTo(accountabilityDone.plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void historyIsCleanedUpInANightlyWindow() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        org.assertj.core.api.Assertions.assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        org.assertj.core.api.Assertions.assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        org.assertj.core.api.Assertions.assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    }

    /**
     * The engine's own history cleanup job deletes the history of a finished case once its removal time (the end
     * plus the process' 180 days) has passed, and keeps a case whose removal time lies ahead.
     */
    @Test
    void historyCleanupDeletesTheHistoryOfCasesPastTheirTimeToLiveAndKeepsTheRest() {
        String old = endedInstance();
        String young = endedInstance();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(old).singleResult();
        org.assertj.core.api.Assertions.assertThat(ended.getRemovalTime().toInstant())
                .isEqualTo(ended.getEndTime().toInstant().plus(Duration.ofDays(180)));
        org.assertj.core.api.Assertions.assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(old).count()).isPositive();

        // The old case's removal time has passed (as if it had ended 181 days ago).
        Date past = Date.from(Instant.now().minus(Duration.ofDays(1)));
        history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(past).byIds(old).executeAsync();
        // Between 01:00 and 05:00 (the cleanup window) the engine's own cleanup job may already delete it here.
        Eventually.await("the old case's removal time to move", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(old).singleResult(), instance -> instance == null
                        || (instance.getRemovalTime() != null && instance.getRemovalTime().getTime() == past.getTime()));

        // The nightly job, run now by the engine's job executor.
        history.cleanUpHistoryAsync(true);
        Eventually.await("the history cleanup to delete the old case", () -> history
                .createHistoricProcessInstanceQuery().processInstanceId(old).count(), count -> count == 0);
        org.assertj.core.api.Assertions.assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(old).count()).as("activities of the old case").isZero();
        org.assertj.core.api.Assertions.assertThat(history.createHistoricVariableInstanceQuery()
                .processInstanceId(old).count()).as("variables of the old case").isZero();
        org.assertj.core.api.Assertions.assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceId(young).count()).as("the young case").isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(young).count()).as("activities of the young case").isPositive();
    }

    /** A case opened and cancelled at once: its process instance has ended. */
    private String endedInstance() {
        String caseId = Recovery.open("crm-acme", aCase());
        String instance = instanceOf(caseId).getId();
        Api.as("crm-acme").body(Map.of("reason", "Duplicate report")).post("/api/cases/" + caseId + "/cancel")
                .then().statusCode(200);
        return instance;
    }

    private ProcessInstance instanceOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
    }
}
