package io.servicerecovery.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.GreenMailResource;

/**
 * The OpenAPI document in openapi/ is what CRM teams read and generate clients from:
 * it must be exactly what the running service serves.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
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
                .as("openapi/openapi.json differs from /q/openapi: run 'mvn -DskipTests package' and commit openapi/")
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

    @Test
    void documentsTheContractPaths() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json"))).get("paths");
        assertThat(paths.has("/api/cases")).isTrue();
        assertThat(paths.has("/api/cases/{id}/cancel")).isTrue();
        assertThat(paths.has("/api/tasks/{id}/complete")).isTrue();
    }
}
