package io.servicerecovery.chaos;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.servicerecovery.bench.ContainerJvm;

/** The fault-injection run's settings: defaults (the documented run), overridden by {@code --name value}. */
final class Options {

    String db = "postgresql";
    /** Concurrent recovery flows, each run back to back by one worker. */
    int workers = 10;
    int agents = 12;
    int crmClients = 2;
    int kills = 20;
    /** How long the service runs between a restart being ready and the next kill: uniformly random in this range. */
    int uptimeMinSeconds = 3;
    int uptimeMaxSeconds = 12;
    int warmupSeconds = 20;
    int smtpOutageSeconds = 120;
    int webhookHangSeconds = 60;
    /** How long the surviving replica runs alone after the other was killed. */
    int replicaAloneSeconds = 60;
    /** How long the flows get to finish once no new ones start. */
    int drainSeconds = 600;
    int pollMillis = 500;
    String pgHost = "127.0.0.1";
    int pgPort = 5432;
    String pgUser = "postgres";
    String pgDatabase = "chaos";
    String pgCluster = "15/main";
    /** As shipped: the container image's and the Helm chart's JVM settings, as in the benchmark. */
    String serviceJvmOpts = ContainerJvm.HEAP + " " + ContainerJvm.OPTIONS;
    Path out = Path.of("target/chaos");
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    Path privateKey = Path.of("target/chaos/jwt-private.pem");
    Path publicKey = Path.of("target/chaos/jwt-public.pem");

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value, got " + key);
            }
            o.set(key.substring(2), args[++i]);
        }
        if (!o.db.equals("postgresql") && !o.db.equals("h2")) {
            throw new IllegalArgumentException("--db is postgresql or h2");
        }
        return o;
    }

    private void set(String key, String value) {
        switch (key) {
            case "db" -> db = value;
            case "workers" -> workers = Integer.parseInt(value);
            case "agents" -> agents = Integer.parseInt(value);
            case "crm-clients" -> crmClients = Integer.parseInt(value);
            case "kills" -> kills = Integer.parseInt(value);
            case "uptime-min" -> uptimeMinSeconds = Integer.parseInt(value);
            case "uptime-max" -> uptimeMaxSeconds = Integer.parseInt(value);
            case "warmup" -> warmupSeconds = Integer.parseInt(value);
            case "smtp-outage" -> smtpOutageSeconds = Integer.parseInt(value);
            case "webhook-hang" -> webhookHangSeconds = Integer.parseInt(value);
            case "replica-alone" -> replicaAloneSeconds = Integer.parseInt(value);
            case "drain" -> drainSeconds = Integer.parseInt(value);
            case "poll-ms" -> pollMillis = Integer.parseInt(value);
            case "pg-host" -> pgHost = value;
            case "pg-port" -> pgPort = Integer.parseInt(value);
            case "pg-user" -> pgUser = value;
            case "pg-database" -> pgDatabase = value;
            case "pg-cluster" -> pgCluster = value;
            case "service-jvm-opts" -> serviceJvmOpts = value;
            case "out" -> out = Path.of(value);
            case "jar" -> jar = Path.of(value);
            case "private-key" -> privateKey = Path.of(value);
            case "public-key" -> publicKey = Path.of(value);
            default -> throw new IllegalArgumentException("Unknown option --" + key);
        }
    }

    boolean postgres() {
        return db.equals("postgresql");
    }

    String pgUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("db", db);
        m.put("workers", workers);
        m.put("agents", agents);
        m.put("crmClients", crmClients);
        m.put("kills", kills);
        m.put("uptimeSecondsBetweenKills", uptimeMinSeconds + ".." + uptimeMaxSeconds);
        m.put("warmupSeconds", warmupSeconds);
        m.put("smtpOutageSeconds", smtpOutageSeconds);
        m.put("webhookHangSeconds", webhookHangSeconds);
        if (postgres()) {
            m.put("replicaAloneSeconds", replicaAloneSeconds);
            m.put("database", pgUrl(pgDatabase));
        } else {
            m.put("database", "the demo build's own H2 file URL (WRITE_DELAY=0), under " + out.resolve("h2-work"));
        }
        m.put("drainSeconds", drainSeconds);
        m.put("serviceJvmOpts", serviceJvmOpts);
        return m;
    }
}
