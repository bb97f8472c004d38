package io.servicerecovery.cases;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;

/** A CRM that retries hard: 1,000 concurrent requests over 100 keys, some with another body. */
@QuarkusTest
class IdempotencyLoadTest {

    static final int KEYS = 100;
    static final int REQUESTS_PER_KEY = 10;

    record Sent(String key, boolean mismatch, Response answer) {
    }

    @Test
    void aThousandConcurrentRetriesOverAHundredKeysOpenExactlyAHundredCases() throws Exception {
        String customer = "C-load-" + UUID.randomUUID();
        Map<String, CaseRequests> bodies = new HashMap<>();
        Map<String, CaseRequests> otherBodies = new HashMap<>();
        List<Callable<Sent>> calls = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            String key = "load-" + UUID.randomUUID();
            bodies.put(key, aCase().customer("id", customer));
            otherBodies.put(key, aCase().customer("id", customer));
            for (int r = 0; r < REQUESTS_PER_KEY; r++) {
                boolean mismatch = r == REQUESTS_PER_KEY - 1; // one in ten sends another body with the same key
                CaseRequests body = mismatch ? otherBodies.get(key) : bodies.get(key);
                calls.add(() -> new Sent(key, mismatch, Api.as("crm-acme").header("Idempotency-Key", key)
                        .body(body.build()).post("/api/cases")));
            }
        }
        Collections.shuffle(calls);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Sent> sent = new ArrayList<>();
        try {
            for (Future<Sent> f : pool.invokeAll(calls)) {
                sent.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(sent).hasSize(KEYS * REQUESTS_PER_KEY);
        assertThat(sent).allSatisfy(s -> assertThat(s.answer().statusCode()).as(s.answer().asString())
                .isIn(201, 409, 422));
        Map<String, List<Sent>> byKey = new HashMap<>();
        sent.forEach(s -> byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        for (List<Sent> forKey : byKey.values()) {
            List<String> created = forKey.stream().filter(s -> s.answer().statusCode() == 201)
                    .map(s -> s.answer().asString()).distinct().toList();
            // Every success for a key is the first answer, byte for byte.
            assertThat(created).hasSize(1);
            String winnerRef = io.restassured.path.json.JsonPath.from(created.get(0)).getString("externalRef");
            boolean mismatchWon = winnerRef.equals(otherBodies.get(forKey.get(0).key()).externalRef());
            for (Sent s : forKey) {
                boolean sameBodyAsWinner = s.mismatch() == mismatchWon;
                if (!sameBodyAsWinner) {
                    assertThat(s.answer().statusCode()).as("another body with a used key").isEqualTo(422);
                }
            }
        }
        assertThat(countCasesOf(customer)).isEqualTo(KEYS);
    }

    private static int countCasesOf(String customer) {
        int count = 0;
        String cursor = null;
        do {
            var request = Api.as("crm-acme").queryParam("customerId", customer).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/cases").then().statusCode(200).extract().jsonPath();
            count += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return count;
    }
}
