package io.servicerecovery.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.testkit.Apologies;
import io.servicerecovery.testkit.PackagedService;
import io.servicerecovery.testkit.RecoveryCalls;

/**
 * Two instances of the packaged service (prod profile, JSON logs) on one PostgreSQL: a
 * case opened on one is worked on the other, and every side effect happens once, not
 * once per replica. Run by {@code mvn verify -Ppostgresql} after the package is built.
 */
class TwoReplicasIT {

    static final String DATABASE = "replicas_it";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static GreenMail smtp;
    static com.sun.net.httpserver.HttpServer webhookReceiver;
    static final List<String[]> webhooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final List<PackagedService> replicas = new ArrayList<>();

    @BeforeAll
    static void twoReplicasOnOneDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(ItDeployment.adminUrl(), "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        smtp = new GreenMail(new ServerSetup(PackagedService.freePorts(1)[0], "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        webhookReceiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        webhookReceiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            webhooks.add(new String[] { exchange.getRequestHeaders().getFirst("webhook-id"), body });
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
        // The first replica creates the schemas; the second joins a running installation.
        replicas.add(start("a"));
        replicas.get(0).awaitReady(Duration.ofSeconds(90));
        replicas.add(start("b"));
        replicas.get(1).awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (PackagedService replica : replicas) {
            replica.stop();
        }
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aCaseOpenedOnOneReplicaIsRecoveredOnTheOtherWithEverySideEffectOnce() throws Exception {
        RecoveryCalls a = calls(replicas.get(0));
        RecoveryCalls b = calls(replicas.get(1));
        String crm = ItDeployment.authorization("crm-it", "crm");
        givesAgentsLimits(a);
        // Earlier runs on a kept database left their subscriptions (to receivers long gone); a client may have 25.
        for (JsonNode earlier : ok(200, b.request("/api/webhooks?limit=100", crm).GET().build()).path("items")) {
            ok(204, b.request("/api/webhooks/" + earlier.path("id").asText(), crm).DELETE().build());
        }
        ok(201, b.request("/api/webhooks", crm).header("Content-Type", "application/json").POST(BodyPublishers.ofString(
                JSON.writeValueAsString(Map.of("url", "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks",
                        "events", List.of("*"))))).build());

        CaseRequests request = CaseRequests.aCase();
        String caseId = ok(201, a.openCase(crm, UUID.randomUUID().toString(), JSON.writeValueAsString(request.build())))
                .path("id").asText();

        String agent = ItDeployment.authorization("agent-it", "agent");
        String accountability = task(b, agent, caseId, "ACCOUNTABILITY");
        ok(200, b.claim(agent, accountability));
        ok(200, b.complete(agent, accountability, RecoveryCalls.ACCOUNTABILITY));
        String apology = task(a, agent, caseId, "APOLOGY");
        ok(200, a.complete(agent, apology, RecoveryCalls.apology(Apologies.nth(0))));
        String proposal = task(b, agent, caseId, "COMPENSATION");
        assertThat(ok(200, b.complete(agent, proposal, RecoveryCalls.credit("20.00", "Late"))).path("decision").asText())
                .isEqualTo("APPROVED_WITHIN_EMPOWERMENT");
        await("case " + caseId + " recovered", () -> ok(200, a.caseView(crm, caseId)),
                json -> "RECOVERED".equals(json.path("status").asText()));
        await("the case.recovered webhook", () -> webhooks.stream().map(w -> w[1]).toList(),
                bodies -> bodies.stream().anyMatch(body -> body.contains("\"case.recovered\"") && body.contains(caseId)));
        // Before counting side effects, wait (with a deadline) until nothing about the case is left to run: the
        // process has ended and has no job left, every delivery of its webhooks is final, and the receiver got
        // exactly as many requests as the deliveries record attempts (a send by a second replica, or a retry after
        // back-off, would show as one more request or attempt).
        String processInstanceId = ok(200, a.caseView(crm, caseId)).path("processInstanceId").asText();
        await("nothing left to run for case " + caseId, () -> {
            try {
                long jobs = count("select count(*) from act_ru_job where process_instance_id_ = ?", processInstanceId);
                long running = count("select count(*) from act_hi_procinst where proc_inst_id_ = ? and end_time_ is null",
                        processInstanceId);
                long open = count("select count(*) from webhook_delivery d join webhook_event e on e.id = d.event_id"
                        + " where e.case_id = ? and d.status not in ('DELIVERED', 'FAILED')", UUID.fromString(caseId));
                long attempts = count("select coalesce(sum(d.attempts), 0) from webhook_delivery d join webhook_event e"
                        + " on e.id = d.event_id where e.case_id = ?", UUID.fromString(caseId));
                long received = webhooks.stream().filter(w -> w[1].contains(caseId)).count();
                return List.of(jobs, running, open, attempts - received);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, state -> state.equals(List.of(0L, 0L, 0L, 0L)));

        String messageId = "<case-" + caseId + ".apology@service-recovery.example.com>";
        long emails = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return messageId.equals(m.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
        assertThat(emails).as("follow-up emails").isEqualTo(1);
        assertThat(count("select count(*) from compensation_grant where case_id = ?", UUID.fromString(caseId)))
                .as("grants").isEqualTo(1);
        assertThat(count("select count(*) from timeline_entry where case_id = ? and kind = 'EMAIL_SENT'",
                UUID.fromString(caseId))).as("EMAIL_SENT entries").isEqualTo(1);
        List<String[]> aboutTheCase = webhooks.stream().filter(w -> w[1].contains(caseId)).toList();
        assertThat(aboutTheCase).extracting(w -> w[0]).as("each webhook once, not once per replica")
                .doesNotHaveDuplicates().hasSize(6);
        io.servicerecovery.notify.webhooks.WebhookDeliveryTest.assertInTheOrderTheyHappened(
                aboutTheCase.stream().map(w -> json(w[1]).path("type").asText()).toList());
        assertThat(count("select count(*) from act_re_procdef where key_ = 'service-recovery'", null))
                .as("deployed versions of the process").isEqualTo(1);
        assertThat(count("select count(*) from act_re_decision_def where key_ = 'compensation-matrix'", null))
                .as("deployed versions of the decision").isEqualTo(1);

        // The replicas log JSON, with the case in the context of the lines about it.
        List<JsonNode> caseLines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (PackagedService replica : replicas) {
            for (String line : Files.readAllLines(replica.log())) {
                if (line.startsWith("{")) {
                    JsonNode node = json.readTree(line);
                    if (caseId.equals(node.path("mdc").path("caseId").asText())) {
                        caseLines.add(node);
                    }
                }
            }
        }
        assertThat(caseLines).extracting(n -> n.path("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("Case opened"))
                .anySatisfy(m -> assertThat(m).isEqualTo("Case closed as recovered"));
        assertThat(caseLines).allSatisfy(n -> assertThat(n.path("mdc").path("processInstanceId").asText()).isNotBlank());
    }

    /** A fresh installation has no limits: its bootstrap director sets them, top down. */
    private static void givesAgentsLimits(RecoveryCalls replica) {
        String director = ItDeployment.authorization("director-it", "manager");
        String[][] levels = { { "MANAGER", "2000.00", "60", "20000.00" }, { "TEAM_LEAD", "500.00", "40", "5000.00" },
                { "SENIOR_AGENT", "150.00", "25", "1500.00" }, { "AGENT", "50.00", "15", "500.00" } };
        for (String[] level : levels) {
            HttpResponse<String> current = send(replica.level(director, level[0]));
            assertThat(current.statusCode()).as("GET level %s: %s", level[0], current.body()).isEqualTo(200);
            String etag = current.headers().firstValue("ETag").orElseThrow();
            ok(200, replica.setLevel(director, level[0], etag,
                    RecoveryCalls.levelLimits(level[1], Integer.parseInt(level[2]), level[3], "Initial limits")));
        }
    }

    private static String task(RecoveryCalls replica, String agent, String caseId, String type) {
        return await(type + " task", () -> ok(200, replica.tasks(agent, caseId, type, 0)),
                json -> !json.path("items").isEmpty()).path("items").path(0).path("id").asText();
    }

    private static RecoveryCalls calls(PackagedService replica) {
        return new RecoveryCalls(replica.url(), Duration.ofSeconds(30));
    }

    /** The answer's JSON (null without a body), after checking its status. */
    private static JsonNode ok(int status, HttpRequest request) {
        HttpResponse<String> answer = send(request);
        assertThat(answer.statusCode()).as("%s %s: %s", request.method(), request.uri(), answer.body()).isEqualTo(status);
        return answer.body().isEmpty() ? null : json(answer.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static PackagedService start(String name) throws IOException {
        PackagedService replica = new PackagedService(name, Path.of(System.getProperty("quarkus.app")),
                Path.of("target", "replicas"), Path.of("target", "replicas", name + ".log")).jvmOptions("-Xmx512m");
        replica.with("QUARKUS_PROFILE", "prod")
                .with("DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE)
                .with("DB_USERNAME", "postgres")
                .with("DB_PASSWORD", "")
                .with("SMTP_HOST", "127.0.0.1")
                .with("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()))
                .with("SMTP_START_TLS", "DISABLED")
                .with("QUARKUS_MAILER_PIPELINING", "false")
                .with("JWT_PUBLIC_KEY_LOCATION", new File("src/test/resources/jwt/test-public-key.pem").getAbsolutePath())
                .with("JWT_ISSUER", ItDeployment.ISSUER)
                .with("BOOTSTRAP_DIRECTOR", "director-it")
                // The test's webhook receiver listens on loopback.
                .with("RECOVERY_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
        replica.start();
        return replica;
    }

    private static long count(String query, Object parameter) throws Exception {
        try (Connection db = DriverManager.getConnection(ItDeployment.databaseUrl(DATABASE), "postgres", "");
                PreparedStatement sql = db.prepareStatement(query)) {
            if (parameter != null) {
                sql.setObject(1, parameter);
            }
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what + "; last: " + last);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
