package io.servicerecovery.chaos;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import io.servicerecovery.bench.Http;
import io.servicerecovery.bench.Jwt;
import io.servicerecovery.testkit.RecoveryCalls;
import io.servicerecovery.testkit.SmtpServer;

/**
 * The fault-injection run (issue 11): recovery flows under load while the service is
 * killed with SIGKILL and restarted, the SMTP server is down for minutes, the CRM's webhook
 * receiver hangs, PostgreSQL restarts and one of two replicas is killed. Every flow is
 * finished with idempotent retries; then {@link Findings} counts what was lost or doubled.
 * Writes target/chaos/report-&lt;db&gt;.json and .md. Started by src/chaos/run.sh.
 */
public final class ChaosMain {

    private final Options options;
    private final Jwt jwt;
    private final Fleet fleet = new Fleet();
    private final FlowStats stats = new FlowStats();
    /** What happened when, for the report: each fault with its figures. */
    private final List<Map<String, Object>> faults = new ArrayList<>();
    final List<Long> killMillis = new ArrayList<>();
    /** When PostgreSQL went down and when it was back, for each restart. */
    final List<long[]> databaseOutageMillis = new ArrayList<>();
    private final long startMillis = System.currentTimeMillis();

    private ChaosMain(Options options) throws Exception {
        this.options = options;
        this.jwt = new Jwt(options.privateKey);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.out);
        int exit = new ChaosMain(options).run();
        System.exit(exit);
    }

    private int run() throws Exception {
        Map<String, String> env = environment();
        Path workDir = options.out.resolve(options.postgres() ? "pg-work" : "h2-work");
        deleteRecursively(workDir);
        try (SmtpServer smtp = new SmtpServer(false, Duration.ZERO); HangingWebhookReceiver hooks = new HangingWebhookReceiver()) {
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", Integer.toString(smtp.port()));
            ServiceInstance a = new ServiceInstance("a", options, env, workDir);
            ServiceInstance b = null;
            a.process.start();
            a.process.awaitReady(Duration.ofMinutes(3));
            fleet.add(a);
            log("service ready on port " + a.process.port());
            setUpEmpowerment(a);
            Map<String, String> subscriptions = subscribe(a, hooks);

            Workers workers = new Workers();
            workers.start();
            try {
                sleep(options.warmupSeconds);
                killAndRestart(a);
                smtpOutage(smtp);
                webhookHang(hooks);
                if (options.postgres()) {
                    postgresRestart();
                    b = new ServiceInstance("b", options, env, workDir);
                    twoReplicasOneKilled(a, b);
                }
            } finally {
                workers.stopStarting();
                stats.phase = "drain";
            }
            ServiceInstance survivor = b != null ? b : a;
            long drainStart = System.currentTimeMillis();
            int incidentsRetried = workers.awaitDone(survivor);
            log("flows finished " + (System.currentTimeMillis() - drainStart) / 1000 + " s after the last fault ("
                    + incidentsRetried + " incident retries)");
            boolean webhooksDrained = awaitWebhooks(survivor, subscriptions);
            // Let email and webhook work still in the air land before counting.
            Thread.sleep(5000);
            a.process.stop();
            if (b != null) {
                b.process.stop();
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("generatedAt", Instant.now().toString());
            report.put("command", "bash src/chaos/run.sh --db " + options.db);
            report.put("settings", options.describe());
            report.put("durationSeconds", (System.currentTimeMillis() - startMillis) / 1000);
            report.put("faults", faults);
            report.put("incidentRetries", incidentsRetried);
            report.put("webhooksDrained", webhooksDrained);
            Findings findings = new Findings(options, database(workDir), stats, smtp, hooks, killMillis, databaseOutageMillis);
            return findings.write(report);
        }
    }

    private Map<String, String> environment() throws Exception {
        Map<String, String> env = new HashMap<>();
        String publicKey = options.publicKey.toAbsolutePath().toString();
        if (options.postgres()) {
            try (Connection c = DriverManager.getConnection(options.pgUrl("postgres"), options.pgUser, "");
                    Statement st = c.createStatement()) {
                st.execute("drop database if exists " + options.pgDatabase + " with (force)");
                st.execute("create database " + options.pgDatabase);
            }
            env.put("QUARKUS_PROFILE", "prod");
            env.put("DB_URL", options.pgUrl(options.pgDatabase));
            env.put("DB_USERNAME", options.pgUser);
            env.put("DB_PASSWORD", "");
            env.put("JWT_PUBLIC_KEY_LOCATION", publicKey);
            env.put("JWT_ISSUER", Jwt.ISSUER);
            env.put("JWT_AUDIENCE", Jwt.AUDIENCE);
        } else {
            // The embedded default as built, its own H2 URL included; only identity and mail are the run's.
            env.put("QUARKUS_PROFILE", "demo");
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey);
            env.put("MP_JWT_VERIFY_ISSUER", Jwt.ISSUER);
            env.put("MP_JWT_VERIFY_AUDIENCES", Jwt.AUDIENCE);
            env.put("_DEMO_QUARKUS_MAILER_MOCK", "false");
        }
        env.put("SMTP_START_TLS", "DISABLED");
        env.put("QUARKUS_MAILER_PIPELINING", "false");
        env.put("BOOTSTRAP_DIRECTOR", ResilientFlow.DIRECTOR);
        env.put("CASE_CREATION_PER_MINUTE", "1000000");
        env.put("RECOVERY_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
        return env;
    }

    private Database database(Path workDir) {
        return options.postgres() ? new Database(options.pgUrl(options.pgDatabase), options.pgUser)
                : new Database("jdbc:h2:file:" + workDir.resolve("data/service-recovery").toAbsolutePath(), "sa");
    }

    // ------------------------------------------------------------------ faults

    private void killAndRestart(ServiceInstance a) throws Exception {
        stats.phase = "kill -9 and restart";
        List<Double> downSeconds = new ArrayList<>();
        List<Double> resumeSeconds = new ArrayList<>();
        for (int i = 1; i <= options.kills; i++) {
            sleep(ThreadLocalRandom.current().nextInt(options.uptimeMinSeconds, options.uptimeMaxSeconds + 1));
            long killed = System.currentTimeMillis();
            a.process.kill();
            killMillis.add(killed);
            // Answers that were on their way when the signal came count as before the kill.
            long dead = System.currentTimeMillis();
            a.process.start();
            a.process.awaitReady(Duration.ofMinutes(3));
            long ready = System.currentTimeMillis();
            long resumed = fleet.firstSuccessAfter(dead, 60_000);
            downSeconds.add((ready - killed) / 1000.0);
            resumeSeconds.add(resumed < 0 ? -1 : (resumed - killed) / 1000.0);
            log("kill " + i + "/" + options.kills + ": ready again after " + (ready - killed) + " ms, "
                    + stats.confirmed.size() + " cases confirmed so far");
        }
        Map<String, Object> fault = fault("kill -9 and restart", options.kills + " times, " + options.uptimeMinSeconds
                + " to " + options.uptimeMaxSeconds + " s of load between kills");
        fault.put("secondsUntilReady", summary(downSeconds));
        fault.put("secondsUntilFirstSuccessfulRequest", summary(resumeSeconds));
    }

    private void smtpOutage(SmtpServer smtp) throws Exception {
        stats.phase = "SMTP outage";
        long before = smtp.messages();
        long down = System.currentTimeMillis();
        smtp.down();
        log("SMTP server down for " + options.smtpOutageSeconds + " s");
        sleep(options.smtpOutageSeconds);
        smtp.up();
        long up = System.currentTimeMillis();
        long firstAfter = awaitMore(smtp::messages, smtp.messages(), 180_000);
        Map<String, Object> fault = fault("SMTP outage", options.smtpOutageSeconds + " s, connections refused");
        fault.put("emailsAcceptedBefore", before);
        fault.put("secondsFromSmtpBackToFirstEmail", firstAfter < 0 ? null : (firstAfter - up) / 1000.0);
        fault.put("outageStartedAtSecond", (down - startMillis) / 1000);
    }

    private void webhookHang(HangingWebhookReceiver hooks) throws Exception {
        stats.phase = "webhook receiver hangs";
        hooks.hang();
        log("webhook receiver hangs for " + options.webhookHangSeconds + " s");
        sleep(options.webhookHangSeconds);
        hooks.answerAgain();
        long released = System.currentTimeMillis();
        int before = hooks.received.size();
        long next = awaitMore(() -> hooks.received.size(), before, 180_000);
        Map<String, Object> fault = fault("webhook receiver hangs", options.webhookHangSeconds + " s, requests read and never answered");
        fault.put("secondsFromReceiverBackToNextEvent", next < 0 ? null : (next - released) / 1000.0);
    }

    private void postgresRestart() throws Exception {
        stats.phase = "PostgreSQL restart";
        String[] cluster = options.pgCluster.split("/");
        long restart = System.currentTimeMillis();
        log("restarting PostgreSQL " + options.pgCluster);
        try {
            Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], "restart", "-m", "fast")
                    .inheritIO().start();
            p.waitFor();
        } finally {
            // Whatever happened, PostgreSQL is left running: others share it.
            new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], "start")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        long back = System.currentTimeMillis();
        databaseOutageMillis.add(new long[] {restart, back});
        long resumed = fleet.firstSuccessAfter(back, 120_000);
        sleep(20);
        Map<String, Object> fault = fault("PostgreSQL restart", "pg_ctlcluster restart -m fast (open connections cut)");
        fault.put("secondsPostgresDown", (back - restart) / 1000.0);
        fault.put("secondsFromPostgresBackToFirstSuccessfulRequest", resumed < 0 ? null : (resumed - back) / 1000.0);
    }

    private void twoReplicasOneKilled(ServiceInstance a, ServiceInstance b) throws Exception {
        stats.phase = "two replicas, one killed";
        b.process.start();
        b.process.awaitReady(Duration.ofMinutes(3));
        fleet.add(b);
        log("second replica ready on port " + b.process.port() + "; both take requests");
        sleep(20);
        long killed = System.currentTimeMillis();
        fleet.remove(a);
        a.process.kill();
        killMillis.add(killed);
        log("replica a killed; b runs alone for " + options.replicaAloneSeconds + " s");
        sleep(options.replicaAloneSeconds);
        // How soon b took over a's locked jobs: load.asyncStepSecondsByPhase["two replicas, one killed"].
        fault("two replicas, one killed", "b started beside a, a killed after 20 s, b alone for "
                + options.replicaAloneSeconds + " s");
    }

    // ------------------------------------------------------------------ set-up and drain

    /** Top down, as a fresh installation's bootstrap director would: agents may grant 50 EUR a case and 200 EUR a day. */
    private void setUpEmpowerment(ServiceInstance service) throws Exception {
        String token = "Bearer " + jwt.token(ResilientFlow.DIRECTOR, "manager");
        String[][] levels = { { "MANAGER", "2000.00", "60", "1000000.00" }, { "TEAM_LEAD", "500.00", "40", "100000.00" },
                { "SENIOR_AGENT", "150.00", "25", "10000.00" }, { "AGENT", "50.00", "15", Findings.AGENT_DAILY_BUDGET } };
        for (String[] level : levels) {
            for (int attempt = 0;; attempt++) {
                Http.Answer current = service.http.call(service.calls.level(token, level[0]));
                String etag = current.response().headers().firstValue("ETag").orElseThrow(
                        () -> new IllegalStateException("GET level " + level[0] + ": " + current.status() + " " + current.body()));
                Http.Answer put = service.http.call(service.calls.setLevel(token, level[0], etag,
                        RecoveryCalls.levelLimits(level[1], Integer.parseInt(level[2]), level[3], "Fault-injection run")));
                if (put.status() == 200) {
                    break;
                }
                if (put.status() == 403 && attempt == 0 && options.postgres()) {
                    // A fresh PostgreSQL installation has no DIRECTOR limits and no API to set them (as in the benchmark).
                    try (Connection c = DriverManager.getConnection(options.pgUrl(options.pgDatabase), options.pgUser, "");
                            Statement st = c.createStatement()) {
                        st.executeUpdate("insert into empowerment_level_limit (level, currency, max_credit_per_case,"
                                + " max_discount_percent, daily_budget) values ('DIRECTOR', 'EUR', null, 100, null)");
                    }
                    continue;
                }
                throw new IllegalStateException("PUT level " + level[0] + ": " + put.status() + " " + put.body());
            }
        }
    }

    private Map<String, String> subscribe(ServiceInstance service, HangingWebhookReceiver hooks) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < options.crmClients; i++) {
            String crm = Workers.crm(i);
            Http.Answer answer = service.http.call(service.request("/api/webhooks", jwt.token(crm, "crm"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + hooks.url(crm) + "\",\"events\":[\"*\"]}")).build());
            if (answer.status() != 201) {
                throw new IllegalStateException("subscribe " + crm + ": " + answer.status() + " " + answer.body());
            }
            ids.put(crm, answer.json().path("id").asText());
        }
        return ids;
    }

    private boolean awaitWebhooks(ServiceInstance service, Map<String, String> subscriptions) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            boolean pending = false;
            for (Map.Entry<String, String> s : subscriptions.entrySet()) {
                Http.Answer page = service.http.call(service.request("/api/webhooks/" + s.getValue() + "/deliveries?status=PENDING&limit=1",
                        jwt.token(s.getKey(), "crm")).GET().build());
                pending |= page.status() != 200 || page.json().path("items").size() > 0;
            }
            if (!pending) {
                return true;
            }
            Thread.sleep(2000);
        }
        return false;
    }

    /** The load: workers that run flows back to back, and the drain at the end. */
    private final class Workers {
        private final AtomicBoolean starting = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private volatile long deadlineMillis = Long.MAX_VALUE;

        static String crm(int i) {
            return "chaos-crm-" + i;
        }

        void start() {
            ResilientFlow flow = new ResilientFlow(fleet, jwt, stats, options);
            for (int i = 0; i < options.workers; i++) {
                int worker = i;
                Thread t = new Thread(() -> {
                    try {
                        while (starting.get()) {
                            flow.run(crm(worker % options.crmClients), "chaos-agent-" + (worker % options.agents), deadlineMillis);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "flow-" + i);
                t.start();
                threads.add(t);
            }
        }

        void stopStarting() {
            starting.set(false);
            deadlineMillis = System.currentTimeMillis() + options.drainSeconds * 1000L;
        }

        /** Waits for the flows in progress; retries open incidents every 30 s meanwhile. Answers the retries made. */
        int awaitDone(ServiceInstance service) throws Exception {
            int retried = 0;
            for (Thread t : threads) {
                while (t.isAlive()) {
                    t.join(30_000);
                    if (t.isAlive()) {
                        retried += retryIncidents(service);
                    }
                }
            }
            return retried;
        }
    }

    private int retryIncidents(ServiceInstance service) {
        try {
            String admin = jwt.token("chaos-admin", "admin");
            JsonNode items = service.http.call(service.request("/api/incidents", admin).GET().build()).json().path("items");
            for (JsonNode incident : items) {
                service.http.call(service.request("/api/incidents/" + incident.path("id").asText() + "/retry", admin)
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
            }
            if (items.size() > 0) {
                log("retried " + items.size() + " incidents");
            }
            return items.size();
        } catch (Exception e) {
            return 0;
        }
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> fault(String name, String how) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("fault", name);
        fault.put("how", how);
        fault.put("endedAtSecond", (System.currentTimeMillis() - startMillis) / 1000);
        faults.add(fault);
        return fault;
    }

    static Map<String, Object> summary(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> v >= 0).sorted().toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", values.size());
        if (!sorted.isEmpty()) {
            m.put("median", sorted.get(sorted.size() / 2));
            m.put("max", sorted.get(sorted.size() - 1));
        }
        m.put("none", values.size() - sorted.size());
        return m;
    }

    private static long awaitMore(java.util.function.LongSupplier counter, long than, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (counter.getAsLong() > than) {
                return System.currentTimeMillis();
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private void sleep(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    static void log(String message) {
        System.err.println("[chaos] " + Instant.now().toString().substring(11, 19) + " " + message);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
