package io.servicerecovery.testkit;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The HTTP calls of one recovery, as the CRM and an agent make them, for clients on the JDK's HttpClient (the
 * benchmark, the fault injection, the crash test): the paths, headers and bodies live here once; what a caller
 * does with the answers (time them, retry them, assert on them) stays with the caller. The tests inside Quarkus
 * drive cases with RestAssured ({@code support/Recovery}), the contract test with the generated client.
 */
public final class RecoveryCalls {

    /** The statement with which the agent takes accountability for the late sofa. */
    public static final String ACCOUNTABILITY = "{\"statement\":\"This one is on us: we promised a date we could not keep.\","
            + "\"rootCause\":\"CARRIER_DELAY\"}";

    public static final String APPROVE = "{\"decision\":\"APPROVE\"}";

    private final String base;
    private final Duration timeout;

    /** Calls to the service at {@code baseUrl}, each allowed {@code timeout} for its answer. */
    public RecoveryCalls(String baseUrl, Duration timeout) {
        this.base = baseUrl;
        this.timeout = timeout;
    }

    /** Ana's sofa, nine days late: the case every run opens, with its own reference and customer email. */
    public static String lateSofa(String externalRef, String email) {
        return "{\"externalRef\":\"" + externalRef + "\",\"customer\":{\"id\":\"C-" + externalRef
                + "\",\"name\":\"Ana Ozola\",\"email\":\"" + email + "\",\"locale\":\"en\",\"tier\":\"GOLD\"},"
                + "\"failure\":{\"stage\":\"POST_PURCHASE\",\"channel\":\"PHONE\",\"category\":\"LATE_DELIVERY\","
                + "\"description\":\"The sofa arrived nine days late and the customer took a day off for nothing.\","
                + "\"severity\":\"HIGH\",\"occurredAt\":\"2026-11-20T10:00:00Z\"},"
                + "\"orderValue\":{\"amount\":\"899.90\",\"currency\":\"EUR\"}}";
    }

    /** The APOLOGY step's body: the apology as said on the phone. */
    public static String apology(String message) {
        return "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"deliveredVia\":\"PHONE\"}";
    }

    /** The COMPENSATION step's body: a credit in EUR (amounts are decimal strings: the API refuses JSON numbers). */
    public static String credit(String amount, String reason) {
        return "{\"type\":\"CREDIT\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"reason\":\"" + reason + "\"}";
    }

    /** One level's EUR limits, as the bootstrap director sets them on a fresh installation. */
    public static String levelLimits(String maxCreditPerCase, int maxDiscountPercent, String dailyBudget, String reason) {
        return "{\"limits\":[{\"currency\":\"EUR\",\"maxCreditPerCase\":\"" + maxCreditPerCase + "\",\"maxDiscountPercent\":"
                + maxDiscountPercent + ",\"dailyBudget\":\"" + dailyBudget + "\"}],\"reason\":\"" + reason + "\"}";
    }

    /** POST /api/cases with the CRM's Idempotency-Key. */
    public HttpRequest openCase(String authorization, String idempotencyKey, String caseJson) {
        return request("/api/cases", authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(caseJson)).build();
    }

    /**
     * GET /api/tasks of a case: of one type unless {@code type} is null; with {@code waitSeconds} above 0 the
     * service holds the answer until such a task opens, as a CRM asks.
     */
    public HttpRequest tasks(String authorization, String caseId, String type, int waitSeconds) {
        return request("/api/tasks?caseId=" + caseId + (type == null ? "" : "&type=" + type)
                + (waitSeconds > 0 ? "&wait=" + waitSeconds : ""), authorization).GET().build();
    }

    public HttpRequest claim(String authorization, String taskId) {
        return request("/api/tasks/" + taskId + "/claim", authorization).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    public HttpRequest complete(String authorization, String taskId, String json) {
        return request("/api/tasks/" + taskId + "/complete", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public HttpRequest caseView(String authorization, String caseId) {
        return request("/api/cases/" + caseId, authorization).GET().build();
    }

    public HttpRequest level(String authorization, String level) {
        return request("/api/empowerment/levels/" + level, authorization).GET().build();
    }

    public HttpRequest setLevel(String authorization, String level, String etag, String json) {
        return request("/api/empowerment/levels/" + level, authorization).header("Content-Type", "application/json")
                .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Any other call of the API, with the same headers and timeout. */
    public HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }
}
