package io.servicerecovery.workflow.incidents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.ProblemException;
import io.servicerecovery.workflow.ProcessVariables;

/**
 * The engine's incidents (an async step of the process, such as the follow-up email,
 * whose retries ran out) as operators see them, and the retry that gives such a step one
 * more try. Webhook deliveries are not engine jobs: they end FAILED in their own outbox.
 */
@ApplicationScoped
public class Incidents {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final CaseRepository cases;
    private final Timeline timeline;

    public Incidents(RuntimeService runtime, ManagementService management, RepositoryService repository,
            CaseRepository cases, Timeline timeline) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.cases = cases;
        this.timeline = timeline;
    }

    @Transactional
    public Page<IncidentView> list(UUID caseId, PageRequest page) {
        int offset = 0;
        if (page.position() != null) {
            try {
                offset = Integer.parseInt(page.position());
            } catch (NumberFormatException e) {
                throw PageRequest.badCursor();
            }
        }
        var query = runtime.createIncidentQuery().processDefinitionKeyIn(ProcessVariables.PROCESS_KEY);
        if (caseId != null) {
            RecoveryCase c = cases.findByIdOptional(caseId).orElse(null);
            if (c == null || c.processInstanceId == null) {
                return new Page<>(List.of(), null);
            }
            query.processInstanceId(c.processInstanceId);
        }
        List<Incident> found = query.orderByIncidentTimestamp().desc().listPage(offset, page.limit() + 1);
        boolean more = found.size() > page.limit();
        List<IncidentView> items = (more ? found.subList(0, page.limit()) : found).stream().map(this::view).toList();
        return new Page<>(items, more ? PageRequest.encode(String.valueOf(offset + page.limit())) : null);
    }

    /** Gives the failed job one more try; the job executor runs it at once. */
    @Transactional
    public IncidentView retry(String incidentId, String operator) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId)
                .processDefinitionKeyIn(ProcessVariables.PROCESS_KEY).singleResult();
        if (incident == null) {
            throw ProblemException.notFound("Incident " + incidentId);
        }
        if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw ProblemException.conflict("Only a failed step can be retried; this incident is "
                    + incident.getIncidentType() + ".");
        }
        IncidentView view = view(incident);
        management.setJobRetries(incident.getConfiguration(), 1);
        if (view.caseId() != null) {
            timeline.record(view.caseId(), TimelineKind.INCIDENT_RETRIED, operator,
                    "Retried after an incident: " + view.stepName(),
                    Map.of("incidentId", incidentId, "step", view.step()));
        }
        return view;
    }

    private IncidentView view(Incident incident) {
        UUID caseId = cases.findByProcessInstanceId(incident.getProcessInstanceId()).map(c -> c.id).orElse(null);
        return new IncidentView(incident.getId(), caseId, incident.getActivityId(), stepName(incident),
                incident.getIncidentType(), incident.getIncidentMessage(),
                incident.getIncidentTimestamp() == null ? null : incident.getIncidentTimestamp().toInstant());
    }

    private String stepName(Incident incident) {
        FlowElement element = repository.getBpmnModelInstance(incident.getProcessDefinitionId())
                .getModelElementById(incident.getActivityId());
        return element == null || element.getName() == null ? incident.getActivityId() : element.getName();
    }
}
