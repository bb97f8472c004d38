package io.servicerecovery.workflow.tasks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.MovableClock;
import io.servicerecovery.support.Recovery;

/** An agent's task list comes most urgent first: higher priority first, then the earlier due date. */
@QuarkusTest
class TaskListOrderTest {

    @Test
    void tasksAreListedByPriorityThenDueDateAcrossPages() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        // An agent of this test alone, so the list holds only these cases' tasks.
        String agent = "agent-order-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = "C-" + UUID.randomUUID();

        String low = open(agent, "LOW", "C-" + UUID.randomUUID());          // priority 30, due +72 h
        String high = open(agent, "HIGH", customer);                        // priority 70, due +8 h
        clock.advance(Duration.ofHours(1));
        String laterHigh = open(agent, "HIGH", "C-" + UUID.randomUUID());   // priority 70, due +1 h +8 h
        clock.advance(Duration.ofHours(1));
        String critical = open(agent, "CRITICAL", "C-" + UUID.randomUUID()); // priority 90, due +2 h +2 h
        clock.advance(Duration.ofHours(1));
        String repeat = open(agent, "HIGH", customer);                      // a repeat failure: priority 80

        List<String> expected = List.of(critical, repeat, high, laterHigh, low);
        JsonPath all = Api.as(agent).queryParam("assignee", "me").get("/api/tasks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getList("items.caseId", String.class)).containsExactlyElementsOf(expected);
        assertThat(all.getList("items.priority", Integer.class)).containsExactly(90, 80, 70, 70, 30);

        // Page by page (keyset pagination), the same order.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(agent).queryParam("assignee", "me").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/tasks").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.caseId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    private static String open(String agent, String severity, String customer) {
        return Recovery.open("crm-acme", aCase().with("ownerAgent", agent).customer("id", customer)
                .failure("severity", severity));
    }
}
