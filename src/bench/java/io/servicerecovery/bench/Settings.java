package io.servicerecovery.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The benchmark's settings: defaults, overridden by {@code --name value} arguments. */
final class Settings {

    String db = "postgresql";
    /** closed, open or both (closed first: it measures the capacity, then open-loop at a fixed rate). */
    String mode = "both";
    int concurrency = 16;
    double rate = 2.0;
    int duration = 60;
    int warmup = 30;
    int openWarmup = 10;
    boolean baseline = true;
    int baselineDuration = -1;
    int agents = 32;
    int crmClients = 4;
    int pollMillis = 250;
    int openThreads = 200;
    int flowTimeoutSeconds = 60;
    /** Recovered cases with recent apologies inserted before the run (0: none); see Database.seedRecentApologies. */
    int seedApologies = 500;
    String pgHost = "127.0.0.1";
    int pgPort = 5432;
    String pgUser = "postgres";
    String pgDatabase = "bench";
    String pgEngineDatabase = "bench_engine";
    /** The JVM settings the container image and the Helm chart give the service ({@link ContainerJvm}). */
    String serviceJvmOpts = ContainerJvm.HEAP + " " + ContainerJvm.OPTIONS;
    String baselineJvmOpts = "-Xmx768m";
    /**
     * AppCDS as in the image: the first start (new database) is the training start that writes the archive
     * (-XX:ArchiveClassesAtExit), the second start uses it (-XX:SharedArchiveFile); docs/performance.md.
     */
    boolean appCds = true;
    String label = "";
    Path out = Path.of("target/bench");
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    Path bpmnDir = Path.of("bpmn");
    Path privateKey = Path.of("target/bench/jwt-private.pem");
    Path publicKey = Path.of("target/bench/jwt-public.pem");
    String classpath = System.getProperty("java.class.path");

    static Settings parse(String[] args) {
        Settings s = new Settings();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + name);
            }
            String key = name.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            s.set(key, value);
        }
        if (!s.db.equals("postgresql") && !s.db.equals("h2")) {
            throw new IllegalArgumentException("--db is postgresql or h2");
        }
        if (!s.mode.equals("closed") && !s.mode.equals("open") && !s.mode.equals("both")) {
            throw new IllegalArgumentException("--mode is open, closed or both");
        }
        if (s.baselineDuration < 0) {
            s.baselineDuration = s.duration;
        }
        return s;
    }

    private void set(String key, String value) {
        switch (key) {
            case "db" -> db = value;
            case "mode" -> mode = value;
            case "concurrency" -> concurrency = Integer.parseInt(value);
            case "rate" -> rate = Double.parseDouble(value);
            case "duration" -> duration = Integer.parseInt(value);
            case "warmup" -> warmup = Integer.parseInt(value);
            case "open-warmup" -> openWarmup = Integer.parseInt(value);
            case "baseline" -> baseline = Boolean.parseBoolean(value);
            case "baseline-duration" -> baselineDuration = Integer.parseInt(value);
            case "agents" -> agents = Integer.parseInt(value);
            case "crm-clients" -> crmClients = Integer.parseInt(value);
            case "poll-ms" -> pollMillis = Integer.parseInt(value);
            case "open-threads" -> openThreads = Integer.parseInt(value);
            case "flow-timeout" -> flowTimeoutSeconds = Integer.parseInt(value);
            case "seed-apologies" -> seedApologies = Integer.parseInt(value);
            case "pg-host" -> pgHost = value;
            case "pg-port" -> pgPort = Integer.parseInt(value);
            case "pg-user" -> pgUser = value;
            case "pg-database" -> pgDatabase = value;
            case "pg-engine-database" -> pgEngineDatabase = value;
            case "service-jvm-opts" -> serviceJvmOpts = value;
            case "baseline-jvm-opts" -> baselineJvmOpts = value;
            case "appcds" -> appCds = Boolean.parseBoolean(value);
            case "label" -> label = value;
            case "out" -> out = Path.of(value);
            case "jar" -> jar = Path.of(value);
            case "bpmn-dir" -> bpmnDir = Path.of(value);
            case "private-key" -> privateKey = Path.of(value);
            case "public-key" -> publicKey = Path.of(value);
            case "classpath" -> classpath = value;
            default -> throw new IllegalArgumentException("Unknown option --" + key);
        }
    }

    boolean closed() {
        return !mode.equals("open");
    }

    boolean open() {
        return !mode.equals("closed");
    }

    String pgUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("db", db);
        m.put("mode", mode);
        m.put("concurrency", concurrency);
        m.put("rate", rate);
        m.put("warmupSeconds", warmup);
        m.put("openWarmupSeconds", openWarmup);
        m.put("durationSeconds", duration);
        m.put("baseline", baseline);
        m.put("baselineDurationSeconds", baselineDuration);
        m.put("agents", agents);
        m.put("crmClients", crmClients);
        m.put("pollMillis", pollMillis);
        m.put("openLoopThreads", openThreads);
        m.put("flowTimeoutSeconds", flowTimeoutSeconds);
        m.put("seededRecentApologies", seedApologies);
        m.put("serviceJvmOpts", serviceJvmOpts);
        m.put("serviceAppCds", appCds);
        m.put("baselineJvmOpts", baselineJvmOpts);
        m.put("database", db.equals("postgresql") ? pgUrl(pgDatabase) : "H2 file database in a temporary directory");
        m.put("baselineDatabase", db.equals("postgresql") ? pgUrl(pgEngineDatabase) : "H2 file database in a temporary directory");
        if (!label.isEmpty()) {
            m.put("label", label);
        }
        return m;
    }
}
