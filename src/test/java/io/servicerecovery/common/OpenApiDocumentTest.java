package io.servicerecovery.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document in openapi/ is what CRM teams read and generate clients from:
 * it must be exactly what the running service serves.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theCheckedInDocumentIsWhatTheServiceServes() throws Exception {
        Path checkedIn = Path.of("openapi", "openapi.json");
        assertThat(checkedIn).as("openapi/openapi.json exists").exists();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode served = mapper.readTree(given().accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        JsonNode committed = mapper.readTree(Files.readString(checkedIn));
        java.util.List<String> differences = new java.util.ArrayList<>();
        diff("", committed, served, differences);
        assertThat(differences)
                .as("openapi/openapi.json differs from /q/openapi: run 'mvn -Dmaven.test.skip=true package' and commit openapi/")
                .isEmpty();
    }

    /** The JSON pointers where the two documents differ (at most 20), instead of two whole documents. */
    private static void diff(String at, JsonNode expected, JsonNode actual, java.util.List<String> out) {
        if (out.size() >= 20 || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = at + "/" + name;
                if (!expected.has(name)) {
                    out.add(path + " is served but not checked in");
                } else if (!actual.has(name)) {
                    out.add(path + " is checked in but not served");
                } else {
                    diff(path, expected.get(name), actual.get(name), out);
                }
            }
        } else {
            out.add(at + ": checked in " + abbreviate(expected) + ", served " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    /**
     * What a generated client needs: a stable method name per operation (operationId), words for its
     * documentation, one feature tag, and for every error it can get a problem+json body it can read.
     */
    @Test
    void everyOperationIsNamedDescribedAndDeclaresItsErrorsAsProblems() throws Exception {
        JsonNode document = new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json")));
        java.util.List<String> missing = new java.util.ArrayList<>();
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        int operations = 0;
        for (var path : iterable(document.path("paths").fields())) {
            for (var method : iterable(path.getValue().fields())) {
                String at = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = method.getValue();
                operations++;
                String operationId = op.path("operationId").asText();
                if (!operationId.matches("[a-z][A-Za-z]+")) {
                    missing.add(at + ": operationId '" + operationId + "' is not a lowerCamelCase name");
                } else if (!operationIds.add(operationId)) {
                    missing.add(at + ": operationId " + operationId + " is used twice");
                }
                for (String member : java.util.List.of("summary", "description")) {
                    if (op.path(member).asText().isBlank()) {
                        missing.add(at + ": no " + member);
                    }
                }
                if (op.path("tags").size() != 1) {
                    missing.add(at + ": tags " + op.path("tags"));
                }
                for (String code : java.util.List.of("401", "403")) {
                    if (!op.path("responses").has(code)) {
                        missing.add(at + ": does not declare " + code);
                    }
                }
                for (var response : iterable(op.path("responses").fields())) {
                    JsonNode declared = response.getValue();
                    if (declared.has("$ref")) {
                        declared = document.at(declared.path("$ref").asText().substring(1));
                    }
                    if (response.getKey().startsWith("4") && !declared.path("content").path(Problem.MEDIA_TYPE)
                            .path("schema").path("$ref").asText().endsWith("/Problem")) {
                        missing.add(at + ": " + response.getKey() + " is not declared as a problem+json Problem");
                    }
                    if (response.getKey().startsWith("2") && !response.getKey().equals("204")
                            && declared.path("content").isEmpty()) {
                        missing.add(at + ": " + response.getKey() + " declares no body");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    @Test
    void schemaNamesAreUniqueWithoutNumbers() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json")))
                .path("components").path("schemas");
        java.util.List<String> names = new java.util.ArrayList<>();
        schemas.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("Customer", "CaseCustomer", "Failure", "CaseFailure", "Decimal")
                .noneMatch(name -> name.matches(".*\\d$") || name.contains("."));
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    @Test
    void documentsTheContractPaths() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json"))).get("paths");
        assertThat(paths.has("/api/cases")).isTrue();
        assertThat(paths.has("/api/cases/{id}/cancel")).isTrue();
        assertThat(paths.has("/api/tasks/{id}/complete")).isTrue();
    }
}
