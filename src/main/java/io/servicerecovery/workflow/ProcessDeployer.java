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

    private volatile String recoveryProcessId;

    void deploy(@Observes EngineStarted event, RepositoryService repository) {
        var builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        for (String resource : RESOURCES) {
            builder.addClasspathResource(resource);
        }
        Deployment deployment = builder.deploy();
        // The version new cases start on: the newest, which is this build's models, or a newer one that another
        // replica deployed before us. Remembered, so starting a case does not look the version up every time.
        recoveryProcessId = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .latestVersion().singleResult().getId();
        LOG.infof("Process models deployed (deployment %s); new cases start %s", deployment.getId(), recoveryProcessId);
    }

    /**
     * The process definition that new cases start, as of this replica's start.
     * A replica that deploys a changed model later does not change it here: this replica's delegates stay with
     * the version they were built for until it restarts.
     */
    public String recoveryProcessId() {
        if (recoveryProcessId == null) {
            throw new IllegalStateException("The process models are not deployed yet: the engine has not started");
        }
        return recoveryProcessId;
    }
}
