package io.servicerecovery.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/service-recovery.bpmn on a bare in-memory engine, without Quarkus, the
 * database or the mail server: the delegates and listeners are stand-ins that record what ran
 * (the real ones have their own tests and the end-to-end flows), async steps and timers run as
 * jobs the test executes itself. A change to the model fails here in seconds. Each test gets
 * the model deployed afresh ({@code @Deployment}) and removed after it.
 */
class ServiceRecoveryBpmnTest {

    private static final String MODEL = "bpmn/service-recovery.bpmn";

    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder().useProcessEngine(engine()).build();

    /** What the stand-ins saw, in order: a delegate's bean name, or "listener:event:taskKey". */
    private final List<String> ran = new ArrayList<>();
    private boolean mailServerDown;

    private static ProcessEngine engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:bpmn-paths-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setProcessEngineName("bpmn-paths");
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(EXTENSION.getProcessEngine());
        for (String delegate : List.of("recommendCompensationDelegate", "bookGrantDelegate", "markRecoveredDelegate", "markCancelledDelegate")) {
            Mocks.register(delegate, (JavaDelegate) execution -> ran.add(delegate));
        }
        Mocks.register("sendApologyEmailDelegate", (JavaDelegate) execution -> {
            if (mailServerDown) {
                throw new IllegalStateException("mail server down");
            }
            ran.add("sendApologyEmailDelegate");
        });
        // The escalation moves the approval one level up with that level's waiting time, as ApprovalService does.
        Mocks.register("escalateApprovalDelegate", (JavaDelegate) execution -> {
            ran.add("escalateApprovalDelegate");
            boolean fromLead = "TEAM_LEAD".equals(execution.getVariable(ProcessVariables.APPROVER_GROUPS));
            execution.setVariable(ProcessVariables.APPROVER_GROUPS, fromLead ? "MANAGER" : "DIRECTOR");
            execution.setVariable(ProcessVariables.APPROVAL_TIMEOUT, fromLead ? "PT8H" : "PT24H");
        });
        for (String listener : List.of("taskCreatedListener", "taskInboxListener")) {
            Mocks.register(listener, (TaskListener) task -> ran.add(
                    listener + ":" + task.getEventName() + ":" + task.getTaskDefinitionKey()));
        }
    }

    @AfterEach
    void noStandIns() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    @Deployment(resources = MODEL)
    void withinTheAgentsEmpowermentTheGrantIsBookedAndTheCaseRecovered() {
        ProcessInstance instance = start();
        throughApology(instance);

        complete(task(instance), withVariables(ProcessVariables.WITHIN_EMPOWERMENT, true));
        assertThat(instance).isWaitingAt("BookGrant");
        execute(job(instance));

        assertThat(instance).isEnded().hasPassedInOrder("ProposeCompensation", "WithinEmpowerment", "BookGrant",
                "CloseCaseRecovered", "CaseRecovered").hasNotPassed("ApproveCompensation");
        assertThat(ran).containsSubsequence("recommendCompensationDelegate", "sendApologyEmailDelegate",
                "bookGrantDelegate", "markRecoveredDelegate");
    }

    @Test
    @Deployment(resources = MODEL)
    void aboveTheLimitsAnApproverDecidesAndAnApprovalBooksTheGrant() {
        ProcessInstance instance = start();
        throughApology(instance);

        aboveTheLimits(instance, "TEAM_LEAD", "PT4H");
        assertThat(task(instance)).hasDefinitionKey("ApproveCompensation").hasCandidateGroup("TEAM_LEAD").isNotAssigned();
        complete(task(instance), withVariables(ProcessVariables.APPROVED, true));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassedInOrder("ApproveCompensation", "ApprovalDecision", "BookGrant",
                "CaseRecovered").hasNotPassed("EscalateApproval");
        assertThat(ran).contains("taskCreatedListener:create:ApproveCompensation",
                "taskInboxListener:complete:ApproveCompensation").doesNotContain("escalateApprovalDelegate");
    }

    @Test
    @Deployment(resources = MODEL)
    void aRejectionGoesBackToTheAgentWhoProposesAgain() {
        ProcessInstance instance = start();
        throughApology(instance);
        aboveTheLimits(instance, "TEAM_LEAD", "PT4H");

        complete(task(instance), withVariables(ProcessVariables.APPROVED, false));

        assertThat(instance).isWaitingAt("ProposeCompensation");
        assertThat(task(instance)).isAssignedTo("agent-ana");
        assertThat(ran).doesNotContain("bookGrantDelegate");
        complete(task(instance), withVariables(ProcessVariables.WITHIN_EMPOWERMENT, true));
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("CaseRecovered");
        assertThat(ran.stream().filter("bookGrantDelegate"::equals)).hasSize(1);
    }

    @Test
    @Deployment(resources = MODEL)
    void anUndecidedApprovalEscalatesLevelByLevelWhenItsTimerIsDue() {
        ProcessInstance instance = start();
        throughApology(instance);
        Instant before = Instant.now();
        aboveTheLimits(instance, "TEAM_LEAD", "PT4H");
        Instant after = Instant.now();

        Job timer = timer(instance);
        assertDue(timer, before, after, Duration.ofHours(4));
        Instant escalating = Instant.now();
        execute(timer);
        Instant escalated = Instant.now();
        assertThat(instance).isWaitingAt("ApproveCompensation");
        assertThat(task(instance)).hasCandidateGroup("MANAGER");
        assertThat(ran).containsOnlyOnce("escalateApprovalDelegate");

        // A fresh timer with the next level's waiting time, counted from the escalation.
        Job next = timer(instance);
        assertThat(next.getId()).isNotEqualTo(timer.getId());
        assertDue(next, escalating, escalated, Duration.ofHours(8));
        execute(next);
        assertThat(task(instance)).hasCandidateGroup("DIRECTOR");

        complete(task(instance), withVariables(ProcessVariables.APPROVED, true));
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("CaseRecovered");
        assertThat(ran.stream().filter("escalateApprovalDelegate"::equals)).hasSize(2);
    }

    @Test
    @Deployment(resources = MODEL)
    void aDecisionBeforeTheTimerIsDueRemovesTheTimer() {
        ProcessInstance instance = start();
        throughApology(instance);
        aboveTheLimits(instance, "TEAM_LEAD", "PT4H");
        assertThat(timer(instance)).isNotNull();

        complete(task(instance), withVariables(ProcessVariables.APPROVED, true));

        assertThat(EXTENSION.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .count()).isZero();
    }

    @Test
    @Deployment(resources = MODEL)
    void aCancellationFromTheCrmEndsTheCaseWhereverItWaits() {
        ProcessInstance instance = start();
        complete(task(instance), withVariables(ProcessVariables.ACCOUNTABLE_AGENT, "agent-ana"));
        assertThat(instance).isWaitingAt("GiveApology");

        EXTENSION.getRuntimeService().createMessageCorrelation(ProcessVariables.CANCEL_MESSAGE)
                .processInstanceId(instance.getId()).setVariable(ProcessVariables.CANCELLED_BY, "crm-acme")
                .setVariable(ProcessVariables.CANCEL_REASON, "customer withdrew").correlate();

        assertThat(instance).isEnded().hasPassed("CloseCaseCancelled", "CaseCancelled").hasNotPassed("SendApologyEmail");
        assertThat(ran).contains("markCancelledDelegate", "taskInboxListener:delete:GiveApology")
                .doesNotContain("sendApologyEmailDelegate", "markRecoveredDelegate");
    }

    @Test
    @Deployment(resources = MODEL)
    void anEmailThatKeepsFailingBecomesAnIncidentWhileTheCompensationGoesOnAndTheCaseClosesOnlyWhenItIsSent() {
        ProcessInstance instance = start();
        complete(task(instance), withVariables(ProcessVariables.ACCOUNTABLE_AGENT, "agent-ana"));
        mailServerDown = true;
        complete(task(instance));
        assertThat(task(instance)).as("the compensation step does not wait for the mail server")
                .hasDefinitionKey("ProposeCompensation").isAssignedTo("agent-ana");

        // emailRetryCycle R2/PT1S: two attempts in all, then an incident an operator retries.
        for (int attempt = 1; attempt <= 2; attempt++) {
            Job job = job(instance);
            assertThatThrownBy(() -> EXTENSION.getManagementService().executeJob(job.getId()))
                    .hasMessageContaining("mail server down");
        }
        Incident incident = EXTENSION.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("SendApologyEmail");
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(instance).isWaitingAt("SendApologyEmail", "ProposeCompensation");

        complete(task(instance), withVariables(ProcessVariables.WITHIN_EMPOWERMENT, true));
        execute(job("BookGrant", instance));
        assertThat(instance).as("granted, but the email is not sent yet").isNotEnded().hasPassed("BookGrant")
                .hasNotPassed("CloseCaseRecovered");
        assertThat(ran).contains("bookGrantDelegate").doesNotContain("markRecoveredDelegate");

        mailServerDown = false;
        EXTENSION.getManagementService().setJobRetries(incident.getConfiguration(), 1);
        execute(job(instance));
        assertThat(instance).isWaitingAt("SendApologyEmail").isNotEnded();
        execute(job(instance)); // asyncAfter: the email is sent and committed before the branches join
        assertThat(instance).isEnded().hasPassed("EmailSentAndGranted", "CloseCaseRecovered", "CaseRecovered");
        assertThat(ran).containsOnlyOnce("sendApologyEmailDelegate", "markRecoveredDelegate");
    }

    @Test
    @Deployment(resources = "bpmn-history/service-recovery-email-before-compensation.bpmn")
    void aCaseStartedBeforeTheEmailHadItsOwnBranchFinishesOnItsOwnModelWhileNewCasesTakeTheNewOne() {
        ProcessInstance inFlight = start();
        complete(task(inFlight), withVariables(ProcessVariables.ACCOUNTABLE_AGENT, "agent-ana"));
        complete(task(inFlight));
        assertThat(inFlight).isWaitingAt("SendApologyEmail");

        // The release deploys the current model as a new version of the same process.
        org.camunda.bpm.engine.repository.Deployment current = EXTENSION.getRepositoryService().createDeployment()
                .addClasspathResource(MODEL).deploy();
        try {
            assertThat(task(inFlight)).as("still waits for its email, as its model says").isNull();
            execute(job(inFlight));
            execute(job(inFlight));
            assertThat(task(inFlight)).hasDefinitionKey("ProposeCompensation").isAssignedTo("agent-ana");
            complete(task(inFlight), withVariables(ProcessVariables.WITHIN_EMPOWERMENT, true));
            execute(job(inFlight));
            assertThat(inFlight).isEnded().hasPassed("CaseRecovered");

            ProcessInstance fresh = start();
            complete(task(fresh), withVariables(ProcessVariables.ACCOUNTABLE_AGENT, "agent-ana"));
            complete(task(fresh));
            assertThat(fresh).isWaitingAt("SendApologyEmail", "ProposeCompensation");
        } finally {
            EXTENSION.getRepositoryService().deleteDeployment(current.getId(), true);
        }
    }

    private ProcessInstance start() {
        return EXTENSION.getRuntimeService().startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, "case-1",
                Variables.createVariables()
                        .putValue(ProcessVariables.CASE_ID, UUID.randomUUID().toString())
                        .putValue(ProcessVariables.OWNER_AGENT, null)
                        .putValue(ProcessVariables.ACCOUNTABLE_AGENT, null)
                        .putValue(ProcessVariables.EMAIL_RETRY_CYCLE, "R2/PT1S"));
    }

    /**
     * Accountability taken by agent-ana, the apology given: the proposal waits for her at once, beside the
     * follow-up email, which is then sent (before and after it, a job of its own).
     */
    private void throughApology(ProcessInstance instance) {
        assertThat(instance).isWaitingAt("TakeAccountability");
        assertThat(task(instance)).hasCandidateGroup("agents");
        complete(task(instance), withVariables(ProcessVariables.ACCOUNTABLE_AGENT, "agent-ana"));
        assertThat(task(instance)).hasDefinitionKey("GiveApology").isAssignedTo("agent-ana");
        complete(task(instance));
        assertThat(instance).isWaitingAt("SendApologyEmail", "ProposeCompensation");
        assertThat(task(instance)).hasDefinitionKey("ProposeCompensation").isAssignedTo("agent-ana");
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isWaitingAt("ProposeCompensation").hasPassed("SendApologyEmail");
    }

    private static void aboveTheLimits(ProcessInstance instance, String approverGroups, String timeout) {
        complete(task(instance), withVariables(ProcessVariables.WITHIN_EMPOWERMENT, false,
                ProcessVariables.APPROVER_GROUPS, approverGroups, ProcessVariables.APPROVAL_TIMEOUT, timeout));
        assertThat(instance).isWaitingAt("ApproveCompensation");
    }

    private static Job timer(ProcessInstance instance) {
        return EXTENSION.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
    }

    private static void assertDue(Job timer, Instant before, Instant after, Duration wait) {
        // The engine stores due dates to the millisecond.
        assertThat(timer.getDuedate().toInstant()).isBetween(before.plus(wait).minusMillis(1), after.plus(wait).plusMillis(1));
    }
}
