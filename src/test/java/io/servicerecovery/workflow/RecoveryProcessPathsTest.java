package io.servicerecovery.workflow;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Budgets;
import io.servicerecovery.support.Recovery;

/**
 * The compensation paths of the BPMN beyond the one within empowerment (see RecoveryProcessTest):
 * approved above the limits, rejected back to the agent, and the approval timer escalating
 * to the next level. Each case has an agent of its own, so nothing else waits in its way.
 */
@QuarkusTest
class RecoveryProcessPathsTest {

    @Inject
    ProcessEngine engine;
    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;
    @Inject
    Budgets budgets;

    String agent;
    String caseId;
    ProcessInstance instance;

    @BeforeEach
    void aCaseWaitingForApproval() {
        BpmnAwareTests.init(engine);
        budgets.reset("manager-max", "lead-lena");
        agent = "agent-path-" + UUID.randomUUID().toString().substring(0, 8);
        caseId = Recovery.open("crm-acme", aCase().with("ownerAgent", agent));
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
        String proposal = Recovery.throughApology(agent, caseId);
        Recovery.complete(agent, proposal, Recovery.credit("120.00"));
        assertThat(instance).isWaitingAt("ApproveCompensation");
        assertThat(task(instance)).hasCandidateGroup("level-team_lead").hasCandidateGroup("level-manager");
    }

    @Test
    void anApprovalAboveTheLimitsBooksTheGrantOnceAndClosesTheCase() {
        String approval = Recovery.task("manager-max", caseId, "APPROVAL");
        Recovery.claim("manager-max", approval);
        Api.as("manager-max").body(Map.of("decision", "APPROVE")).post("/api/tasks/" + approval + "/complete")
                .then().statusCode(200).body("decision", equalTo("APPROVED")).body("grant.amount", equalTo("120.00"))
                .body("caseStatus", equalTo("AWAITING_APPROVAL"));

        Recovery.awaitStatus("crm-acme", caseId, "RECOVERED");
        assertThat(instance).isEnded().hasPassedInOrder("ProposeCompensation", "WithinEmpowerment",
                "ApproveCompensation", "ApprovalDecision", "BookGrant", "CloseCaseRecovered", "CaseRecovered");
        org.assertj.core.api.Assertions.assertThat(Recovery.timelineKinds(Recovery.caseAs("crm-acme", caseId)))
                .containsOnlyOnce("GRANTED");
    }

    @Test
    void aRejectionGoesBackToTheAgentsProposal() {
        String approval = Recovery.task("manager-max", caseId, "APPROVAL");
        Recovery.claim("manager-max", approval);
        Recovery.complete("manager-max", approval, Map.of("decision", "REJECT", "note", "Offer a discount instead."));

        assertThat(instance).isWaitingAt("ProposeCompensation").hasPassed("ApprovalDecision").hasNotPassed("BookGrant");
        assertThat(task(instance)).isAssignedTo(agent);
    }

    @Test
    void anOverdueApprovalEscalatesToTheNextLevelWithANewTask() {
        String before = Recovery.task("lead-lena", caseId, "APPROVAL");

        // the timer itself, run now through the engine (its 4 h are checked with the engine clock in EmpowermentResourceTest)
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("ApprovalOverdue").singleResult().getId());

        assertThat(instance).hasPassed("ApprovalOverdue", "EscalateApproval").isWaitingAt("ApproveCompensation");
        assertThat(task(instance)).hasCandidateGroup("level-manager").hasCandidateGroup("level-director");
        org.assertj.core.api.Assertions.assertThat(task(instance).getId()).isNotEqualTo(before);
        // The team lead's inbox no longer has it; the old task is gone; a manager takes the new one.
        Api.as("lead-lena").queryParam("caseId", caseId).get("/api/tasks").then().statusCode(200)
                .body("items.type", not(hasItem("APPROVAL")));
        Api.as("manager-max").get("/api/tasks/" + before).then().statusCode(404);
        Api.as("manager-max").queryParam("caseId", caseId).queryParam("type", "APPROVAL").get("/api/tasks").then()
                .body("items[0].id", equalTo(task(instance).getId()));
    }
}
