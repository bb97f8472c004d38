package io.servicerecovery.workflow.incidents;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Recovery;

/**
 * Incidents page by the keyset cursor every list has: newest first, then by id, so a page is
 * never short or repeated while incidents are raised, even several in one millisecond.
 */
@QuarkusTest
class IncidentPagingTest {

    private static final String TYPE = "pagingTest";
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00.000Z");

    @Inject
    RuntimeService runtime;

    @Inject
    CaseRepository cases;

    @AfterEach
    void resolve() {
        ClockUtil.reset();
        // One at a time: resolving an incident of an execution can take its siblings along.
        for (Incident open; (open = runtime.createIncidentQuery().incidentType(TYPE).listPage(0, 1).stream().findFirst()
                .orElse(null)) != null;) {
            runtime.resolveIncident(open.getId());
        }
    }

    @Test
    void pagesAreFullAndNeverRepeatWhileIncidentsAreRaised() {
        String caseId = Recovery.open("crm-acme", aCase());
        String instance = QuarkusTransaction.requiringNew()
                .call(() -> cases.findById(UUID.fromString(caseId)).processInstanceId);
        // Two instants with three incidents each, and one alone: a page boundary falls inside an instant.
        List<String> expected = new ArrayList<>();
        expected.addAll(raise(instance, T0.plusSeconds(20), 3));
        expected.addAll(raise(instance, T0.plusSeconds(10), 3));
        expected.addAll(raise(instance, T0, 1));

        List<String> seen = new ArrayList<>();
        JsonPath page = page(caseId, null);
        assertThat(page.getList("items")).hasSize(2);
        seen.addAll(page.getList("items.id", String.class));
        // Raised while the operator pages: a newer one, and one in the very millisecond the next page starts in.
        List<String> later = new ArrayList<>(raise(instance, T0.plusSeconds(30), 1));
        later.addAll(raise(instance, T0.plusSeconds(20), 1));
        while (page.getString("nextCursor") != null) {
            page = page(caseId, page.getString("nextCursor"));
            List<String> ids = page.getList("items.id", String.class);
            if (page.getString("nextCursor") != null) {
                assertThat(ids).as("a page before the last is full").hasSize(2);
            }
            seen.addAll(ids);
        }

        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(expected).doesNotContain(later.get(0));
        List<Incident> all = runtime.createIncidentQuery().processInstanceId(instance).list().stream()
                .filter(i -> seen.contains(i.getId())).sorted(IncidentKeyset.NEWEST_FIRST).toList();
        assertThat(seen).as("newest first, then by id").containsExactlyElementsOf(all.stream().map(Incident::getId).toList());
    }

    @Test
    void aCursorThisListDidNotIssueIsA400NamingCursor() {
        for (String cursor : List.of(b64("offset:2"), "MTA", b64("70|2026-01-05T08:00:00Z|" + UUID.randomUUID()),
                b64("2026-01-05T08:00:00Z|no-uuid"), "!!!")) {
            Api.as("admin").queryParam("cursor", cursor).get("/api/incidents").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("cursor"));
        }
        Api.as("admin").queryParam("cursor", b64(T0 + "|" + UUID.randomUUID())).get("/api/incidents").then()
                .statusCode(200);
    }

    /** Raises {@code count} incidents on the process instance, all at the same engine time. */
    private List<String> raise(String instance, Instant at, int count) {
        ClockUtil.setCurrentTime(Date.from(at));
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(runtime.createIncident(TYPE, instance, "test", "raised by a test").getId());
            }
            // Within one instant the order is by id, newest first.
            ids.sort(java.util.Comparator.reverseOrder());
            return ids;
        } finally {
            ClockUtil.reset();
        }
    }

    private static JsonPath page(String caseId, String cursor) {
        var request = Api.as("admin").queryParam("caseId", caseId).queryParam("limit", 2);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/incidents").then().statusCode(200).extract().jsonPath();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
