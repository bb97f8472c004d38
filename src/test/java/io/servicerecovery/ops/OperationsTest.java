package io.servicerecovery.ops;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.servicerecovery.support.GreenMailResource;
import io.servicerecovery.support.Recovery;

/** What an operator relies on: health, metrics after a whole case, and case ids in the logs. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class OperationsTest {

    record Line(String message, String caseId, String processInstanceId) {
    }

    @Test
    void aWholeCaseShowsInTheMetricsAndEveryLogLineAboutItCarriesItsIds() {
        List<Line> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && ext.getLoggerName().startsWith("io.servicerecovery")) {
                    lines.add(new Line(ext.getFormattedMessage(), ext.getMdc("caseId"), ext.getMdc("processInstanceId")));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.servicerecovery");
        logger.addHandler(capture);
        String caseId;
        try {
            caseId = Recovery.open("crm-acme", aCase().failure("severity", "CRITICAL"));
            Recovery.complete("agent-ana", Recovery.throughApology("agent-ana", caseId), Recovery.credit("12.00"));
            Recovery.awaitStatus("crm-acme", caseId, "RECOVERED");
        } finally {
            logger.removeHandler(capture);
        }
        String processInstanceId = Recovery.caseAs("crm-acme", caseId).getString("processInstanceId");
        List<Line> aboutTheCase = lines.stream().filter(l -> caseId.equals(l.caseId())).toList();
        assertThat(aboutTheCase).extracting(Line::message).anySatisfy(m -> assertThat(m).startsWith("Case opened"))
                .anySatisfy(m -> assertThat(m).contains("accepted by the mail server"))
                .anySatisfy(m -> assertThat(m).startsWith("Granted a credit"))
                .anySatisfy(m -> assertThat(m).isEqualTo("Case closed as recovered"));
        assertThat(aboutTheCase).allSatisfy(l -> assertThat(l.processInstanceId()).isEqualTo(processInstanceId));

        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("recovery_cases_opened_total\\{severity=\"CRITICAL\"\\} [1-9]")
                .containsPattern("recovery_cases_recovered_total\\{severity=\"CRITICAL\"\\} [1-9]")
                .containsPattern("recovery_step_duration_seconds_count\\{step=\"ACCOUNTABILITY\"\\} [1-9]")
                .containsPattern("recovery_step_duration_seconds_count\\{step=\"COMPENSATION\"\\} [1-9]")
                .containsPattern("recovery_compensation_granted_total\\{currency=\"EUR\",type=\"CREDIT\"\\} [1-9]")
                .containsPattern("recovery_compensation_proposals_total\\{.*outcome=\"within\".*\\} [1-9]")
                .containsPattern("recovery_emails_total\\{outcome=\"sent\"\\} [1-9]")
                .contains("recovery_incidents_open");
    }

    @Test
    void readinessCoversTheDatabaseAndTheJobExecutorAndLivenessNeither() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("process-engine"))
                .body("checks.find { it.name == 'process-engine' }.data.jobExecutorActive", equalTo(true))
                .body("checks.name", hasItem("Database connections health check"));
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("Database connections health check")));
        RestAssured.get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
