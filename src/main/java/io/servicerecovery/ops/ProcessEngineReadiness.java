package io.servicerecovery.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the engine's job executor runs: without it emails, grants and
 * escalations would silently stop. (The database is checked by the datasource's own
 * readiness check; liveness depends on neither, so a database outage does not restart pods.)
 */
@Readiness
@ApplicationScoped
public class ProcessEngineReadiness implements HealthCheck {

    private final ProcessEngine engine;

    public ProcessEngineReadiness(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = executor != null && executor.isActive();
        return HealthCheckResponse.named("process-engine")
                .status(active)
                .withData("engine", engine.getName())
                .withData("jobExecutorActive", active)
                .build();
    }
}
