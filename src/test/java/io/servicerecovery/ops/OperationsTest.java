package io.servicerecovery.ops;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Management;
import io.servicerecovery.support.Metrics;
import io.servicerecovery.support.Recovery;

/**
 * What an operator relies on: health and metrics on the management port (not the public one), metrics after a whole
 * case, and case ids in the logs.
 */
@QuarkusTest
class OperationsTest {

    @jakarta.inject.Inject
    io.servicerecovery.support.Budgets budgets;

    @org.junit.jupiter.api.BeforeEach
    void freshBudgets() {
        // A database kept from earlier runs remembers their approvals; this class approves credits again.
        budgets.resetDemoPeople();
    }

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
        Map<String, Double> before = snapshot(Metrics.scrape());
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

        // Counters are cumulative over the suite: this case must have added exactly one to each.
        Eventually.await("this case counted in the metrics", () -> delta(before, Metrics.scrape()),
                d -> d.values().stream().allMatch(v -> v >= 1));
        // Exactly one where only an HTTP request of this test can count (no other test opens CRITICAL cases);
        // at least one where a job left over from an earlier test class might add its own (grants, emails).
        assertThat(delta(before, Metrics.scrape())).allSatisfy((metric, added) -> {
            if (metric.startsWith("recovery_compensation_granted") || metric.startsWith("recovery_emails")) {
                assertThat(added).as(metric).isGreaterThanOrEqualTo(1.0);
            } else {
                assertThat(added).as(metric).isEqualTo(1.0);
            }
        });
        assertThat(Metrics.scrape()).contains("recovery_incidents_open");
    }

    /** What this test's one CRITICAL case adds to each metric an operator watches. */
    private static final Map<String, Map<String, String>> WATCHED = Map.of(
            "recovery_cases_opened_total", Map.of("severity", "CRITICAL"),
            "recovery_cases_recovered_total", Map.of("severity", "CRITICAL"),
            "recovery_step_duration_seconds_count", Map.of("step", "ACCOUNTABILITY"),
            "recovery_compensation_granted_total", Map.of("currency", "EUR", "type", "CREDIT"),
            "recovery_compensation_proposals_total", Map.of("outcome", "within", "type", "CREDIT"),
            "recovery_emails_total", Map.of("outcome", "sent"));

    private static Map<String, Double> snapshot(String scrape) {
        Map<String, Double> values = new java.util.TreeMap<>();
        WATCHED.forEach((name, labels) -> values.put(name + labels, Metrics.sum(scrape, name, labels)));
        return values;
    }

    private static Map<String, Double> delta(Map<String, Double> before, String scrape) {
        Map<String, Double> after = snapshot(scrape);
        Map<String, Double> delta = new java.util.TreeMap<>();
        after.forEach((metric, value) -> delta.put(metric, value - before.get(metric)));
        return delta;
    }

    @Test
    void metricsAndHealthAnswerOnTheManagementPortWhileThePublicPortSaysNotFound() {
        // The figures (granted amounts, cases by severity) are not on the public port, credentials or not.
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started")) {
            RestAssured.get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404)).body(not(containsString("recovery_")));
        }
        Api.as("manager-max").get("/q/metrics").then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString("recovery_")));

        // The management port serves them without credentials, as Prometheus and the kubelet call it.
        Management.given().get("/q/metrics").then().statusCode(200).body(containsString("recovery_incidents_open"));
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        // The API's contract stays where the CRM teams read it.
        RestAssured.get("/q/openapi").then().statusCode(200);
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void readinessCoversTheDatabaseAndTheJobExecutorAndLivenessNeither() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("process-engine"))
                .body("checks.find { it.name == 'process-engine' }.data.jobExecutorActive", equalTo(true))
                .body("checks.name", hasItem("Database connections health check"));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("Database connections health check")));
        Management.given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
