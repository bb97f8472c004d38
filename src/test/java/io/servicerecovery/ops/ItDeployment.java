package io.servicerecovery.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;

import io.servicerecovery.testkit.PackagedService;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The build the integration tests run (target/quarkus-app or the demo build, as failsafe says in
 * {@code quarkus.app}) on a database that outlives its processes. {@code it.db} says which build it is:
 * {@code h2} (the embedded default, demo profile, basic auth) or {@code postgresql} (the production build,
 * bearer JWTs).
 */
final class ItDeployment {

    static final String ISSUER = "https://auth.test.service-recovery";

    private ItDeployment() {
    }

    static boolean postgres() {
        return "postgresql".equals(System.getProperty("it.db", "h2"));
    }

    /** The service on a fresh database: an empty H2 directory under target/, or a recreated PostgreSQL database. */
    static PackagedService onFreshDatabase(String name) throws Exception {
        PackagedService service = new PackagedService(name, Path.of(System.getProperty("quarkus.app")),
                freshDirectory(name), Path.of("target", name, name + ".log")).jvmOptions("-Xmx512m");
        if (postgres()) {
            String database = name.replace('-', '_');
            try (Connection admin = DriverManager.getConnection(adminUrl(), "postgres", "");
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + database);
            }
            service.with("QUARKUS_PROFILE", "prod")
                    .with("DB_URL", databaseUrl(database))
                    .with("DB_USERNAME", "postgres")
                    .with("DB_PASSWORD", "")
                    .with("JWT_PUBLIC_KEY_LOCATION", new File("src/test/resources/jwt/test-public-key.pem").getAbsolutePath())
                    .with("JWT_ISSUER", ISSUER);
        } else {
            // The demo profile's own URL (./data/service-recovery, relative to the working directory):
            // the test checks the embedded default exactly as it is configured.
            service.with("QUARKUS_PROFILE", "demo");
        }
        return service.with("CASE_CREATION_PER_MINUTE", "1000000");
    }

    /** Another replica of the service: the same build, database and settings, a directory and log of its own. */
    static PackagedService replica(PackagedService service, String replicaName) throws IOException {
        return service.replica(replicaName, freshDirectory(replicaName), Path.of("target", replicaName, replicaName + ".log"));
    }

    /** The Authorization header of a user with this role: a demo user's password, or a signed token. */
    static String authorization(String subject, String role) {
        if (postgres()) {
            return "Bearer " + Jwt.issuer(ISSUER).audience("service-recovery").subject(subject).groups(Set.of(role))
                    .expiresAt(Instant.now().plusSeconds(3600)).sign(signingKey());
        }
        return "Basic " + Base64.getEncoder().encodeToString((subject + ":" + subject).getBytes(StandardCharsets.UTF_8));
    }

    static String adminUrl() {
        return System.getProperty("replicas.db.admin-url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String databaseUrl(String database) {
        return adminUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
    }

    private static PrivateKey signingKey;

    private static synchronized PrivateKey signingKey() {
        try {
            if (signingKey == null) {
                signingKey = KeyUtils.readPrivateKey("jwt/test-private-key.pem");
            }
            return signingKey;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test signing key", e);
        }
    }

    private static Path freshDirectory(String name) throws IOException {
        Path dir = Path.of("target", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }
}
