package io.servicerecovery.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The engine's mappings parsed ahead (while Quarkus starts, see ServiceMain) are those Camunda parses
 * itself: the engine of the tests is built without ServiceMain, so it parsed its own, the reference.
 * And the engine takes mappings parsed ahead only for its own database type and table prefix, once.
 */
@QuarkusTest
class EngineMappingsTest {

    @Inject
    ProcessEngine engine;

    private static Set<String> describe(Configuration configuration) {
        return configuration.getMappedStatements().stream().filter(MappedStatement.class::isInstance)
                .map(s -> s.getId() + " " + s.getSqlCommandType() + " " + s.getSqlSource().getClass().getSimpleName()
                        + " " + s.getResultMaps().stream().map(m -> m.getId()).toList()
                        + " " + s.getStatementType() + " " + s.getParameterMap().getId() + " " + staticSql(s))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The SQL of a statement without dynamic parts (the database's own syntax is written into it). */
    private static String staticSql(MappedStatement statement) {
        return statement.getSqlSource() instanceof RawSqlSource raw ? raw.getBoundSql(null).getSql() : "(dynamic)";
    }

    @Test
    void theMappingsParsedAheadAreThoseCamundaParses() throws Exception {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Configuration camunda = configuration.getSqlSessionFactory().getConfiguration();

        Configuration ahead = EngineMappings.parse(configuration.getDatabaseType(), "");

        assertThat(describe(ahead)).hasSizeGreaterThan(500).isEqualTo(describe(camunda));
        assertThat(ahead.getResultMapNames()).containsExactlyInAnyOrderElementsOf(camunda.getResultMapNames());
        assertThat(ahead.getSqlFragments().keySet()).containsExactlyInAnyOrderElementsOf(
                camunda.getSqlFragments().keySet());
    }

    @Test
    void theEngineTakesThemOnlyForItsOwnDatabaseAndOnlyOnce() {
        EngineMappings.parseAhead("postgres");
        assertThat(EngineMappings.take("h2", "")).as("parsed for another database").isNull();
        assertThat(EngineMappings.take("postgres", "")).as("already given up").isNull();

        EngineMappings.parseAhead("h2");
        assertThat(EngineMappings.take("h2", "tenant_")).as("another table prefix").isNull();

        EngineMappings.parseAhead("h2");
        assertThat(EngineMappings.take("h2", "")).isNotNull();
        assertThat(EngineMappings.take("h2", "")).as("taken once").isNull();
    }
}
