package io.servicerecovery.workflow.engine;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.jboss.logging.Logger;

/**
 * Camunda's MyBatis mappings, parsed on a thread of their own while Quarkus starts.
 * <p>
 * Why: building the engine parses about a hundred mapping files (the SQL of every engine
 * table) on the main thread, after the rest of Quarkus has started. The parse needs nothing
 * but the database type, so {@link io.servicerecovery.ServiceMain} starts it before Quarkus,
 * and the engine takes the result when it gets there. The result is what Camunda's own
 * {@code initSqlSessionFactory} builds, with the same properties; the engine uses it only for
 * the same database type and table prefix, and otherwise (tests, dev mode, another database)
 * parses as usual.
 * <p>
 * This copies engine internals, so it stays only while it saves over 10 % of start to ready
 * (issue 31), to be measured again at every engine upgrade. Measured 2026-12-07 on one machine
 * with 2 cores (other work beside it, load average 2.5 to 6, so the absolute figures are high;
 * the pairs compare), the demo build
 * ({@code mvn package -DskipTests -Dquarkus.profile=demo}) with and without this class and its
 * two callers, {@code QUARKUS_PROFILE=demo java -Xmx256m -Xss512k -XX:+UseSerialGC
 * -XX:MetaspaceSize=64m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m
 * -XX:TieredStopAtLevel=1 -jar quarkus-run.jar} (the image's options), each start on a fresh
 * copy of one existing H2 database, timed from the launch to the first 200 of
 * {@code /q/health/ready} (polled every 50 ms), 7 starts of each, alternating, medians:
 * <ul>
 * <li>with each build's AppCDS archive (as the image starts): 8.04 s with, 10.27 s without,
 * 22 % less (every one of the 7 pairs 1.2 to 3.0 s sooner);</li>
 * <li>without AppCDS: 12.03 s with, 13.56 s without, 11 % less (every pair 0.3 to 3.9 s sooner).</li>
 * </ul>
 * CPU to ready was the same within noise (11.9 against 12.6 s with AppCDS): the parse moves
 * off the critical path, it is not cheaper.
 */
public final class EngineMappings {

    private static final Logger LOG = Logger.getLogger(EngineMappings.class);

    /** Where Camunda keeps the list of mapping files (ProcessEngineConfigurationImpl). */
    static final String MAPPINGS = "org/camunda/bpm/engine/impl/mapping/mappings.xml";

    private static volatile Ahead ahead;

    private record Ahead(String databaseType, CompletableFuture<Configuration> configuration) {
    }

    private EngineMappings() {
    }

    /** Starts parsing for {@code databaseType} (Camunda's name: h2, postgres, ...) on a daemon thread. */
    public static void parseAhead(String databaseType) {
        CompletableFuture<Configuration> parsed = new CompletableFuture<>();
        ahead = new Ahead(databaseType, parsed);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread parser = new Thread(() -> {
            try {
                parsed.complete(parse(databaseType, ""));
            } catch (Throwable e) {
                parsed.completeExceptionally(e);
            }
        }, "engine-mappings");
        parser.setContextClassLoader(loader);
        parser.setDaemon(true);
        parser.start();
    }

    /**
     * The mappings parsed ahead for this database type and table prefix, once; null when none were (or
     * for another type, or when that parse failed: the engine then parses them itself).
     */
    static Configuration take(String databaseType, String tablePrefix) {
        Ahead taken = ahead;
        ahead = null;
        if (taken == null || !taken.databaseType().equals(databaseType) || !"".equals(tablePrefix)) {
            return null;
        }
        try {
            return taken.configuration().join();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Engine mappings parsed ahead are not usable; parsing them again");
            return null;
        }
    }

    /** What Camunda's initSqlSessionFactory parses (without its environment, set by the engine). */
    static Configuration parse(String databaseType, String tablePrefix) throws java.io.IOException {
        try (InputStream in = EngineMappings.class.getClassLoader().getResourceAsStream(MAPPINGS)) {
            if (in == null) {
                throw new IllegalStateException(MAPPINGS + " not found");
            }
            Properties properties = new Properties();
            properties.put("prefix", tablePrefix);
            ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
            return new XMLConfigBuilder(new InputStreamReader(in, StandardCharsets.UTF_8), "", properties).parse();
        }
    }
}
