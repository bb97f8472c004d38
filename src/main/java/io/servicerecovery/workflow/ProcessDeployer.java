package io.servicerecovery.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.jboss.logging.Logger;

import io.servicerecovery.workflow.engine.EngineStarted;

/**
 * Deploys the models from {@code bpmn/} when the engine starts. Duplicate filtering
 * makes a restart, or a second replica, reuse the deployed version instead of creating
 * a new one; a changed model becomes a new version for new cases only.
 */
@ApplicationScoped
public class ProcessDeployer {

    static final String DEPLOYMENT_NAME = "service-recovery";
    static final String[] RESOURCES = { "bpmn/service-recovery.bpmn", "bpmn/compensation-matrix.dmn" };

    private static final Logger LOG = Logger.getLogger(ProcessDeployer.class);

    void deploy(@Observes EngineStarted event, RepositoryService repository) {
        var builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        for (String resource : RESOURCES) {
            builder.addClasspathResource(resource);
        }
        Deployment deployment = builder.deploy();
        LOG.infof("Process models deployed (deployment %s)", deployment.getId());
    }
}
