package io.servicerecovery.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.testkit.PackagedService;
import io.servicerecovery.testkit.RecoveryCalls;

/**
 * Nothing confirmed is lost (issue 11): the packaged service is killed with SIGKILL while
 * CRM clients open cases from several threads, started again on the same database, and
 * every case it had answered {@code 201} is there, and its Idempotency-Key replays it.
 * Runs on the embedded default ({@code mvn verify}, the demo build's own H2 URL) and on
 * PostgreSQL ({@code mvn verify -Ppostgresql}).
 */
class CrashRecoveryIT {

    static final int CLIENTS = 6;
    static final int CRASHES = 2;
    static final String CRM = "crm-acme";
    static final ObjectMapper JSON = new ObjectMapper();

    static PackagedService service;
    static RecoveryCalls calls;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Intake(String key, Map<String, Object> body, String caseId) {
    }

    @BeforeAll
    static void start() throws Exception {
        service = ItDeployment.onFreshDatabase("crash-it");
        calls = new RecoveryCalls(service.url(), Duration.ofSeconds(30));
        service.start();
        service.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void everyCaseAnswered201SurvivesAKillDashNineAndItsKeyReplaysIt() throws Exception {
        List<Intake> confirmed = new ArrayList<>();
        List<Intake> unanswered = new ArrayList<>();
        for (int crash = 1; crash <= CRASHES; crash++) {
            // given cases being opened from several threads
            ConcurrentLinkedQueue<Intake> answered = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Intake> cutOff = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(() -> openCasesUntilCutOff(killed, answered, cutOff, unexpected), "crm-" + i);
                client.start();
                clients.add(client);
            }
            // when the service is killed at a random moment while they are confirmed
            awaitAnswers(answered, 10);
            Thread.sleep(ThreadLocalRandom.current().nextLong(500, 2500));
            killed.set(true);
            service.kill();
            for (Thread client : clients) {
                client.join(30_000);
            }
            assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();
            confirmed.addAll(answered);
            unanswered.addAll(cutOff);

            // then, started again on the same database, every confirmed case is there
            service.start();
            service.awaitReady(Duration.ofMinutes(3));
            for (Intake intake : confirmed) {
                HttpResponse<String> read = call(calls.caseView(crm(), intake.caseId()));
                assertThat(read.statusCode()).as("GET of confirmed case %s after crash %d", intake.caseId(), crash)
                        .isEqualTo(200);
                assertThat(JSON.readTree(read.body()).path("id").asText()).isEqualTo(intake.caseId());
                HttpResponse<String> retry = open(intake.key(), intake.body());
                assertThat(retry.statusCode()).as("retry of %s after crash %d: %s", intake.key(), crash, retry.body())
                        .isEqualTo(201);
                assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
                assertThat(JSON.readTree(retry.body()).path("id").asText()).isEqualTo(intake.caseId());
            }
        }
        System.out.printf("[crash-it] %s: %d cases answered 201 over %d kills, all found after restarts; %d requests cut off%n",
                ItDeployment.postgres() ? "PostgreSQL" : "H2", confirmed.size(), CRASHES, unanswered.size());
        assertThat(confirmed).as("cases answered 201 before the kills").hasSizeGreaterThanOrEqualTo(20);
        assertThat(unanswered).as("requests cut off by the kills").isNotEmpty();

        // A request cut off by the kill either committed (its key replays the case) or left nothing:
        // its key waits for the in-flight timeout (409), never a 5xx, never a second case.
        for (Intake intake : unanswered) {
            HttpResponse<String> retry = open(intake.key(), intake.body());
            assertThat(retry.statusCode()).as("retry of cut-off %s: %s", intake.key(), retry.body()).isIn(201, 409);
        }
    }

    private void openCasesUntilCutOff(AtomicBoolean killed, ConcurrentLinkedQueue<Intake> answered,
            ConcurrentLinkedQueue<Intake> cutOff, ConcurrentLinkedQueue<String> unexpected) {
        while (!killed.get()) {
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = CaseRequests.aCase().build();
            try {
                HttpResponse<String> answer = open(key, body);
                if (answer.statusCode() == 201) {
                    answered.add(new Intake(key, body, JSON.readTree(answer.body()).path("id").asText()));
                } else {
                    unexpected.add(answer.statusCode() + " " + answer.body());
                }
            } catch (IOException connectionLost) {
                cutOff.add(new Intake(key, body, null));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpResponse<String> open(String key, Map<String, Object> body) throws IOException, InterruptedException {
        return call(calls.openCase(crm(), key, JSON.writeValueAsString(body)));
    }

    private HttpResponse<String> call(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String crm() {
        return ItDeployment.authorization(CRM, "crm");
    }

    private static void awaitAnswers(ConcurrentLinkedQueue<Intake> answered, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (answered.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + answered.size() + " cases answered within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
