package io.servicerecovery.chaos;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.servicerecovery.bench.Http;
import io.servicerecovery.bench.Jwt;
import io.servicerecovery.testkit.Apologies;
import io.servicerecovery.testkit.RecoveryCalls;

/**
 * One recovery driven to its end whatever fails underneath, as a careful CRM and agent
 * would: the case is opened with one Idempotency-Key, retried until it answers 201; then
 * each round reads where the case stands and does the next step (claim and complete
 * ACCOUNTABILITY, complete APOLOGY, propose a 20 EUR credit, approve as the director when
 * it was escalated), so a step whose answer was lost is never done twice.
 */
final class ResilientFlow {

    static final String CREDIT = "20.00";
    static final String DIRECTOR = "chaos-director";

    private final Fleet fleet;
    private final Jwt jwt;
    private final FlowStats stats;
    private final Options options;
    private final AtomicLong sequence = new AtomicLong();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);

    ResilientFlow(Fleet fleet, Jwt jwt, FlowStats stats, Options options) {
        this.fleet = fleet;
        this.jwt = jwt;
        this.stats = stats;
        this.options = options;
    }

    /** Runs one flow; gives up (and says so in the stats) only at the deadline. */
    void run(String crm, String agent, long deadlineMillis) throws InterruptedException {
        stats.flowsStarted.increment();
        long n = sequence.getAndIncrement();
        String ref = "CHAOS-" + runId + "-" + n;
        String caseId = open(crm, ref, n, deadlineMillis);
        if (caseId == null) {
            stats.unfinished.add("never confirmed: " + ref);
            return;
        }
        String agentToken = "Bearer " + jwt.token(agent, "agent");
        long apologizedAt = 0;
        String phaseAtApology = null;
        while (System.currentTimeMillis() < deadlineMillis) {
            JsonNode tasks = get(calls -> calls.tasks(agentToken, caseId, null, 0), "GET /api/tasks");
            JsonNode task = tasks == null ? null : tasks.path("items").path(0);
            if (task != null && !task.isMissingNode()) {
                String id = task.path("id").asText();
                switch (task.path("type").asText()) {
                    case "ACCOUNTABILITY" -> {
                        if (!agent.equals(task.path("assignee").asText())
                                && post(calls -> calls.claim(agentToken, id), "claim") == null) {
                            continue;
                        }
                        post(calls -> calls.complete(agentToken, id, RecoveryCalls.ACCOUNTABILITY), "complete ACCOUNTABILITY");
                    }
                    case "APOLOGY" -> {
                        post(calls -> calls.complete(agentToken, id, RecoveryCalls.apology(Apologies.nth(n, ref))),
                                "complete APOLOGY");
                        apologizedAt = System.currentTimeMillis();
                        phaseAtApology = stats.phase;
                    }
                    case "COMPENSATION" -> {
                        if (apologizedAt > 0) {
                            stats.asyncStep(phaseAtApology, (System.currentTimeMillis() - apologizedAt) / 1000.0);
                            apologizedAt = 0;
                        }
                        JsonNode decision = post(calls -> calls.complete(agentToken, id, RecoveryCalls.credit(CREDIT, "Nine days late")),
                                "complete COMPENSATION");
                        if (decision != null && "APPROVED_WITHIN_EMPOWERMENT".equals(decision.path("decision").asText())) {
                            stats.withinEmpowerment.increment();
                        }
                    }
                    default -> pause(options.pollMillis);
                }
                continue;
            }
            String crmToken = "Bearer " + jwt.token(crm, "crm");
            JsonNode view = get(calls -> calls.caseView(crmToken, caseId), "GET /api/cases/{id}");
            String status = view == null ? "" : view.path("status").asText();
            if (status.equals("RECOVERED")) {
                stats.recovered.put(caseId, System.currentTimeMillis());
                return;
            }
            if (status.equals("AWAITING_APPROVAL")) {
                approve(caseId);
            }
            pause(options.pollMillis);
        }
        stats.unfinished.add(caseId);
    }

    private String open(String crm, String ref, long n, long deadlineMillis) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        String body = RecoveryCalls.lateSofa(ref, "ana." + runId + "." + n + "@example.com");
        String token = "Bearer " + jwt.token(crm, "crm");
        for (int attempt = 0; System.currentTimeMillis() < deadlineMillis; attempt++) {
            if (attempt > 0) {
                stats.openRetries.increment();
                pause(Math.min(2000, 250L * attempt));
            }
            ServiceInstance service = fleet.pick();
            Http.Answer answer = send(service, service.calls.openCase(token, key, body), "POST /api/cases");
            if (answer != null && answer.status() == 201) {
                String caseId = json(answer).path("id").asText();
                if (answer.response().headers().firstValue("Idempotent-Replayed").isPresent()) {
                    stats.replayedOpens.increment();
                }
                stats.confirmed.putIfAbsent(caseId, new FlowStats.Confirmed(caseId, crm, key, System.currentTimeMillis()));
                return caseId;
            }
        }
        return null;
    }

    private void approve(String caseId) throws InterruptedException {
        String token = "Bearer " + jwt.token(DIRECTOR, "manager");
        JsonNode tasks = get(calls -> calls.tasks(token, caseId, "APPROVAL", 0), "GET /api/tasks APPROVAL");
        JsonNode task = tasks == null ? null : tasks.path("items").path(0);
        if (task == null || task.isMissingNode()) {
            return;
        }
        String id = task.path("id").asText();
        if (!DIRECTOR.equals(task.path("assignee").asText()) && post(calls -> calls.claim(token, id), "claim APPROVAL") == null) {
            return;
        }
        if (post(calls -> calls.complete(token, id, RecoveryCalls.APPROVE), "complete APPROVAL") != null) {
            stats.approvals.increment();
        }
    }

    /** A GET on any live replica; null unless it answered 200. */
    private JsonNode get(Function<RecoveryCalls, HttpRequest> call, String endpoint) throws InterruptedException {
        ServiceInstance service = fleet.pick();
        Http.Answer answer = send(service, call.apply(service.calls), endpoint);
        return answer != null && answer.status() == 200 ? json(answer) : null;
    }

    /** A POST; null unless it answered 2xx (a lost answer or a 404 for a task already completed is read back next round). */
    private JsonNode post(Function<RecoveryCalls, HttpRequest> call, String endpoint) throws InterruptedException {
        ServiceInstance service = fleet.pick();
        Http.Answer answer = send(service, call.apply(service.calls), endpoint);
        return answer != null && answer.status() / 100 == 2 ? json(answer) : null;
    }

    private Http.Answer send(ServiceInstance service, HttpRequest request, String endpoint) throws InterruptedException {
        stats.requests.increment();
        try {
            Http.Answer answer = service.http.call(request);
            if (answer.status() / 100 == 2) {
                fleet.lastSuccessMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
            } else {
                stats.answer(endpoint, answer.status(), answer.body());
                if (answer.status() >= 500 || answer.status() == 409 || answer.status() == 429) {
                    pause(500);
                }
            }
            return answer;
        } catch (IOException e) {
            stats.connectionFailures.increment();
            pause(500);
            return null;
        }
    }

    private static JsonNode json(Http.Answer answer) {
        try {
            return answer.json();
        } catch (Http.Failure e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
