package io.servicerecovery.workflow.engine;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;

/**
 * Builds the Camunda engine when the service starts and closes it when the service stops.
 * <p>
 * The engine uses Quarkus' datasource and Narayana's transaction manager, with
 * transactions managed outside the engine: an engine command joins the transaction of the
 * request or job that runs it. The job executor starts only after {@link EngineStarted}
 * observers (the deployment of the models) have run, so no job runs against a process
 * that is not deployed yet.
 */
@Startup
@Singleton
public class ProcessEngineLifecycle {

    private static final Logger LOG = Logger.getLogger(ProcessEngineLifecycle.class);

    private final ProcessEngine engine;

    ProcessEngineLifecycle(EngineConfig config, AgroalDataSource dataSource, TransactionManager transactions) {
        var configuration = new ServiceProcessEngineConfiguration();
        configuration.setProcessEngineName("service-recovery");
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactions);
        configuration.setTransactionsExternallyManaged(true);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setExpressionManager(new CdiExpressionManager());
        configuration.setHistory(config.history());
        if (config.leanHistory()) {
            configuration.setHistoryEventHandler(new LeanHistory());
        }
        configuration.setEnforceHistoryTimeToLive(config.enforceHistoryTimeToLive());
        configuration.setJavaSerializationFormatEnabled(config.javaSerializationFormatEnabled());
        configuration.setJdbcBatchProcessing(config.jdbcBatchProcessing());
        configuration.setMetricsEnabled(config.metricsEnabled());
        configuration.setHistoryCleanupStrategy(config.historyCleanup().strategy());
        configuration.setHistoryCleanupBatchWindowStartTime(config.historyCleanup().windowStart());
        configuration.setHistoryCleanupBatchWindowEndTime(config.historyCleanup().windowEnd());
        configuration.setJobExecutor(new ServiceJobExecutor(config.jobExecutor()));
        // started below, once the models are deployed
        configuration.setJobExecutorActivate(false);
        this.engine = configuration.buildProcessEngine();
        LOG.infof("Process engine %s built (history %s%s)", engine.getName(), config.history(),
                config.leanHistory() ? ", without variable details and identity-link log" : "");
    }

    void start(@Observes StartupEvent start, Event<EngineStarted> started, EngineConfig config) {
        started.fire(new EngineStarted(engine));
        if (config.jobExecutor().enabled()) {
            jobExecutor().start();
        }
    }

    /** On the shutdown event, while the datasource is still open for the jobs that finish. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (jobExecutor().isActive()) {
            jobExecutor().shutdown();
        }
        engine.close();
    }

    private org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    @Produces
    @Singleton
    ProcessEngine processEngine() {
        return engine;
    }

    @Produces
    @Singleton
    RuntimeService runtimeService() {
        return engine.getRuntimeService();
    }

    @Produces
    @Singleton
    TaskService taskService() {
        return engine.getTaskService();
    }

    @Produces
    @Singleton
    RepositoryService repositoryService() {
        return engine.getRepositoryService();
    }

    @Produces
    @Singleton
    ManagementService managementService() {
        return engine.getManagementService();
    }

    @Produces
    @Singleton
    HistoryService historyService() {
        return engine.getHistoryService();
    }

    @Produces
    @Singleton
    DecisionService decisionService() {
        return engine.getDecisionService();
    }
}
