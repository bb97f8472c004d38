package io.servicerecovery.bench;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.servicerecovery.testkit.Apologies;
import io.servicerecovery.testkit.RecoveryCalls;

/**
 * One full recovery over HTTP, as the CRM and an agent would drive it: open the case, find,
 * claim and complete ACCOUNTABILITY, complete APOLOGY, wait for the COMPENSATION task
 * (after the async email and recommendation), propose a credit inside the agent's limits,
 * and wait until the case is RECOVERED. The COMPENSATION task is awaited with the task list's
 * {@code wait}, as a CRM would; the case's status is polled gently ({@code --poll-ms}).
 */
final class RecoveryFlow {

    static final String OPEN = "POST /api/cases";
    static final String FIND_TASK = "GET /api/tasks?caseId&type";
    /** Held by the service until the task opens: its latency is the wait, so it is kept apart from FIND_TASK. */
    static final String WAIT_TASK = "GET /api/tasks?caseId&type&wait (held until the task opens)";
    static final int TASK_WAIT_SECONDS = 20;
    static final String CLAIM = "POST /api/tasks/{id}/claim";
    static final String COMPLETE_ACCOUNTABILITY = "POST /api/tasks/{id}/complete ACCOUNTABILITY";
    static final String COMPLETE_APOLOGY = "POST /api/tasks/{id}/complete APOLOGY";
    static final String COMPLETE_COMPENSATION = "POST /api/tasks/{id}/complete COMPENSATION (within limits)";
    static final String GET_CASE = "GET /api/cases/{id}";
    static final String WAIT_COMPENSATION = "wait: APOLOGY completed -> COMPENSATION task visible";
    static final String WAIT_RECOVERED = "wait: COMPENSATION completed -> case RECOVERED";
    static final String FLOW = "flow: intended start -> RECOVERED seen";

    static final String CREDIT = "20.00";

