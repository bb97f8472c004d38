package io.servicerecovery.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
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
import java.util.Set;
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

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.testkit.Apologies;
import io.servicerecovery.testkit.PackagedService;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Two instances of the packaged service (prod profile, JSON logs) on one PostgreSQL: a
 * case opened on one is worked on the other, and every side effect happens once, not
 * once per replica. Run by {@code mvn verify -Ppostgresql} after the package is built.
 */
class TwoReplicasIT {

    static final String DATABASE = "replicas_it";
    static final String ISSUER = "https://auth.test.service-recovery";

    static GreenMail smtp;
    static com.sun.net.httpserver.HttpServer webhookReceiver;
    static final List<String[]> webhooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    static PrivateKey signingKey;
    static final List<PackagedService> replicas = new ArrayList<>();

    @BeforeAll
    static void twoReplicasOnOneDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(adminUrl(), "postgres", "");
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
        signingKey = KeyUtils.readPrivateKey("jwt/test-private-key.pem");
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
        PackagedService a = replicas.get(0);
        PackagedService b = replicas.get(1);
        givesAgentsLimits(a);
        // Earlier runs on a kept database left their subscriptions (to receivers long gone); a client may have 25.
        for (String earlier : as(b, "crm-it", "crm").queryParam("limit", 100).get("/api/webhooks").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class)) {
            as(b, "crm-it", "crm").delete("/api/webhooks/" + earlier).then().statusCode(204);
        }
        as(b, "crm-it", "crm").body(Map.of("url", "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks",
                "events", List.of("*"))).post("/api/webhooks").then().statusCode(201);

        CaseRequests request = CaseRequests.aCase();
        String caseId = as(a, "crm-it", "crm").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(request.build()).post("/api/cases").then().statusCode(201).extract().path("id");

        String agent = "agent-it";
        String accountability = task(b, agent, caseId, "ACCOUNTABILITY");
        as(b, agent, "agent").post("/api/tasks/" + accountability + "/claim").then().statusCode(200);
        as(b, agent, "agent").body(Map.of("statement", "We promised a date we could not keep; that is on us.",
                "rootCause", "CARRIER_DELAY")).post("/api/tasks/" + accountability + "/complete").then().statusCode(200);
        String apology = task(a, agent, caseId, "APOLOGY");
        as(a, agent, "agent").body(Map.of("message", Apologies.nth(0), "deliveredVia", "PHONE"))
                .post("/api/tasks/" + apology + "/complete").then().statusCode(200);
        String proposal = task(b, agent, caseId, "COMPENSATION");
        as(b, agent, "agent").body(Map.of("type", "CREDIT", "amount", "20.00", "currency", "EUR", "reason", "Late"))
                .post("/api/tasks/" + proposal + "/complete").then().statusCode(200)
                .body("decision", org.hamcrest.Matchers.equalTo("APPROVED_WITHIN_EMPOWERMENT"));
        await("case " + caseId + " recovered", () -> as(a, "crm-it", "crm").get("/api/cases/" + caseId).then()
                .extract().jsonPath(), json -> "RECOVERED".equals(json.getString("status")));
        await("the case.recovered webhook", () -> webhooks.stream().map(w -> w[1]).toList(),
                bodies -> bodies.stream().anyMatch(body -> body.contains("\"case.recovered\"") && body.contains(caseId)));
        // Before counting side effects, wait (with a deadline) until nothing about the case is left to run: the
        // process has ended and has no job left, every delivery of its webhooks is final, and the receiver got
        // exactly as many requests as the deliveries record attempts (a send by a second replica, or a retry after
        // back-off, would show as one more request or attempt).
        String processInstanceId = as(a, "crm-it", "crm").get("/api/cases/" + caseId).then().extract()
                .path("processInstanceId");
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
        assertThat(aboutTheCase).extracting(w -> json(w[1]).path("type").asText()).containsExactly("case.opened",
                "case.accountability_taken", "case.apology_sent", "case.compensation_approved",
                "case.compensation_granted", "case.recovered");
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
    private static void givesAgentsLimits(PackagedService replica) {
        Map<String, Map<String, Object>> limits = Map.of(
                "MANAGER", Map.of("currency", "EUR", "maxCreditPerCase", "2000.00", "maxDiscountPercent", 60, "dailyBudget", "20000.00"),
                "TEAM_LEAD", Map.of("currency", "EUR", "maxCreditPerCase", "500.00", "maxDiscountPercent", 40, "dailyBudget", "5000.00"),
                "SENIOR_AGENT", Map.of("currency", "EUR", "maxCreditPerCase", "150.00", "maxDiscountPercent", 25, "dailyBudget", "1500.00"),
                "AGENT", Map.of("currency", "EUR", "maxCreditPerCase", "50.00", "maxDiscountPercent", 15, "dailyBudget", "500.00"));
        for (String level : List.of("MANAGER", "TEAM_LEAD", "SENIOR_AGENT", "AGENT")) {
            String etag = as(replica, "director-it", "manager").get("/api/empowerment/levels/" + level).then()
                    .statusCode(200).extract().header("ETag");
            as(replica, "director-it", "manager").header("If-Match", etag)
                    .body(Map.of("limits", List.of(limits.get(level)), "reason", "Initial limits"))
                    .put("/api/empowerment/levels/" + level).then().statusCode(200);
        }
    }

    private static String task(PackagedService replica, String agent, String caseId, String type) {
        return await(type + " task", () -> as(replica, agent, "agent").queryParam("caseId", caseId)
                .queryParam("type", type).get("/api/tasks").then().extract().jsonPath(),
                json -> !json.getList("items").isEmpty()).getString("items[0].id");
    }

    private static RequestSpecification as(PackagedService replica, String subject, String role) {
        String token = Jwt.issuer(ISSUER).audience("service-recovery").subject(subject).groups(Set.of(role))
                .expiresAt(Instant.now().plusSeconds(600)).sign(signingKey);
        return given().baseUri(replica.url()).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
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
                .with("JWT_ISSUER", ISSUER)
                .with("BOOTSTRAP_DIRECTOR", "director-it")
                // The test's webhook receiver listens on loopback.
                .with("RECOVERY_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
        replica.start();
        return replica;
    }

    private static long count(String query, Object parameter) throws Exception {
        try (Connection db = DriverManager.getConnection(adminUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + DATABASE),
                "postgres", ""); PreparedStatement sql = db.prepareStatement(query)) {
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
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String adminUrl() {
        return System.getProperty("replicas.db.admin-url", "jdbc:postgresql://127.0.0.1:5432/test");
    }
}
