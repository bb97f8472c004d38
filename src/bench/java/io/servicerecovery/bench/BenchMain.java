package io.servicerecovery.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.servicerecovery.testkit.PackagedService;
import io.servicerecovery.testkit.RecoveryCalls;
import io.servicerecovery.testkit.SmtpServer;

/**
 * The benchmark: starts the packaged service against its own new database, stops it and
 * starts it again on that now existing database (the two start times), drives full
 * recovery flows over HTTP (closed-loop, then open-loop), runs the bare-engine baseline
 * in a JVM of its own, and writes target/bench/report.json and report.md.
 */
public final class BenchMain {

    static final String DIRECTOR = "bench-director";

    private BenchMain() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        Files.createDirectories(s.out);
        Files.deleteIfExists(s.out.resolve("report.json"));
        Files.deleteIfExists(s.out.resolve("report.md"));
        boolean pg = s.db.equals("postgresql");
        Map<String, Object> report = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        report.put("generatedAt", Instant.now().toString());
        report.put("machine", Proc.machine());
        report.put("settings", s.describe());
        report.put("serviceEnvironmentOverrides", environmentOverrides());

        // The service's database: fresh for every run (started on twice, see below).
        Map<String, String> env = new HashMap<>();
        Database db;
        Path workDir;
        Path tmp = Files.createTempDirectory("service-recovery-bench");
        String publicKey = s.publicKey.toAbsolutePath().toString();
        if (pg) {
            log("recreating PostgreSQL database " + s.pgDatabase);
            Database.recreatePostgres(s, s.pgDatabase);
            db = new Database(s.pgUrl(s.pgDatabase), s.pgUser, "");
            workDir = s.out.resolve("service-work");
            env.put("QUARKUS_PROFILE", "prod");
            env.put("DB_URL", db.url);
            env.put("DB_USERNAME", s.pgUser);
            env.put("DB_PASSWORD", "");
            env.put("JWT_PUBLIC_KEY_LOCATION", publicKey);
            env.put("JWT_ISSUER", Jwt.ISSUER);
            env.put("JWT_AUDIENCE", Jwt.AUDIENCE);
        } else {
            workDir = tmp.resolve("service");
            String url = "jdbc:h2:file:" + workDir.resolve("data/service-recovery").toAbsolutePath()
                    + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;AUTO_SERVER=TRUE";
            db = new Database(url, "sa", "");
            env.put("QUARKUS_PROFILE", "demo");
            // AUTO_SERVER lets the load process count rows while the service holds the file.
            env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
            env.put("_DEMO_QUARKUS_DATASOURCE_JDBC_URL", url);
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey);
            env.put("MP_JWT_VERIFY_ISSUER", Jwt.ISSUER);
            env.put("MP_JWT_VERIFY_AUDIENCES", Jwt.AUDIENCE);
            // The same SMTP sink as on PostgreSQL instead of the demo's mock mailer.
            env.put("QUARKUS_MAILER_MOCK", "false");
            env.put("_DEMO_QUARKUS_MAILER_MOCK", "false");
            notes.add("H2: the demo profile (file database with AUTO_SERVER=TRUE so the load process can count rows),"
                    + " JWTs enabled through MP_JWT_* and the SMTP sink instead of the mock mailer.");
        }

        // Neither pipelining nor an idle limit: the sink stands for no particular server, and waits as long as the service.
        try (SmtpServer smtp = new SmtpServer(false, Duration.ofMinutes(2))) {
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", Integer.toString(smtp.port()));
            env.put("SMTP_START_TLS", "DISABLED");
            env.put("BOOTSTRAP_DIRECTOR", DIRECTOR);
            // A per-client allowance for case creation would turn the load into 429s: lift it.
            env.put("CASE_CREATION_PER_MINUTE", "1000000");

            Jwt jwt = new Jwt(s.privateKey);
            Map<String, Object> service = new LinkedHashMap<>();
            Map<String, Object> phases = new LinkedHashMap<>();
            Map<String, Object> database = new LinkedHashMap<>();

            // Two starts: the first one creates the schema (Flyway, the engine's tables) and deploys the models, as
            // a new installation does once; the second one starts on the database the first one left, as every
            // later pod start does. Only the second one counts as the service's start to ready, and takes the load.
            // With AppCDS the first start is also the training start that writes the class archive when it stops,
            // as the image build does (src/main/docker/appcds-archive.sh); the second start maps it.
            Path archive = s.out.resolve("app-cds.jsa").toAbsolutePath();
            Files.deleteIfExists(archive);
            String training = s.appCds ? "-XX:ArchiveClassesAtExit=" + archive : "";
            Path firstLog = s.out.resolve("service-new-database.log");
            log("first start, on the new database (" + s.jar + ", " + env.get("QUARKUS_PROFILE") + " profile"
                    + (s.appCds ? ", writing the AppCDS archive " + archive + " when it stops" : "") + "), log in " + firstLog);
            Map<String, Object> newDatabase;
            try (PackagedService first = service(s, env, workDir, firstLog, training)) {
                first.start();
                newDatabase = awaitReady(first);
                int exit = first.stop();
                newDatabase.put("exitStatusAfterSigterm", exit);
                if (exit == -1) {
                    notes.add("The first start did not stop within 60 s of SIGTERM and was killed; see " + firstLog + ".");
                }
                newDatabase.put("log", firstLog.toString());
            }
            service.put("newDatabase", newDatabase);

            String useArchive = "";
            if (s.appCds) {
                if (Files.exists(archive)) {
                    useArchive = "-XX:SharedArchiveFile=" + archive;
                } else {
                    notes.add("AppCDS: the training start wrote no archive (see " + firstLog + "); the service started without one.");
                }
            }
            Path serviceLog = s.out.resolve("service.log");
            log("second start, on the existing database" + (useArchive.isEmpty() ? "" : ", with the AppCDS archive")
                    + ", log in " + serviceLog);
            long emailsBefore;
            try (PackagedService process = service(s, env, workDir, serviceLog, useArchive)) {
                process.start();
                Http http = new Http(process.url(), 4);
                service.putAll(awaitReady(process));
                service.put("appCdsArchiveMapped", !useArchive.isEmpty() && Proc.maps(process.pid(), archive));
                if (!useArchive.isEmpty() && !Proc.maps(process.pid(), archive)) {
                    notes.add("AppCDS: the JVM did not map " + archive + " (a JVM refuses an archive of another JVM build"
                            + " or class path, and starts without it).");
                }

                setUpEmpowerment(http, jwt, db, notes);
                if (s.seedApologies > 0) {
                    try {
                        db.seedRecentApologies(s.seedApologies);
                        log("seeded " + s.seedApologies + " recovered cases with recent apologies (the canned check's sample)");
                    } catch (Exception e) {
                        notes.add("Seeding " + s.seedApologies + " recent apologies failed (" + e.getMessage()
                                + "): the canned-apology check compared against fewer apologies than in production.");
                    }
                }
                Map<String, Long> rowsBefore = db.rowCounts();
                long sizeBefore = db.sizeBytes();
                emailsBefore = smtp.messages();

                RecoveryFlow flow = new RecoveryFlow(http, jwt, s);
                if (s.closed()) {
                    Phase phase = new Phase("closed-loop");
                    long start = System.nanoTime() + 50_000_000L;
                    phase.window(start + s.warmup * 1_000_000_000L, start + (s.warmup + s.duration) * 1_000_000_000L);
                    CpuWindow cpu = new CpuWindow(phase, process.pid(), pg).start();
                    log("closed loop: " + s.concurrency + " concurrent flows, " + s.warmup + " s warm-up + " + s.duration + " s");
                    Load.closed(flow, s, phase, start);
                    phases.put("closedLoop", describe(phase, cpu, "load generator"));
                }
                if (s.open()) {
                    int warmup = s.closed() ? s.openWarmup : s.warmup;
                    Phase phase = new Phase("open-loop");
                    long start = System.nanoTime() + 50_000_000L;
                    phase.window(start + warmup * 1_000_000_000L, start + (warmup + s.duration) * 1_000_000_000L);
                    CpuWindow cpu = new CpuWindow(phase, process.pid(), pg, Math.round(1e9 / s.rate / 2)).start();
                    log("open loop: " + s.rate + " flows/s, " + warmup + " s warm-up + " + s.duration + " s");
                    Load.open(flow, s, phase, start);
                    Map<String, Object> figures = describe(phase, cpu, "load generator");
                    figures.put("offeredFlowsPerSecond", s.rate);
                    figures.put("maxQueuedArrivals", phase.maxQueuedArrivals);
                    phases.put("openLoop", figures);
                }

                // Everything has run to the end: count what the cases left behind.
                service.put("rssKbAfterRun", Proc.statusKb(process.pid(), "VmRSS"));
                service.put("peakRssKb", Proc.statusKb(process.pid(), "VmHWM"));
                Map<String, Long> rowsAfter = db.rowCounts();
                long sizeAfter = db.sizeBytes();
                long cases = rowsAfter.getOrDefault("recovery_case", 0L) - rowsBefore.getOrDefault("recovery_case", 0L);
                database.putAll(Database.rowsPerCase(rowsBefore, rowsAfter, Math.max(1, cases)));
                if (sizeBefore >= 0) {
                    database.put("databaseBytesPerCase", (sizeAfter - sizeBefore) / Math.max(1, cases));
                }
                database.put("casesByStatus", casesByStatus(db));
                database.put("emailsReceivedBySmtpSink", smtp.messages() - emailsBefore);
                service.put("smtpConnections", (long) smtp.connections());
                Map<String, Long> smtpSessions = smtp.openSessions();
                service.put("smtpSessionsOpenAtEnd", smtpSessions);
                if (smtpSessions.getOrDefault("connected", 0L) > 0) {
                    notes.add(smtpSessions.get("connected") + " SMTP connection(s) opened by the service were greeted by the"
                            + " sink but never got an EHLO: the service's mailer waits on them (the blocking mailer has no"
                            + " timeout in Quarkus 3.27), so those emails' jobs hang until the transaction times out.");
                }
                log("stopping the service");
            }
            service.put("log", serviceLog.toString());
            report.put("service", service);
            report.put("phases", phases);
            report.put("database", database);
        }

        if (s.baseline) {
            report.put("baseline", runBaseline(s, tmp));
        }
        ((Map<String, Object>) report.get("machine")).put("loadAverageAtEnd", Proc.loadAverage());
        report.put("summary", summary(report));
        report.put("notes", notes);
        Report.write(s, report);
        long errors = ((Number) ((Map<?, ?>) report.get("summary")).get("errors")).longValue();
        log("report: " + s.out.resolve("report.json") + " and " + s.out.resolve("report.md") + " (" + errors + " errors)");
        System.exit(errors == 0 ? 0 : 1);
    }

    /** The packaged service with the environment of a production deployment and the run's JVM options. */
    private static PackagedService service(Settings s, Map<String, String> env, Path workDir, Path log, String moreJvmOptions)
            throws IOException {
        return new PackagedService("service", s.jar, workDir, log).jvmOptions(s.serviceJvmOpts).jvmOptions(moreJvmOptions)
                .withAll(env);
    }

    /** Settings of the service that the caller's environment overrides (tuning), for the report. */
    static Map<String, String> environmentOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("QUARKUS_") || k.equals("DB_POOL_MAX_SIZE") || k.startsWith("RECOVERY_")) {
                overrides.put(k, v);
            }
        });
        return overrides;
    }

    /**
     * What Quarkus itself reports as its start time ("started in 2.345s" in the log): from the
     * JVM's own start to the end of the start-up observers, without the JVM's launch and the
     * readiness poll. Null when the log has no such line.
     */
    private static Double quarkusStartedSeconds(String log) {
        Matcher m = STARTED_IN.matcher(log);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9]+\\.[0-9]+)s");

    /**
     * Waits for /q/health/ready (on the management port) and takes the start's figures: wall time to ready, Quarkus'
     * own figure, memory, CPU.
     */
    private static Map<String, Object> awaitReady(PackagedService process) throws Exception {
        long readyMillis = process.awaitReady(Duration.ofSeconds(180)).toMillis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timeToReadyMillis", readyMillis);
        m.put("rssKbAtReady", Proc.statusKb(process.pid(), "VmRSS"));
        m.put("cpuMillisToReady", Proc.cpuMillis(process.pid()));
        m.put("quarkusStartedInSeconds", quarkusStartedSeconds(process.latestLog()));
        log("ready after " + readyMillis + " ms (Quarkus: started in " + m.get("quarkusStartedInSeconds") + " s), "
                + Math.round(((Number) m.get("rssKbAtReady")).longValue() / 1024.0) + " MiB resident (pid " + process.pid() + ")");
        return m;
    }

    /**
     * A fresh production database has levels without limits. The bootstrap director sets
     * them top-down (a lower level may never exceed a higher one), with budgets large enough
     * that no decision of the run is refused for the budget.
     */
    static void setUpEmpowerment(Http http, Jwt jwt, Database db, List<String> notes) throws Exception {
        String token = "Bearer " + jwt.token(DIRECTOR, "manager");
        String[][] levels = { { "MANAGER", "2000.00", "60" }, { "TEAM_LEAD", "500.00", "40" },
                { "SENIOR_AGENT", "150.00", "25" }, { "AGENT", "50.00", "15" } };
        for (String[] level : levels) {
            for (int attempt = 0;; attempt++) {
                Http.Answer current = http.call(http.calls.level(token, level[0]));
                if (current.status() != 200) {
                    throw new IllegalStateException("GET level " + level[0] + ": " + current.status() + " " + current.body());
                }
                String etag = current.response().headers().firstValue("ETag").orElseThrow();
                Http.Answer put = http.call(http.calls.setLevel(token, level[0], etag, RecoveryCalls.levelLimits(level[1],
                        Integer.parseInt(level[2]), "1000000000.00", "Benchmark set-up: budgets no run can exhaust")));
                if (put.status() == 200) {
                    break;
                }
                if (put.status() == 403 && put.body().contains("no limits in EUR") && attempt == 0) {
                    seedDirectorLimits(db);
                    notes.add("Workaround: a fresh production database gives the bootstrap director no limits, and"
                            + " nobody may set the DIRECTOR level's own limits through the API (403 'You have no limits"
                            + " in EUR and cannot give any'). The benchmark inserts DIRECTOR's EUR row (no cap, 100 %,"
                            + " no budget) directly, as the demo seed does, then sets the other levels through the API.");
                    continue;
                }
                throw new IllegalStateException("PUT level " + level[0] + ": " + put.status() + " " + put.body());
            }
        }
        log("empowerment set: AGENT may grant 50.00 EUR per case, budget 1,000,000,000.00 EUR a day");
    }

    private static void seedDirectorLimits(Database db) throws Exception {
        log("the director has no limits: inserting DIRECTOR's EUR limits directly (see the report's notes)");
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(
                "insert into empowerment_level_limit (level, currency, max_credit_per_case, max_discount_percent, daily_budget)"
                        + " values ('DIRECTOR', 'EUR', null, 100, null)")) {
            st.executeUpdate();
        }
    }

    private static Map<String, Long> casesByStatus(Database db) throws Exception {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select status, count(*) from recovery_case where client_id <> 'bench-seed' group by status order by status")) {
            while (rs.next()) {
                byStatus.put(rs.getString(1), rs.getLong(2));
            }
        }
        return byStatus;
    }

    static Map<String, Object> describe(Phase phase, CpuWindow cpu, String ownName) throws InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flowsPerSecond", Database.round(phase.flowsPerSecond()));
        m.put("flowsCompletedInWindow", phase.flowsCompletedInWindow.sum());
        m.put("windowSeconds", Database.round(phase.windowSeconds()));
        m.put("flowsStarted", phase.flowsStarted.sum());
        m.put("flowsCompleted", phase.flowsCompleted.sum());
        m.put("flowsFailed", phase.flowsFailed.sum());
        m.put("errors", phase.errors.sum());
        m.put("errorsInWindow", phase.errorsInWindow.sum());
        m.put("requestsInWindow", phase.requestsInWindow.sum());
        m.put("requestsPerSecond", Database.round(phase.requestsInWindow.sum() / phase.windowSeconds()));
        m.put("pollsPerFlow", Database.round(phase.polls.sum() / (double) Math.max(1, phase.flowsStarted.sum())));
        m.put("latencies", phase.latencyTable());
        m.put("cpu", cpu.describe(phase, ownName));
        m.put("errorSamples", phase.errorSamples());
        m.put("slowestRequests", phase.slowestRequests());
        m.put("windowStartedAt", java.time.Instant.now().minusNanos(System.nanoTime() - phase.windowStart).toString());
        return m;
    }

    private static Map<String, Object> runBaseline(Settings s, Path tmp) throws Exception {
        String url;
        String user;
        if (s.db.equals("postgresql")) {
            Database.recreatePostgres(s, s.pgEngineDatabase);
            url = s.pgUrl(s.pgEngineDatabase);
            user = s.pgUser;
        } else {
            url = "jdbc:h2:file:" + tmp.resolve("baseline/engine").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
            user = "sa";
        }
        Path out = s.out.resolve("baseline.json");
        Path log = s.out.resolve("baseline.log");
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : s.baselineJvmOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.addAll(List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", s.classpath,
                Baseline.class.getName(), "--jdbc-url", url, "--jdbc-user", user,
                "--concurrency", Integer.toString(s.concurrency), "--warmup", Integer.toString(s.warmup),
                "--duration", Integer.toString(s.baselineDuration), "--agents", Integer.toString(s.agents),
                "--flow-timeout", Integer.toString(s.flowTimeoutSeconds), "--bpmn-dir", s.bpmnDir.toString(),
                "--out", out.toString()));
        log("bare engine baseline: " + s.concurrency + " concurrent flows, " + s.warmup + " s warm-up + "
                + s.baselineDuration + " s, log in " + log);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long wallStart = System.nanoTime();
        if (!p.waitFor(s.warmup + s.baselineDuration + 300L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("The baseline did not finish; see " + log);
        }
        if (p.exitValue() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("The baseline failed (" + p.exitValue() + "); see " + log);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = Http.JSON.readValue(out.toFile(), LinkedHashMap.class);
        result.put("wallSeconds", Math.round((System.nanoTime() - wallStart) / 1e7) / 100.0);
        result.put("log", log.toString());
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<String, Object> report) {
        Map<String, Object> sum = new LinkedHashMap<>();
        Map<String, Object> phases = (Map<String, Object>) report.get("phases");
        Map<String, Object> closed = (Map<String, Object>) phases.get("closedLoop");
        Map<String, Object> open = (Map<String, Object>) phases.get("openLoop");
        Map<String, Object> baseline = (Map<String, Object>) report.get("baseline");
        long errors = 0;
        if (closed != null) {
            sum.put("closedLoopFlowsPerSecond", closed.get("flowsPerSecond"));
            errors += ((Number) closed.get("errors")).longValue();
        }
        if (open != null) {
            sum.put("openLoopFlowsPerSecond", open.get("flowsPerSecond"));
            sum.put("openLoopOfferedFlowsPerSecond", open.get("offeredFlowsPerSecond"));
            errors += ((Number) open.get("errors")).longValue();
        }
        if (baseline != null) {
            sum.put("bareEngineFlowsPerSecond", baseline.get("flowsPerSecond"));
            errors += ((Number) baseline.get("errors")).longValue();
            if (closed != null) {
                double b = ((Number) baseline.get("flowsPerSecond")).doubleValue();
                double c = ((Number) closed.get("flowsPerSecond")).doubleValue();
                sum.put("ratioServiceToBareEngine", b == 0 ? null : Math.round(c / b * 1000) / 1000.0);
            }
        }
        for (var entry : new String[][] { { "openLoop", "open" }, { "closedLoop", "closed" } }) {
            Map<String, Object> phase = (Map<String, Object>) phases.get(entry[0]);
            if (phase == null) {
                continue;
            }
            Map<String, Object> lat = (Map<String, Object>) phase.get("latencies");
            Map<String, Object> openCase = (Map<String, Object>) lat.get(RecoveryFlow.OPEN);
            Map<String, Object> compensation = (Map<String, Object>) lat.get(RecoveryFlow.COMPLETE_COMPENSATION);
            if (openCase != null) {
                sum.put(entry[1] + "LoopP99OpenCaseMs", openCase.get("p99Ms"));
            }
            if (compensation != null) {
                sum.put(entry[1] + "LoopP99CompleteCompensationMs", compensation.get("p99Ms"));
            }
        }
        sum.put("errors", errors);
        Map<String, Object> service = (Map<String, Object>) report.get("service");
        sum.put("timeToReadyMillis", service.get("timeToReadyMillis"));
        sum.put("rssMiBAtReady", Math.round(((Number) service.get("rssKbAtReady")).longValue() / 1024.0));
        sum.put("timeToReadyNewDatabaseMillis", ((Map<String, Object>) service.get("newDatabase")).get("timeToReadyMillis"));
        sum.put("rssMiBAfterRun", Math.round(((Number) service.get("rssKbAfterRun")).longValue() / 1024.0));
        Map<String, Object> database = (Map<String, Object>) report.get("database");
        sum.put("serviceRowsPerCase", database.get("serviceRowsPerCase"));
        sum.put("engineRowsPerCase", database.get("engineRowsPerCase"));
        return sum;
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