    private final Http http;
    private final Jwt jwt;
    private final Settings settings;
    private final AtomicLong sequence = new AtomicLong();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);

    RecoveryFlow(Http http, Jwt jwt, Settings settings) {
        this.http = http;
        this.jwt = jwt;
        this.settings = settings;
    }

    static String agentId(int i) {
        return "bench-agent-" + i;
    }

    static String crmId(int i) {
        return "bench-crm-" + i;
    }

    /**
     * Runs one flow. {@code intendedStart} is when the flow should have started (open-loop)
     * or did start (closed-loop); the first request's latency counts from it.
     */
    void run(Phase phase, long intendedStart, String crm, String agent) {
        phase.flowsStarted.increment();
        long n = sequence.getAndIncrement();
        String ref = "BENCH-" + runId + "-" + n;
        String crmToken = "Bearer " + jwt.token(crm, "crm");
        String agentToken = "Bearer " + jwt.token(agent, "agent");
        RecoveryCalls calls = http.calls;
        try {
            // 1. The CRM opens the case.
            HttpRequest open = calls.openCase(crmToken, UUID.randomUUID().toString(),
                    RecoveryCalls.lateSofa(ref, "ana." + n + "@example.com"));
            String caseId = text(http.send(phase, OPEN, open, intendedStart).json(), "id", OPEN);

            // 2. The agent takes accountability.
            String accountability = findTask(phase, agentToken, caseId, "ACCOUNTABILITY");
            long t = System.nanoTime();
            http.send(phase, CLAIM, calls.claim(agentToken, accountability), t);
            t = System.nanoTime();
            http.send(phase, COMPLETE_ACCOUNTABILITY, calls.complete(agentToken, accountability, RecoveryCalls.ACCOUNTABILITY), t);

            // 3. The agent apologizes; the email and the recommendation follow as engine jobs.
            String apology = findTask(phase, agentToken, caseId, "APOLOGY");
            t = System.nanoTime();
            http.send(phase, COMPLETE_APOLOGY, calls.complete(agentToken, apology,
                    RecoveryCalls.apology(Apologies.nth(n, ref))), t);
            long apologized = System.nanoTime();

            // 4. The COMPENSATION task appears once the async steps ran; a credit inside the limits.
            String compensation = awaitTask(phase, agentToken, caseId, "COMPENSATION");
            phase.recordDuration(WAIT_COMPENSATION, apologized, System.nanoTime());
            t = System.nanoTime();
            JsonNode decision = http.send(phase, COMPLETE_COMPENSATION, calls.complete(agentToken, compensation,
                    RecoveryCalls.credit(CREDIT, "Nine days late")), t).json();
            if (!"APPROVED_WITHIN_EMPOWERMENT".equals(decision.path("decision").asText())) {
                phase.error(COMPLETE_COMPENSATION, t, "decision " + decision.path("decision").asText()
                        + " instead of APPROVED_WITHIN_EMPOWERMENT");
                throw new Http.Failure("not within empowerment");
            }
            long proposed = System.nanoTime();

            // 5. The grant is booked by an engine job; the CRM sees the case RECOVERED.
            awaitRecovered(phase, crmToken, caseId);
            long end = System.nanoTime();
            phase.recordDuration(WAIT_RECOVERED, proposed, end);
            phase.recordDuration(FLOW, intendedStart, end);
            phase.completed(intendedStart, end);
        } catch (Http.Failure e) {
            phase.flowsFailed.increment();
            if (!e.counted) {
                phase.error("flow", intendedStart, e.getMessage());
            }
        } catch (RuntimeException e) {
            phase.flowsFailed.increment();
            phase.error("flow", intendedStart, e.toString());
        }
    }

    private String findTask(Phase phase, String token, String caseId, String type) throws Http.Failure {
        long t = System.nanoTime();
        JsonNode page = http.send(phase, FIND_TASK, http.calls.tasks(token, caseId, type, 0), t).json();
        JsonNode items = page.path("items");
        if (items.size() == 0) {
            phase.error(FIND_TASK, t, "no " + type + " task for case " + caseId);
            throw new Http.Failure("no task");
        }
        return text(items.get(0), "id", FIND_TASK);
    }

    /**
     * Waits for the task as a CRM would: one request with the list's {@code wait}, answered
     * when the task opens (asked again only if none opened within the wait).
     */
    private String awaitTask(Phase phase, String token, String caseId, String type) throws Http.Failure {
        long deadline = System.nanoTime() + settings.flowTimeoutSeconds * 1_000_000_000L;
        int waitSeconds = Math.min(TASK_WAIT_SECONDS, settings.flowTimeoutSeconds);
        while (true) {
            long t = System.nanoTime();
            phase.polls.increment();
            JsonNode items = http.send(phase, WAIT_TASK, http.calls.tasks(token, caseId, type, waitSeconds), t).json()
                    .path("items");
            if (items.size() > 0) {
                return text(items.get(0), "id", WAIT_TASK);
            }
            if (System.nanoTime() > deadline) {
                phase.error(WAIT_TASK, t, "timed out waiting for the " + type + " task of case " + caseId);
                throw new Http.Failure("timeout");
            }
        }
    }

    private void awaitRecovered(Phase phase, String token, String caseId) throws Http.Failure {
        long deadline = System.nanoTime() + settings.flowTimeoutSeconds * 1_000_000_000L;
        while (true) {
            sleep(settings.pollMillis);
            long t = System.nanoTime();
            phase.polls.increment();
            String status = http.send(phase, GET_CASE, http.calls.caseView(token, caseId), t).json().path("status").asText();
            if ("RECOVERED".equals(status)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                phase.error(GET_CASE, t, "timed out waiting for RECOVERED, case " + caseId + " is " + status);
                throw new Http.Failure("timeout");
            }
        }
    }

    private static String text(JsonNode node, String field, String endpoint) throws Http.Failure {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Http.Failure(endpoint + ": no " + field + " in the answer", false);
        }
        return value.asText();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
