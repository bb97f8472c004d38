package io.servicerecovery.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Recovery;

/**
 * Schema-driven fuzzing of the whole API. For every operation in openapi/openapi.json, called as a role allowed
 * to call it, it sends a valid request, then the same request with one thing changed at a time: each body
 * field of the wrong type, out of range, too long or too short, with control characters, missing, repeated,
 * and an unknown field beside it; malformed documents; bad path, query and header parameters. Deterministic:
 * the seed is {@code -Dfuzz.seed} (11 by default).
 * <p>
 * It fails on any 5xx, on any error answer that is not application/problem+json with type, title, status and
 * detail (and no class names), and on a 400 for a changed field whose problem does not name that field.
 */
@QuarkusTest
class SchemaFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("fuzz.seed", 11L);
    private static final String WEBHOOK_URL = "http://127.0.0.1:9/fuzz";
    private static final String[] CONTROL = { "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\r\nX-Injected: 1" };
    private static final String LONE_SURROGATE = "FUZZ-LONE-SURROGATE";
    private static final Map<String, String> CALLER = Map.of("crm", "crm-acme", "agent", "agent-ana", "manager",
            "manager-max", "admin", "admin");

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private JsonNode document;
    private int requests;
    private String caseId;
    private String taskCaseId;
    private String taskId;
    private String webhookId;

    @AfterEach
    void unsubscribeWhatTheFuzzerSubscribed() {
        for (JsonNode subscription : Api.as("crm-acme").queryParam("limit", 200).get("/api/webhooks").then()
                .extract().jsonPath().getList("items", Map.class).stream().map(m -> JSON.valueToTree(m))
                .map(JsonNode.class::cast).toList()) {
            if (WEBHOOK_URL.equals(subscription.path("url").asText())) {
                Api.as("crm-acme").delete("/api/webhooks/" + subscription.path("id").asText());
            }
        }
    }

    @Test
    void noRequestGetsA5xxAndEveryErrorIsAProblemThatNamesTheField() throws Exception {
        document = JSON.readTree(Files.readString(Path.of("openapi", "openapi.json")));
        caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        taskCaseId = Recovery.open("crm-acme", CaseRequests.aCase());
        taskId = Recovery.task("agent-ana", taskCaseId, "ACCOUNTABILITY");
        webhookId = Api.as("crm-acme").body(Map.of("url", WEBHOOK_URL, "events", List.of("case.cancelled")))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");

        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                fuzz(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                operations++;
            }
        }
        System.out.printf("Schema fuzz: %d operations, %d requests, seed %d, %d failures%n", operations, requests,
                SEED, failures.size());
        // Not failures (a change can leave a request valid), but worth a look when the contract changes.
        accepted.stream().limit(40).forEach(a -> System.out.println("  accepted: " + a));
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(20);
        assertThat(requests).as("requests sent").isGreaterThan(300);
        assertThat(failures).as("seed " + SEED + ": " + failures.size() + " failures").isEmpty();
    }

    private record Operation(String method, String path, JsonNode spec) {
        String name() {
            return method + " " + path;
        }
    }

    /** One request as the fuzzer sends it; {@code field} is what was changed, when a 400 must name it. */
    private record Attempt(String description, String field, Map<String, String> pathParams,
            Map<String, String> query, Map<String, String> headers, byte[] body, String contentType) {
    }

    private void fuzz(Operation op) {
        Map<String, String> pathParams = validPathParams(op);
        Map<String, String> headers = validHeaders(op);
        JsonNode bodySchema = bodySchema(op);
        ObjectNode body = bodySchema == null ? null : baseBody(op, bodySchema);

        if (!op.path().endsWith("/complete")) { // a valid completion would move the task on
            send(op, new Attempt("valid request", null, pathParams, Map.of(), headers, bytes(body), json(body)));
        }
        for (JsonNode parameter : op.spec().path("parameters")) {
            fuzzParameter(op, parameter, pathParams, headers, body);
        }
        if (body != null) {
            claimTheTaskAgain(op);
            walk(op, pathParams, headers, body, resolve(bodySchema), new ArrayList<>());
            for (Map.Entry<String, byte[]> malformed : malformedDocuments().entrySet()) {
                send(op, new Attempt("malformed: " + malformed.getKey(), null, pathParams, Map.of(), headers,
                        malformed.getValue(), "application/json"));
            }
            send(op, new Attempt("text/plain body", null, pathParams, Map.of(), headers, bytes(body), "text/plain"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Parameters
    // ---------------------------------------------------------------------------------------------------------

    private void fuzzParameter(Operation op, JsonNode parameter, Map<String, String> pathParams,
            Map<String, String> headers, ObjectNode body) {
        String name = parameter.path("name").asText();
        String in = parameter.path("in").asText();
        JsonNode schema = resolve(parameter.path("schema"));
        List<String> values = new ArrayList<>();
        if ("integer".equals(schema.path("type").asText())) {
            values.addAll(List.of("-1", "0", "201", "abc", "1.5", "99999999999", ""));
        } else if ("cursor".equals(name)) {
            values.addAll(List.of("!!!", "LTU", b64("offset:-5"), b64("offset:99999999999"), b64("2026|x"),
                    b64("\u0000"), "a".repeat(600)));
        } else {
            values.addAll(List.of("not-a-" + name, "nul\u0000", control(), "a".repeat(300), "%", "..", " "));
        }
        for (String value : values) {
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, String> path = new LinkedHashMap<>(pathParams);
            Map<String, String> hdrs = new LinkedHashMap<>(headers);
            switch (in) {
                case "query" -> query.put(name, value);
                case "path" -> path.put(name, value);
                case "header" -> {
                    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c > 0xff)) {
                        continue; // not a legal header value; the client library refuses to send it
                    }
                    hdrs.put(name, value);
                }
                default -> {
                    continue;
                }
            }
            send(op, new Attempt(in + " " + name + "=" + abbreviate(value), name, path, query, hdrs, bytes(body),
                    json(body)));
        }
        if ("header".equals(in)) {
            Map<String, String> without = new LinkedHashMap<>(headers);
            without.remove(name);
            send(op, new Attempt("header " + name + " missing", name, pathParams, Map.of(), without, bytes(body),
                    json(body)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Body fields, one change at a time
    // ---------------------------------------------------------------------------------------------------------

    private void walk(Operation op, Map<String, String> pathParams, Map<String, String> headers, ObjectNode body,
            JsonNode schema, List<Object> at) {
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        String parentField = field(at);
        mutate(op, pathParams, headers, body, at, "unknown field beside " + (at.isEmpty() ? "the root" : parentField),
                join(parentField, "fuzzUnknownField"), holder -> ((ObjectNode) holder).put("fuzzUnknownField", 1));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode raw = property.getValue();
            JsonNode child = resolve(raw);
            String field = join(parentField, name);
            JsonNode current = at(body, at).get(name);
            for (JsonNode wrong : wrongTypes(raw, child)) {
                mutate(op, pathParams, headers, body, at, field + " = " + abbreviate(wrong.toString()), field,
                        holder -> ((ObjectNode) holder).set(name, wrong));
            }
            for (JsonNode bad : outOfRange(raw, child, current)) {
                mutate(op, pathParams, headers, body, at, field + " = " + abbreviate(bad.toString()), field,
                        holder -> ((ObjectNode) holder).set(name, bad));
            }
            if (required.contains(name)) {
                mutate(op, pathParams, headers, body, at, field + " missing", field,
                        holder -> ((ObjectNode) holder).remove(name));
                mutate(op, pathParams, headers, body, at, field + " null", field,
                        holder -> ((ObjectNode) holder).putNull(name));
            }
            if (current != null) {
                sendDuplicated(op, pathParams, headers, body, at, name, field);
            }
            if (current != null && current.isObject()) {
                List<Object> deeper = new ArrayList<>(at);
                deeper.add(name);
                walk(op, pathParams, headers, body, child, deeper);
            }
            if (current != null && current.isArray() && current.size() > 0) {
                List<Object> deeper = new ArrayList<>(at);
                deeper.add(name);
                deeper.add(0);
                JsonNode items = resolve(child.path("items"));
                if (current.get(0).isObject()) {
                    walk(op, pathParams, headers, body, items, deeper);
                } else {
                    String itemField = field + "[0]";
                    for (JsonNode bad : concat(wrongTypes(child.path("items"), items),
                            outOfRange(child.path("items"), items, current.get(0)))) {
                        mutate(op, pathParams, headers, body, deeper.subList(0, deeper.size() - 1),
                                itemField + " = " + abbreviate(bad.toString()), itemField,
                                holder -> ((ArrayNode) holder).set(0, bad));
                    }
                }
            }
        }
    }

    private void mutate(Operation op, Map<String, String> pathParams, Map<String, String> headers, ObjectNode body,
            List<Object> at, String description, String field, java.util.function.Consumer<JsonNode> change) {
        ObjectNode copy = body.deepCopy();
        change.accept(at(copy, at));
        send(op, new Attempt(description, field, pathParams, Map.of(), headers, bytes(copy), "application/json"));
    }

    /** The document with one key written twice (a tree cannot hold that: it is renamed in the text). */
    private void sendDuplicated(Operation op, Map<String, String> pathParams, Map<String, String> headers,
            ObjectNode body, List<Object> at, String name, String field) {
        ObjectNode copy = body.deepCopy();
        ObjectNode holder = (ObjectNode) at(copy, at);
        String marker = "fuzzDuplicate" + UUID.randomUUID().toString().replace("-", "");
        holder.set(marker, holder.get(name).deepCopy());
        String text = new String(bytes(copy), StandardCharsets.UTF_8).replace("\"" + marker + "\"", "\"" + name + "\"");
        send(op, new Attempt(field + " twice", field, pathParams, Map.of(), headers,
                text.getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    private List<JsonNode> wrongTypes(JsonNode raw, JsonNode schema) {
        String type = schema.path("type").asText();
        List<JsonNode> wrong = new ArrayList<>();
        switch (type) {
            case "string" -> {
                wrong.add(NODES.numberNode(123));
                wrong.add(random.nextBoolean() ? NODES.booleanNode(true) : NODES.objectNode().put("a", "b"));
            }
            case "integer", "number" -> {
                wrong.add(NODES.textNode("12"));
                wrong.add(NODES.booleanNode(false));
            }
            case "boolean" -> wrong.add(NODES.numberNode(1));
            case "array" -> wrong.add(NODES.textNode("x"));
            case "object" -> {
                wrong.add(NODES.textNode("x"));
                wrong.add(NODES.arrayNode().add(1));
            }
            default -> wrong.add(NODES.arrayNode());
        }
        if (schema.has("enum")) {
            wrong.add(NODES.numberNode(1));
        }
        return wrong;
    }

    private List<JsonNode> outOfRange(JsonNode raw, JsonNode schema, JsonNode current) {
        List<JsonNode> bad = new ArrayList<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            bad.add(NODES.textNode("NOT_ONE_OF_THEM"));
            bad.add(NODES.textNode(schema.path("enum").get(0).asText().toLowerCase()));
        } else if ("decimal".equals(format)) {
            bad.addAll(List.of(NODES.textNode("-5.00"), NODES.textNode("1.234"), NODES.textNode("1e3"),
                    NODES.textNode("12,50"), NODES.textNode(""), NODES.numberNode(new java.math.BigDecimal("12.50")),
                    NODES.textNode("9".repeat(40))));
        } else if ("date-time".equals(format)) {
            bad.addAll(List.of(NODES.textNode("+1000000000-12-31T00:00:00Z"), NODES.textNode("2026-13-01T00:00:00Z"),
                    NODES.textNode("1999-01-01T00:00:00Z"), NODES.numberNode(1_700_000_000), NODES.textNode("now")));
        } else if ("uuid".equals(format)) {
            bad.addAll(List.of(NODES.textNode("not-a-uuid"), NODES.textNode(UUID.randomUUID() + control())));
        } else if ("string".equals(type)) {
            String base = current != null && current.isTextual() ? current.asText() : "value";
            int max = schema.path("maxLength").asInt(5000);
            bad.add(NODES.textNode("a".repeat(max + 1)));
            if (schema.path("minLength").asInt(0) > 1) {
                bad.add(NODES.textNode("a".repeat(schema.path("minLength").asInt() - 1)));
            }
            bad.add(NODES.textNode(""));
            bad.add(NODES.textNode("   "));
            bad.add(NODES.textNode(base + "\u0000")); // PostgreSQL cannot store NUL in text
            bad.add(NODES.textNode(base + control() + "fuzz"));
            bad.add(NODES.textNode(base + LONE_SURROGATE));
        } else if ("integer".equals(type)) {
            if (schema.has("maximum")) {
                bad.add(NODES.numberNode(schema.path("maximum").asLong() + 1));
            }
            if (schema.has("minimum")) {
                bad.add(NODES.numberNode(schema.path("minimum").asLong() - 1));
            }
            bad.add(NODES.numberNode(1L << 40));
            bad.add(NODES.numberNode(1.5));
        } else if ("array".equals(type)) {
            if (schema.has("maxItems") && current != null && current.size() > 0) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                    many.add(current.get(0).deepCopy());
                }
                bad.add(many);
            }
            if (schema.path("minItems").asInt(0) > 0) {
                bad.add(NODES.arrayNode());
            }
            bad.add(NODES.arrayNode().addNull());
        }
        return bad;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Documents that are not JSON, or not the JSON this endpoint reads
    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, byte[]> malformedDocuments() {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (String text : List.of("", "{", "}", "[]", "null", "42", "\"text\"", "{\"a\": NaN}", "{\"a\": Infinity}",
                "{} {}", "{\"a\": 1,}", "{'a': 1}", "{\"a\": 01}", "{\"a\" 1}", "{\"a\": \"unterminated",
                "[".repeat(3000), "{\"a\": " + "1".repeat(3000) + "}", "\uFEFF{}", "{\"a\": \"\\u00\"}",
                "{\"a\": tru}", "/* comment */ {}")) {
            documents.put(abbreviate(text), text.getBytes(StandardCharsets.UTF_8));
        }
        documents.put("invalid UTF-8", new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
        documents.put("lone continuation byte", new byte[] { '{', '"', (byte) 0x80, '"', ':', '1', '}' });
        documents.put("UTF-16", "{\"a\": 1}".getBytes(StandardCharsets.UTF_16));
        return documents;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sending and judging
    // ---------------------------------------------------------------------------------------------------------

    private void send(Operation op, Attempt attempt) {
        requests++;
        String caller = caller(op);
        RequestSpecification request = Api.as(caller).urlEncodingEnabled(true);
        if (attempt.body() != null) {
            request = request.contentType(attempt.contentType()).body(attempt.body());
        }
        attempt.headers().forEach(request::header);
        for (Map.Entry<String, String> q : attempt.query().entrySet()) {
            request = request.queryParam(q.getKey(), encodePath(q.getValue()));
        }
        String url = op.path();
        for (Map.Entry<String, String> p : attempt.pathParams().entrySet()) {
            url = url.replace("{" + p.getKey() + "}", encodePath(p.getValue()));
        }
        Response response;
        try {
            response = request.urlEncodingEnabled(false).request(op.method(), url);
        } catch (RuntimeException e) {
            failures.add(op.name() + " [" + attempt.description() + "]: the request failed: " + e);
            return;
        }
        judge(op, attempt, response);
    }

    private void judge(Operation op, Attempt attempt, Response response) {
        int status = response.statusCode();
        String where = op.name() + " [" + attempt.description() + "] -> " + status;
        if (status >= 500) {
            failures.add(where + ": " + abbreviate(response.asString()));
            return;
        }
        if (status == 400 && attempt.description().equals("valid request")) {
            failures.add(where + ": the fuzzer's valid request is refused, so its changes test nothing: "
                    + abbreviate(response.asString()));
        }
        if (status < 400) {
            if (attempt.field() != null) {
                accepted.add(where);
            }
            return;
        }
        String contentType = response.contentType() == null ? "" : response.contentType();
        if (!contentType.startsWith("application/problem+json")) {
            failures.add(where + ": error answer as '" + contentType + "'");
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.asByteArray());
        } catch (Exception e) {
            failures.add(where + ": the problem is not JSON");
            return;
        }
        for (String member : List.of("type", "title", "status", "detail")) {
            if (!problem.hasNonNull(member)) {
                failures.add(where + ": the problem has no " + member);
            }
        }
        if (problem.path("status").asInt() != status) {
            failures.add(where + ": the problem says status " + problem.path("status"));
        }
        String text = problem.toString();
        if (text.contains("Exception") || text.contains("com.fasterxml") || text.contains("java.") || text.contains("\tat ")) {
            failures.add(where + ": the problem names classes: " + abbreviate(text));
        }
        if (status == 400 && attempt.field() != null && !names(problem, attempt.field())) {
            failures.add(where + ": the problem does not name '" + attempt.field() + "': " + abbreviate(text));
        }
    }

    private static boolean names(JsonNode problem, String field) {
        for (JsonNode violation : problem.path("violations")) {
            String named = violation.path("field").asText();
            if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Valid requests: callers, parameters and bodies
    // ---------------------------------------------------------------------------------------------------------

    private String caller(Operation op) {
        JsonNode roles = op.spec().path("security").path(0).path("SecurityScheme");
        String role = roles.size() == 0 ? "crm" : roles.get(0).asText();
        return CALLER.getOrDefault(role, "admin");
    }

    private Map<String, String> validPathParams(Operation op) {
        Map<String, String> params = new LinkedHashMap<>();
        for (JsonNode parameter : op.spec().path("parameters")) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = switch (name) {
                case "level" -> "AGENT";
                case "agentId" -> "agent-ben";
                default -> op.path().startsWith("/api/cases") ? caseId
                        : op.path().startsWith("/api/tasks") ? taskId
                        : op.path().startsWith("/api/webhooks") ? webhookId
                        : UUID.randomUUID().toString();
            };
            params.put(name, value);
        }
        return params;
    }

    private Map<String, String> validHeaders(Operation op) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : op.spec().path("parameters")) {
            if ("header".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                // A stale entity tag: empowerment changes stop at 412 and never touch what other tests use.
                headers.put(name, name.equalsIgnoreCase("If-Match") ? "\"fuzz-stale\"" : UUID.randomUUID().toString());
            }
        }
        return headers;
    }

    private JsonNode bodySchema(Operation op) {
        JsonNode schema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        return schema.has("oneOf") ? schema.path("oneOf").get(0) : schema; // complete: the task is ACCOUNTABILITY
    }

    /** A valid body: the contract's examples where the meaning matters, else built from the schema. */
    private ObjectNode baseBody(Operation op, JsonNode schema) {
        String key = op.name();
        try {
            return switch (key) {
                case "POST /api/cases" -> (ObjectNode) JSON.valueToTree(CaseRequests.aCase().with("ownerAgent", "agent-ana").build());
                case "POST /api/cases/{id}/cancel" -> (ObjectNode) JSON.readTree("{\"reason\": \"Customer withdrew\"}");
                case "POST /api/apologies/check" -> (ObjectNode) JSON.valueToTree(
                        Map.of("caseId", taskCaseId, "message", Recovery.apology().get("message")));
                case "POST /api/webhooks" -> (ObjectNode) JSON.valueToTree(
                        Map.of("url", WEBHOOK_URL, "events", List.of("case.opened", "case.recovered")));
                case "POST /api/empowerment/simulations" -> (ObjectNode) JSON.readTree("{\"from\": \"2026-01-01T00:00:00Z\", "
                        + "\"to\": \"2026-02-01T00:00:00Z\", \"levels\": [{\"level\": \"AGENT\", \"limits\": [{\"currency\": "
                        + "\"EUR\", \"maxCreditPerCase\": \"50.00\", \"maxDiscountPercent\": 15, \"dailyBudget\": \"500.00\"}]}]}");
                case "PUT /api/empowerment/levels/{level}" -> (ObjectNode) JSON.readTree("{\"limits\": [{\"currency\": \"EUR\", "
                        + "\"maxCreditPerCase\": \"50.00\", \"maxDiscountPercent\": 15, \"dailyBudget\": \"500.00\"}], "
                        + "\"reason\": \"Fuzz\"}");
                case "PUT /api/empowerment/agents/{agentId}" -> (ObjectNode) JSON.readTree("{\"level\": \"AGENT\", "
                        + "\"overrides\": [{\"currency\": \"EUR\", \"maxCreditPerCase\": \"40.00\", \"maxDiscountPercent\": 10, "
                        + "\"dailyBudget\": \"400.00\"}], \"reason\": \"Fuzz\"}");
                case "POST /api/tasks/{id}/complete" -> (ObjectNode) JSON.valueToTree(Recovery.accountability());
                default -> (ObjectNode) generate(resolve(schema), "");
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value the schema accepts, for operations without a hand-written example. */
    private JsonNode generate(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        if (schema.has("examples")) {
            return schema.path("examples").get(0);
        }
        return switch (schema.path("type").asText()) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields()
                        .forEachRemaining(p -> object.set(p.getKey(), generate(resolve(p.getValue()), p.getKey())));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(generate(resolve(schema.path("items")), name));
            case "integer", "number" -> NODES.numberNode(schema.path("minimum").asInt(1));
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (schema.path("format").asText()) {
                case "uuid" -> NODES.textNode(caseId);
                case "date-time" -> NODES.textNode("2026-11-20T10:00:00Z");
                case "decimal" -> NODES.textNode("10.00");
                default -> NODES.textNode(name.equals("currency") ? "EUR" : "Fuzz " + name + " value");
            };
        };
    }

    private void claimTheTaskAgain(Operation op) {
        if (op.path().startsWith("/api/tasks/{id}")) {
            Api.as("agent-ana").post("/api/tasks/" + taskId + "/claim");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String ref = resolved.path("$ref").asText();
            JsonNode target = document.at(ref.substring(1));
            if (resolved.size() > 1 && target.isObject()) {
                // Sibling keywords next to $ref (format, pattern) refine the target.
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                resolved.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("$ref")) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                return merged;
            }
            resolved = target;
        }
        return resolved;
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static String field(List<Object> path) {
        StringBuilder field = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(step);
            }
        }
        return field.toString();
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private String control() {
        return CONTROL[random.nextInt(CONTROL.length)];
    }

    private static byte[] bytes(JsonNode body) {
        // A lone surrogate cannot be encoded as UTF-8; it travels as the JSON escape \ud800.
        return body == null ? null
                : body.toString().replace(LONE_SURROGATE, "\\ud800").getBytes(StandardCharsets.UTF_8);
    }

    private static String json(JsonNode body) {
        return body == null ? null : "application/json";
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encodePath(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Short, and with every control character escaped: reports must not carry what the fuzzer sends. */
    private static String abbreviate(String text) {
        StringBuilder flat = new StringBuilder();
        for (char c : text.toCharArray()) {
            flat.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat.toString();
    }
}
