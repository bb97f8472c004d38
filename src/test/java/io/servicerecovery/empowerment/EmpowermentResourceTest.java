package io.servicerecovery.empowerment;

import static io.servicerecovery.support.CaseRequests.aCase;
import static io.servicerecovery.support.Recovery.complete;
import static io.servicerecovery.support.Recovery.credit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Budgets;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Metrics;
import io.servicerecovery.support.Recovery;

/** Managers tune empowerment; agents decide inside it at once; budgets hold under concurrency. */
@QuarkusTest
class EmpowermentResourceTest {

    @Inject
    Budgets budgets;

    @BeforeEach
    void freshBudgets() {
        budgets.resetDemoPeople();
    }

    @Test
    void listsTheLevelsWithTheirLimitsAndETags() {
        Api.as("manager-max").get("/api/empowerment/levels").then().statusCode(200)
                .body("level", equalTo(List.of("AGENT", "SENIOR_AGENT", "TEAM_LEAD", "MANAGER", "DIRECTOR")))
                .body("find { it.level == 'AGENT' }.limits[0].currency", equalTo("EUR"))
                .body("find { it.level == 'AGENT' }.limits[0].maxCreditPerCase", equalTo("50.00"))
                .body("find { it.level == 'AGENT' }.limits[0].maxDiscountPercent", equalTo(15))
                .body("find { it.level == 'AGENT' }.limits[0].dailyBudget", equalTo("500.00"))
                .body("find { it.level == 'DIRECTOR' }.limits[0].maxCreditPerCase", equalTo(null))
                .body("find { it.level == 'TEAM_LEAD' }.approving", equalTo(true));
        Api.as("agent-ana").get("/api/empowerment/levels").then().statusCode(403);
    }

    /** The scenario: budget for two credits, three quick proposals, the lead approves, the cap is raised. */
    @Test
    void agentBenWithABudgetForTwoCreditsGetsTwoApprovalsAndOneEscalation() {
        setAgent("manager-max", "agent-ben", "AGENT",
                List.of(Map.of("currency", "EUR", "maxCreditPerCase", "50.00", "dailyBudget", "100.00")),
                "Scenario: a budget that fits two credits of 40");
        List<String> proposals = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caseId = Recovery.open("crm-acme", aCase().with("ownerAgent", "agent-ben"));
            cases.add(caseId);
            proposals.add(throughApology("agent-ben", caseId));
        }
        List<JsonPath> decisions = new ArrayList<>();
        for (String proposal : proposals) {
            decisions.add(complete("agent-ben", proposal, credit("40.00")));
        }
        assertThat(decisions).extracting(d -> d.getString("decision"))
                .containsExactly("APPROVED_WITHIN_EMPOWERMENT", "APPROVED_WITHIN_EMPOWERMENT", "PENDING_APPROVAL");
        assertThat(decisions.get(2).getString("approverLevel")).isEqualTo("TEAM_LEAD");
        Api.as("manager-max").get("/api/empowerment/agents/agent-ben").then().statusCode(200)
                .body("effective.find { it.currency == 'EUR' }.usedInWindow", equalTo("80.00"))
                .body("effective.find { it.currency == 'EUR' }.dailyBudget", equalTo("100.00"));

        String approval = Recovery.task("lead-lena", cases.get(2), "APPROVAL");
        Recovery.claim("lead-lena", approval);
        complete("lead-lena", approval, Map.of("decision", "APPROVE", "note", "Fine."));
        Recovery.awaitStatus("crm-acme", cases.get(2), "RECOVERED");

