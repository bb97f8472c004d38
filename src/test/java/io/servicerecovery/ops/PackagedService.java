package io.servicerecovery.ops;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The packaged service (target/quarkus-app or the demo build, as failsafe says in
 * {@code quarkus.app}) as its own JVM on a database that outlives it: started, killed with
 * SIGKILL, and started again on the same data. {@code it.db} says which build it is:
 * {@code h2} (the embedded default, demo profile, basic auth) or {@code postgresql}
 * (the production build, bearer JWTs).
 */
final class PackagedService {

    static final String ISSUER = "https://auth.test.service-recovery";

    private final String name;
    private final boolean postgres;
    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private final PrivateKey signingKey;
    private Process process;
    private int port;
    private int managementPort;
    private int starts;

    private PackagedService(String name, boolean postgres, Path workDir, PrivateKey signingKey) {
        this.name = name;
        this.postgres = postgres;
        this.workDir = workDir;
        this.signingKey = signingKey;
    }

    /** A service on a fresh database: an empty H2 directory under target/, or a recreated PostgreSQL database. */
    static PackagedService onFreshDatabase(String name) throws Exception {
        boolean postgres = "postgresql".equals(System.getProperty("it.db", "h2"));
        Path workDir = Path.of("target", name).toAbsolutePath();
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        PackagedService service = new PackagedService(name, postgres, workDir,
                postgres ? KeyUtils.readPrivateKey("jwt/test-private-key.pem") : null);
        if (postgres) {
            String database = name.replace('-', '_');
            try (Connection admin = DriverManager.getConnection(adminUrl(), "postgres", "");
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + database);
            }
            service.env.put("QUARKUS_PROFILE", "prod");
            service.env.put("DB_URL", adminUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + database));
            service.env.put("DB_USERNAME", "postgres");
            service.env.put("DB_PASSWORD", "");
            service.env.put("JWT_PUBLIC_KEY_LOCATION", new File("src/test/resources/jwt/test-public-key.pem").getAbsolutePath());
            service.env.put("JWT_ISSUER", ISSUER);
        } else {
            // The demo profile's own URL (./data/service-recovery, relative to the working directory):
            // the test checks the embedded default exactly as it is configured.
            service.env.put("QUARKUS_PROFILE", "demo");
        }
        service.env.put("CASE_CREATION_PER_MINUTE", "1000000");
        return service;
    }

    boolean postgres() {
        return postgres;
    }

    /** One more setting of the environment the service starts with. */
    PackagedService with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /** Another replica of this service: the same build, database and settings, a log of its own. */
    PackagedService replica(String replicaName) throws IOException {
        Path dir = Path.of("target", replicaName).toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        PackagedService replica = new PackagedService(replicaName, postgres, dir, signingKey);
        replica.env.putAll(env);
        return replica;
    }

    /** Waits for the process to end (a start it refuses); its exit code, or empty while it still runs. */
    java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    /** What the latest start wrote to its log. */
    String log() throws IOException {
        return Files.readString(workDir.resolve(name + "-" + starts + ".log"));
    }

    void start() throws IOException {
        int[] ports = freePorts(2);
        port = ports[0];
        managementPort = ports[1];
        starts++;
        Path log = workDir.resolve(name + "-" + starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", Path.of(System.getProperty("quarkus.app")).toAbsolutePath().toString())
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
        process = builder.start();
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + workDir);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not ready within " + timeout + "; see " + workDir);
    }

    /** SIGKILL: no shutdown hook, no connection pool close, no last flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived SIGKILL");
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health and metrics, on a port of their own. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The Authorization header of a user with this role: a demo user's password, or a signed token. */
    String authorization(String subject, String role) {
        if (postgres) {
            return "Bearer " + Jwt.issuer(ISSUER).audience("service-recovery").subject(subject).groups(Set.of(role))
                    .expiresAt(Instant.now().plusSeconds(3600)).sign(signingKey);
        }
        return "Basic " + Base64.getEncoder().encodeToString((subject + ":" + subject).getBytes(StandardCharsets.UTF_8));
    }

    private static String adminUrl() {
        return System.getProperty("replicas.db.admin-url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** Distinct free ports: all are held open until each is known, so none is handed out twice. */
    static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
