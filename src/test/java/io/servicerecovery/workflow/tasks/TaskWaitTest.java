package io.servicerecovery.workflow.tasks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Recovery;

/**
 * The task list's {@code wait}: a client that expects the next task asks once and hears of it
 * when it opens. The test profile rechecks only every 10 s, so an answer within a few seconds
 * comes from the commit of the task, not from a recheck.
 */
@QuarkusTest
class TaskWaitTest {

    private record Answer(JsonPath json, long atNanos) {
    }

    private static CompletableFuture<Answer> waitFor(String user, String caseId, String type, int seconds) {
        return CompletableFuture.supplyAsync(() -> {
            JsonPath json = Api.as(user).queryParam("caseId", caseId).queryParam("type", type)
                    .queryParam("wait", seconds).get("/api/tasks").then().statusCode(200).extract().jsonPath();
            return new Answer(json, System.nanoTime());
        });
    }

    @Test
    void answersAsSoonAsTheExpectedTaskOpens() throws Exception {
        String caseId = Recovery.open("crm-acme", aCase());
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);

        CompletableFuture<Answer> apology = waitFor("agent-ana", caseId, "APOLOGY", 20);
        Thread.sleep(700);
        assertThat(apology).as("no APOLOGY task yet, so the request is still waiting").isNotDone();

        long completed = System.nanoTime();
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        Answer answer = apology.get(15, TimeUnit.SECONDS);

        assertThat(answer.json().getList("items")).hasSize(1);
        assertThat(answer.json().getString("items[0].type")).isEqualTo("APOLOGY");
        assertThat(Duration.ofNanos(answer.atNanos() - completed))
                .as("woken by the task's commit, well before the 10 s recheck").isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void answersAtOnceWhenTheTaskIsAlreadyThere() throws Exception {
        String caseId = Recovery.open("crm-acme", aCase());
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");

        long asked = System.nanoTime();
        Answer answer = waitFor("agent-ana", caseId, "ACCOUNTABILITY", 20).get(15, TimeUnit.SECONDS);

        assertThat(answer.json().getString("items[0].id")).isEqualTo(accountability);
        assertThat(Duration.ofNanos(answer.atNanos() - asked)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void answersAnEmptyPageWhenNothingOpensWithinTheWait() throws Exception {
        String caseId = Recovery.open("crm-acme", aCase());
        Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");

        long asked = System.nanoTime();
        Answer answer = waitFor("agent-ana", caseId, "COMPENSATION", 1).get(15, TimeUnit.SECONDS);

        assertThat(answer.json().getList("items")).isEmpty();
        assertThat(Duration.ofNanos(answer.atNanos() - asked)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void doesNotWakeForAnotherCustomersTask() throws Exception {
        String mine = Recovery.open("crm-acme", aCase());
        String other = Recovery.open("crm-acme", aCase());
        Recovery.task("agent-ana", mine, "ACCOUNTABILITY");
        String othersAccountability = Recovery.task("agent-ana", other, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", othersAccountability);

        CompletableFuture<Answer> apology = waitFor("agent-ana", mine, "APOLOGY", 2);
        Thread.sleep(300);
        Recovery.complete("agent-ana", othersAccountability, Recovery.accountability());

        assertThat(apology.get(15, TimeUnit.SECONDS).json().getList("items"))
                .as("the other case's APOLOGY is not this case's").isEmpty();
    }

    @Test
    void refusesAWaitOutOfRange() {
        for (String wait : new String[] { "-1", "31", "soon" }) {
            Api.as("agent-ana").queryParam("wait", wait).get("/api/tasks").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("wait"));
        }
    }
}