        setAgent("manager-max", "agent-ben", "AGENT",
                List.of(Map.of("currency", "EUR", "maxCreditPerCase", "80.00", "dailyBudget", "100.00")),
                "Ben handles the premium queue now");
        Api.as("manager-max").queryParam("agentId", "agent-ben").get("/api/empowerment/audit").then().statusCode(200)
                .body("items[0].by", equalTo("manager-max"))
                .body("items[0].reason", equalTo("Ben handles the premium queue now"))
                .body("items[0].oldValue.overrides[0].maxCreditPerCase", equalTo("50.00"))
                .body("items[0].newValue.overrides[0].maxCreditPerCase", equalTo("80.00"));
        Api.as("manager-max").get("/api/empowerment/agents/agent-ben").then()
                .body("effective.find { it.currency == 'EUR' }.maxCreditPerCase", equalTo("80.00"));
    }

    @Test
    void concurrentProposalsByOneAgentNeverOverspendTheBudget() throws Exception {
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        setAgent("manager-max", agent, "AGENT", List.of(Map.of("currency", "EUR", "dailyBudget", "100.00")),
                "Budget test: fits three credits of 30");
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String caseId = Recovery.open("crm-acme", aCase().with("ownerAgent", agent));
            proposals.add(throughApology(agent, caseId));
        }
        ExecutorService pool = Executors.newFixedThreadPool(proposals.size());
        List<Callable<Response>> calls = new ArrayList<>();
        for (String proposal : proposals) {
            calls.add(() -> Api.as(agent).body(credit("30.00")).post("/api/tasks/" + proposal + "/complete"));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<Response> answer : pool.invokeAll(calls)) {
            Response response = answer.get();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            outcomes.add(response.path("decision").toString());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("APPROVED_WITHIN_EMPOWERMENT"::equals).hasSize(3);
        assertThat(outcomes).filteredOn("PENDING_APPROVAL"::equals).hasSize(3);
        String used = Api.as("manager-max").get("/api/empowerment/agents/" + agent).then().statusCode(200)
                .extract().path("effective.find { it.currency == 'EUR' }.usedInWindow");
        assertThat(new BigDecimal(used)).isEqualByComparingTo("90.00");
    }

    /**
     * Escalation through the engine's own clock: the approval's timer is due after the waiting level's
     * {@code escalate-after} (TEAM_LEAD 4 h, MANAGER 8 h, DIRECTOR 24 h, docs/api-guide.md#escalation), and the
     * job executor fires it once the engine's clock passes that due date; nobody fires it by hand.
     */
    @Test
    void anUndecidedApprovalEscalatesLevelByLevelAfterFourEightAndTwentyFourHours() {
        String caseId = Recovery.open("crm-acme", aCase());
        String proposal = throughApology("agent-ana", caseId);
        // The engine's clock stands still from the proposal on, so every due date is exact.
        Instant proposed = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(proposed));
        try {
            complete("agent-ana", proposal, credit("120.00"));
            String leadsTask = Recovery.task("lead-lena", caseId, "APPROVAL");
            Recovery.claim("lead-lena", leadsTask);
            assertThat(taskService.createTaskQuery().taskId(leadsTask).singleResult().getCreateTime().toInstant())
                    .isEqualTo(proposed);
            Instant due = approvalTimerDue(caseId);
            assertThat(Duration.between(proposed, due)).as("TEAM_LEAD waits").isEqualTo(Duration.ofHours(4));

            // A minute before the due date nothing happens; just after it the job executor escalates.
            ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
            assertThat(management.createJobQuery().processInstanceId(instanceOf(caseId)).timers().executable().count())
                    .isZero();
            Instant escalatedAt = due.plusSeconds(1);
            ClockUtil.setCurrentTime(Date.from(escalatedAt));
            JsonPath afterFirst = awaitApproverLevel(caseId, "MANAGER");
            assertThat(afterFirst.getString("status")).isEqualTo("AWAITING_APPROVAL");
            assertThat(afterFirst.getList("timeline.summary", String.class))
                    .contains("No TEAM_LEAD decided within PT4H: escalated to a MANAGER");
            // The old task is gone for the lead who held it: 404, as documented.
            Api.as("lead-lena").get("/api/tasks/" + leadsTask).then().statusCode(404);
            Api.as("lead-lena").body(Map.of("decision", "APPROVE")).post("/api/tasks/" + leadsTask + "/complete")
                    .then().statusCode(404);
            Api.as("lead-lena").queryParam("caseId", caseId).get("/api/tasks").then().body("items", hasSize(0));
            String managersTask = Recovery.task("manager-max", caseId, "APPROVAL");
            assertThat(managersTask).isNotEqualTo(leadsTask);

            Instant managerDue = approvalTimerDue(caseId);
            assertThat(Duration.between(escalatedAt, managerDue)).as("MANAGER waits").isEqualTo(Duration.ofHours(8));
            ClockUtil.setCurrentTime(Date.from(managerDue.plusSeconds(1)));
            awaitApproverLevel(caseId, "DIRECTOR");
            Api.as("manager-max").queryParam("caseId", caseId).get("/api/tasks").then().body("items", hasSize(0));

            Instant directorDue = approvalTimerDue(caseId);
            assertThat(Duration.between(managerDue.plusSeconds(1), directorDue)).as("DIRECTOR waits")
                    .isEqualTo(Duration.ofHours(24));
            ClockUtil.setCurrentTime(Date.from(directorDue.plusSeconds(1)));
            // At the top it stays with DIRECTOR and the timeline says it is still waiting.
            Eventually.await("a second ESCALATED entry at DIRECTOR", () -> Recovery.caseAs("crm-acme", caseId)
                    .getList("timeline.summary", String.class), summaries -> summaries.contains(
                            "Still waiting for a DIRECTOR after PT24H"));
            assertThat(Recovery.caseAs("crm-acme", caseId).getString("compensation.approverLevel")).isEqualTo("DIRECTOR");
        } finally {
            ClockUtil.reset();
        }
        String approval = Recovery.task("director-dora", caseId, "APPROVAL");
        Recovery.claim("director-dora", approval);
        complete("director-dora", approval, Map.of("decision", "APPROVE"));
        Recovery.awaitStatus("crm-acme", caseId, "RECOVERED");
    }

    private JsonPath awaitApproverLevel(String caseId, String level) {
        return Eventually.await("the approval to move to " + level, () -> Recovery.caseAs("crm-acme", caseId),
                json -> level.equals(json.getString("compensation.approverLevel"))
                        && !taskService.createTaskQuery().processInstanceId(instanceOf(caseId))
                                .taskDefinitionKey("ApproveCompensation").list().isEmpty());
    }

    private Instant approvalTimerDue(String caseId) {
        Job timer = management.createJobQuery().processInstanceId(instanceOf(caseId)).timers()
                .activityId("ApprovalOverdue").singleResult();
        assertThat(timer).as("the approval timer of case " + caseId).isNotNull();
        return timer.getDuedate().toInstant();
    }

    private String instanceOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    }

    @Test
    void aProposalInACurrencyWithoutLimitsEscalates() {
        String caseId = Recovery.open("crm-acme", aCase());
        JsonPath decision = complete("agent-ana", throughApology("agent-ana", caseId),
                Map.of("type", "CREDIT", "amount", "10.00", "currency", "USD", "reason", "Refund in dollars"));
        assertThat(decision.getString("decision")).isEqualTo("PENDING_APPROVAL");
        assertThat(decision.getString("approverLevel")).isEqualTo("DIRECTOR");
        // A director has no limit in any currency, so nothing is left without an approver.
        String approval = Recovery.task("director-dora", caseId, "APPROVAL");
        Recovery.claim("director-dora", approval);
        assertThat(complete("director-dora", approval, Map.of("decision", "APPROVE")).getString("grant.currency"))
                .isEqualTo("USD");
    }

    @Test
    void writesNeedTheCurrentETagAndAReason() {
        String etag = Api.as("director-dora").get("/api/empowerment/levels/SENIOR_AGENT").then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> body = Map.of("limits", List.of(eur("120.00", 20, "1200.00")), "reason", "Tighter seniors");

        Api.as("director-dora").body(body).put("/api/empowerment/levels/SENIOR_AGENT").then().statusCode(428)
                .contentType("application/problem+json");
        Api.as("director-dora").header("If-Match", "\"999\"").body(body).put("/api/empowerment/levels/SENIOR_AGENT")
                .then().statusCode(412);
        Api.as("director-dora").header("If-Match", etag).body(Map.of("limits", List.of(eur("120.00", 20, "1200.00"))))
                .put("/api/empowerment/levels/SENIOR_AGENT").then().statusCode(400).body("violations.field", hasItem("reason"));
        String newTag = Api.as("director-dora").header("If-Match", etag).body(body)
                .put("/api/empowerment/levels/SENIOR_AGENT").then().statusCode(200)
                .body("limits[0].maxCreditPerCase", equalTo("120.00")).extract().header("ETag");
        assertThat(newTag).isNotEqualTo(etag);
        Api.as("director-dora").header("If-Match", etag).body(body).put("/api/empowerment/levels/SENIOR_AGENT")
                .then().statusCode(412);
        Api.as("manager-max").get("/api/empowerment/audit").then()
                .body("items.find { it.targetId == 'SENIOR_AGENT' }.reason", equalTo("Tighter seniors"));
    }

    @Test
    void refusesBadLimitsAndWritesNothing() {
        String etag = Api.as("director-dora").get("/api/empowerment/levels/SENIOR_AGENT").then().extract().header("ETag");
        refuse(400, "limits[0].maxCreditPerCase", List.of(eur("-5.00", 20, "1000.00")));
        refuse(400, "limits[0].maxCreditPerCase", List.of(eur("0", 20, "1000.00")));
        refuse(400, "limits[0].maxDiscountPercent", List.of(eur("100.00", 101, "1000.00")));
        refuse(400, "limits[0].currency", List.of(Map.of("currency", "EURO", "maxDiscountPercent", 10)));
        refuse(400, "limits[0].currency", List.of(Map.of("currency", "XYZ", "maxDiscountPercent", 10)));
        // A senior agent above a team lead (500 EUR): out of order.
        refuse(422, "limits[EUR]", List.of(eur("600.00", 20, "1000.00")));
        // Below an agent (50 EUR): out of order the other way.
        refuse(422, "limits[EUR]", List.of(eur("40.00", 20, "1000.00")));
        Api.as("director-dora").get("/api/empowerment/levels/SENIOR_AGENT").then().header("ETag", etag);
        Api.as("director-dora").header("If-Match", etag).body(Map.of("limits", List.of(), "reason", "x"))
                .put("/api/empowerment/levels/WIZARD").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void nobodyChangesTheirOwnLimitsOrGivesMoreThanTheyHave() {
        String maxTag = Api.as("director-dora").get("/api/empowerment/agents/manager-max").then().extract().header("ETag");
        Api.as("manager-max").header("If-Match", maxTag)
                .body(Map.of("level", "DIRECTOR", "reason", "promote myself")).put("/api/empowerment/agents/manager-max")
                .then().statusCode(403).contentType("application/problem+json");
        String levelTag = Api.as("manager-max").get("/api/empowerment/levels/MANAGER").then().extract().header("ETag");
        Api.as("manager-max").header("If-Match", levelTag)
                .body(Map.of("limits", List.of(eur("9000.00", 60, "20000.00")), "reason", "raise my level"))
                .put("/api/empowerment/levels/MANAGER").then().statusCode(403);

        int seniorDiscount = Api.as("lead-lena").get("/api/empowerment/levels/SENIOR_AGENT").then()
                .extract().path("limits[0].maxDiscountPercent");
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("lead-lena").header("If-Match", "\"0\"").body(Map.of("level", "MANAGER", "reason", "too much"))
                .put("/api/empowerment/agents/" + agent).then().statusCode(403);
        Api.as("lead-lena").header("If-Match", "\"0\"").body(Map.of("level", "AGENT",
                "overrides", List.of(Map.of("currency", "EUR", "maxCreditPerCase", "900.00")), "reason", "above mine"))
                .put("/api/empowerment/agents/" + agent).then().statusCode(403);
        Api.as("lead-lena").header("If-Match", "\"0\"").body(Map.of("level", "SENIOR_AGENT",
                "overrides", List.of(Map.of("currency", "EUR", "maxCreditPerCase", "200.00")), "reason", "promotion"))
                .put("/api/empowerment/agents/" + agent).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("level", equalTo("SENIOR_AGENT"))
                .body("effective[0].maxCreditPerCase", equalTo("200.00"))
                .body("effective[0].maxDiscountPercent", equalTo(seniorDiscount));
        Api.as("agent-ana").get("/api/empowerment/agents/" + agent).then().statusCode(403);
    }

    @Test
    void managersCannotEditTheirPeers() {
        // A second team lead, made by the director; Lena (a team lead) tries to change them with the right ETag.
        String peer = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        setAgent("director-dora", peer, "TEAM_LEAD", List.of(), "A second team lead");
        String peerTag = Api.as("manager-max").get("/api/empowerment/agents/" + peer).then().statusCode(200)
                .body("level", equalTo("TEAM_LEAD")).extract().header("ETag");
        Api.as("lead-lena").header("If-Match", peerTag).body(Map.of("level", "AGENT", "reason", "demote a peer"))
                .put("/api/empowerment/agents/" + peer).then().statusCode(403).contentType("application/problem+json");
        Api.as("lead-lena").header("If-Match", peerTag).body(Map.of("level", "TEAM_LEAD",
                "overrides", List.of(Map.of("currency", "EUR", "maxCreditPerCase", "100.00")), "reason", "cap a peer"))
                .put("/api/empowerment/agents/" + peer).then().statusCode(403);
        // Nothing changed, and nothing was audited as Lena's.
        Api.as("manager-max").get("/api/empowerment/agents/" + peer).then().statusCode(200)
                .header("ETag", peerTag).body("level", equalTo("TEAM_LEAD")).body("overrides", hasSize(0));
        Api.as("manager-max").queryParam("agentId", peer).get("/api/empowerment/audit").then().statusCode(200)
                .body("items.by", org.hamcrest.Matchers.not(hasItem("lead-lena")));
        // The same for a manager and another manager.
        String otherManager = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        setAgent("director-dora", otherManager, "MANAGER", List.of(), "A second manager");
        String managerTag = Api.as("director-dora").get("/api/empowerment/agents/" + otherManager).then()
                .extract().header("ETag");
        Api.as("manager-max").header("If-Match", managerTag).body(Map.of("level", "TEAM_LEAD", "reason", "a peer"))
                .put("/api/empowerment/agents/" + otherManager).then().statusCode(403);
        Api.as("director-dora").get("/api/empowerment/agents/" + otherManager).then().body("level", equalTo("MANAGER"));
    }

    @Test
    void aStricterAgentLevelWouldHaveApprovedFewerAtOnce() {
        String caseId = Recovery.open("crm-acme", aCase());
        complete("agent-ana", throughApology("agent-ana", caseId), credit("45.00"));
        Map<String, Object> stricter = Map.of(
                "from", Instant.now().minusSeconds(86_400).toString(),
                "to", Instant.now().plusSeconds(60).toString(),
                "levels", List.of(Map.of("level", "AGENT", "limits", List.of(eur("10.00", 5, "100.00")))));
        JsonPath result = Api.as("manager-max").body(stricter).post("/api/empowerment/simulations").then()
                .statusCode(200).extract().jsonPath();
        assertThat(result.getInt("proposals")).isPositive();
        assertThat(result.getInt("approvedWithinEmpowerment") + result.getInt("escalated")).isEqualTo(result.getInt("proposals"));
        assertThat(result.getInt("approvedWithinEmpowerment")).isLessThan(result.getInt("currentlyApprovedWithinEmpowerment"));
        assertThat(result.getInt("approvalsByLevel.TEAM_LEAD")).isPositive();

        Api.as("manager-max").body(Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z",
                "levels", List.of(Map.of("level", "AGENT", "limits", List.of(eur("10.00", 5, "100.00"))))))
                .post("/api/empowerment/simulations").then().statusCode(422);
    }

    @Test
    void countsDecisionsWithinEmpowermentAndEscalationsInTheMetrics() {
        Map<String, String> within = Map.of("outcome", "within", "level", "AGENT", "type", "CREDIT");
        Map<String, String> escalated = Map.of("outcome", "escalated", "level", "AGENT", "type", "CREDIT");
        double withinBefore = Metrics.sum("recovery_compensation_proposals_total", within);
        double escalatedBefore = Metrics.sum("recovery_compensation_proposals_total", escalated);
        double decisionsBefore = Metrics.sum("recovery_compensation_decision_time_seconds_count", Map.of());

        String inside = Recovery.open("crm-acme", aCase());
        complete("agent-ana", throughApology("agent-ana", inside), credit("5.00"));
        String above = Recovery.open("crm-acme", aCase());
        complete("agent-ana", throughApology("agent-ana", above), credit("120.00"));

        String metrics = Metrics.scrape();
        assertThat(Metrics.sum(metrics, "recovery_compensation_proposals_total", within) - withinBefore)
                .as("proposals within empowerment").isEqualTo(1.0);
        assertThat(Metrics.sum(metrics, "recovery_compensation_proposals_total", escalated) - escalatedBefore)
                .as("proposals escalated").isEqualTo(1.0);
        assertThat(Metrics.sum(metrics, "recovery_compensation_decision_time_seconds_count", Map.of())
                - decisionsBefore).as("decisions timed").isEqualTo(1.0);
    }

    @Inject
    TaskService taskService;
    @Inject
    ManagementService management;
    @Inject
    RuntimeService runtime;

    private static String throughApology(String agent, String caseId) {
        return Recovery.throughApology(agent, caseId);
    }

    private static void refuse(int status, String field, List<Map<String, Object>> limits) {
        String etag = Api.as("director-dora").get("/api/empowerment/levels/SENIOR_AGENT").then().extract().header("ETag");
        Api.as("director-dora").header("If-Match", etag).body(Map.of("limits", limits, "reason", "bad"))
                .put("/api/empowerment/levels/SENIOR_AGENT").then().statusCode(status)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private static Map<String, Object> eur(String cap, int percent, String budget) {
        return Map.of("currency", "EUR", "maxCreditPerCase", cap, "maxDiscountPercent", percent, "dailyBudget", budget);
    }

    private static void setAgent(String manager, String agent, String level, List<Map<String, String>> overrides,
            String reason) {
        String etag = Api.as(manager).get("/api/empowerment/agents/" + agent).then().statusCode(200)
                .extract().header("ETag");
        Api.as(manager).header("If-Match", etag)
                .body(Map.of("level", level, "overrides", overrides, "reason", reason))
                .put("/api/empowerment/agents/" + agent).then().statusCode(200);
    }
}
