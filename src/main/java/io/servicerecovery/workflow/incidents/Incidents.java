package io.servicerecovery.workflow.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.KeysetPosition;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.workflow.ProcessVariables;

/**
 * The engine's incidents (an async step of the process, such as the follow-up email,
 * whose retries ran out) as operators see them, and the retry that gives such a step a
 * fresh retry cycle. Webhook deliveries are not engine jobs: they end FAILED in their own outbox.
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

    /**
     * Open incidents, newest first, as keyset pages: the cursor is the time and id of a page's last
     * incident, so incidents raised while an operator pages come before it and shift nothing.
     */
    @Transactional
    public Page<IncidentView> list(UUID caseId, PageRequest page) {
        KeysetPosition after = page.position() == null ? null : KeysetPosition.parse(page.position());
        if (after != null && after.rank() != null) {
            throw PageRequest.badCursor();
        }
        String processInstanceId = null;
        if (caseId != null) {
            RecoveryCase c = cases.findByIdOptional(caseId).orElse(null);
            if (c == null || c.processInstanceId == null) {
                return new Page<>(List.of(), null);
            }
            processInstanceId = c.processInstanceId;
        }
        String instance = processInstanceId;
        List<Incident> found = IncidentKeyset.page(() -> {
            IncidentQuery query = runtime.createIncidentQuery().processDefinitionKeyIn(ProcessVariables.PROCESS_KEY);
            return instance == null ? query : query.processInstanceId(instance);
        }, after, page.limit() + 1);
        boolean more = found.size() > page.limit();
        List<Incident> rows = more ? found.subList(0, page.limit()) : found;
        String next = null;
        if (more) {
            Incident last = rows.get(rows.size() - 1);
            next = new KeysetPosition(last.getIncidentTimestamp().toInstant(), UUID.fromString(last.getId())).cursor();
        }
        return new Page<>(rows.stream().map(this::view).toList(), next);
    }

    /**
     * Gives the failed step a fresh retry cycle: as many attempts as its cycle has (for the email, the
     * {@code recovery.mail.retry-cycle} the case started with), the first one now. A single attempt would
     * not outlast an outage that is still on: the step would be an incident again at once.
     */
    @Transactional
    public IncidentView retry(String incidentId, String operator) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId)
                .processDefinitionKeyIn(ProcessVariables.PROCESS_KEY).singleResult();
        if (incident == null) {
            throw DomainException.notFound("Incident " + incidentId);
        }
        if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw DomainException.conflict("Only a failed step can be retried; this incident is "
                    + incident.getIncidentType() + ".");
        }
        IncidentView view = view(incident);
        String jobId = incident.getConfiguration();
        String cycle = retryCycle(incident);
        int attempts = RetryCycle.attempts(cycle);
        management.setJobRetries(jobId, attempts);
        // The engine's own now, which is what the job executor compares due dates with.
        management.setJobDuedate(jobId, ClockUtil.getCurrentTime());
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        Instant next = job == null || job.getDuedate() == null ? null : job.getDuedate().toInstant();
        if (view.caseId() != null) {
            timeline.record(view.caseId(), TimelineKind.INCIDENT_RETRIED, operator,
                    "Retried after an incident: " + view.stepName() + " (" + attempts + " attempts)",
                    Map.of("incidentId", incidentId, "step", view.step(), "attempts", attempts,
                            "retryCycle", cycle == null ? "" : cycle));
        }
        return view.retried(attempts, next);
    }

    /** The step's failedJobRetryTimeCycle, with a process variable in it resolved; null when it has none. */
    private String retryCycle(Incident incident) {
        FlowElement element = repository.getBpmnModelInstance(incident.getProcessDefinitionId())
                .getModelElementById(incident.getActivityId());
        if (element == null || element.getExtensionElements() == null) {
            return null;
        }
        CamundaFailedJobRetryTimeCycle configured = element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream().findFirst().orElse(null);
        if (configured == null || configured.getTextContent() == null) {
            return null;
        }
        String cycle = configured.getTextContent().strip();
        java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\$\\{(\\w+)}").matcher(cycle);
        if (variable.matches()) {
            Object value = runtime.getVariable(incident.getProcessInstanceId(), variable.group(1));
            return value == null ? null : value.toString();
        }
        return cycle;
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
