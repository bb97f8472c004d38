package io.servicerecovery;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.servicerecovery.workflow.engine.EngineMappings;

/**
 * The service's entry point: Quarkus' own start, with the engine's mappings parsed beside it.
 * <p>
 * The engine's SQL mappings take over a second to parse and need only the database type, which is fixed
 * when the service is built ({@code quarkus.datasource.db-kind}). Parsing them on a second thread while
 * Quarkus starts on this one shortens the time to ready (see {@link EngineMappings}).
 */
@QuarkusMain
public class ServiceMain {

    /** Quarkus' database kinds and Camunda's names for them. */
    private static final Map<String, String> CAMUNDA_DATABASE_TYPE = Map.of("postgresql", "postgres", "h2", "h2");

    public static void main(String... args) {
        databaseKind().map(CAMUNDA_DATABASE_TYPE::get).ifPresent(EngineMappings::parseAhead);
        Quarkus.run(args);
    }

    private static Optional<String> databaseKind() {
        try {
            return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.db-kind", String.class);
        } catch (RuntimeException notReadable) {
            return Optional.empty(); // the engine then parses its mappings itself
        }
    }
}
