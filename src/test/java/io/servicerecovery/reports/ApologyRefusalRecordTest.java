package io.servicerecovery.reports;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Recovery;

/**
 * A refused APOLOGY completion is recorded for the report although its own transaction rolls back (422);
 * the dry run, which agents call while they type, is not counted.
 */
@QuarkusTest
class ApologyRefusalRecordTest {

    @Test
    void aRefusedApologyIsCountedWithItsCodesAndTheDryRunIsNot() {
        String agent = "agent-refusal-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = Recovery.open("crm-acme", aCase());
        String accountability = Recovery.task(agent, caseId, "ACCOUNTABILITY");
        Recovery.claim(agent, accountability);
        Recovery.complete(agent, accountability, Recovery.accountability());
        String apology = Recovery.task(agent, caseId, "APOLOGY");
        Map<String, String> blunt = Map.of("message", "You should have read the delivery terms.", "deliveredVia", "PHONE");

        Api.as(agent).body(Map.of("caseId", caseId, "message", blunt.get("message"))).post("/api/apologies/check")
                .then().statusCode(200);
        List<String> codes = Api.as(agent).body(blunt).post("/api/tasks/" + apology + "/complete").then()
                .statusCode(422).extract().jsonPath().getList("findings.code");
        assertThat(codes).isNotEmpty();

        JsonPath report = Api.as("manager-max").get("/api/reports/recovery?agent=" + agent).then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getInt("cases.opened")).isEqualTo(1);
        // The case's step times come from the timeline's events (CaseTimings): claimed and accountable so far.
        assertThat(report.getInt("times.firstTouch.count")).isEqualTo(1);
        assertThat(report.getInt("times.steps.find { it.step == 'ACCOUNTABILITY' }.duration.count")).isEqualTo(1);
        assertThat(report.getInt("times.steps.find { it.step == 'APOLOGY' }.duration.count")).isZero();
        assertThat(report.getList("apologyFindings")).hasSize(1);
        assertThat(report.getInt("apologyFindings[0].refusals")).as("one refusal; the dry run is not one").isEqualTo(1);
        assertThat(report.getInt("apologyFindings[0].apologiesGiven")).isZero();
        assertThat(report.getList("apologyFindings[0].codes.code")).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(report.getList("apologyFindings[0].codes.refusals")).containsOnly(1);

        // The case itself is untouched by the refusal: still waiting for its apology.
        assertThat(Recovery.caseAs("crm-acme", caseId).getString("status")).isEqualTo("AWAITING_APOLOGY");
    }
}
