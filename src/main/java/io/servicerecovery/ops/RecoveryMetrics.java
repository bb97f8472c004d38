package io.servicerecovery.ops;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.camunda.bpm.engine.RuntimeService;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.timeline.TimelineRecorded;
import io.servicerecovery.common.AfterCommit;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.tasks.StepCompletion.StepCompleted;

/**
 * Business metrics on /q/metrics, counted from the case timeline once the change has
 * committed: cases opened, recovered and cancelled by severity, compensation granted by
 * type and currency, follow-up emails sent and failed, and the open incidents.
 */
@ApplicationScoped
public class RecoveryMetrics {

    private final MeterRegistry registry;
    private final CaseRepository cases;
    private final AfterCommit afterCommit;

    public RecoveryMetrics(MeterRegistry registry, CaseRepository cases, AfterCommit afterCommit) {
        this.registry = registry;
        this.cases = cases;
        this.afterCommit = afterCommit;
    }

    void registerGauges(@Observes StartupEvent start, RuntimeService runtime) {
        Gauge.builder("recovery.incidents.open", runtime,
                r -> r.createIncidentQuery().processDefinitionKeyIn(ProcessVariables.PROCESS_KEY).count())
                .description("Failed side effects waiting for an operator")
                .register(registry);
    }

    void on(@Observes TimelineRecorded event) {
        switch (event.kind()) {
            case CASE_OPENED -> countCase("opened", event);
            case RECOVERED -> countCase("recovered", event);
            case CANCELLED -> countCase("cancelled", event);
            case EMAIL_SENT -> afterCommit.run(() -> registry.counter("recovery.emails", "outcome", "sent").increment());
            case EMAIL_FAILED -> afterCommit.run(() -> registry.counter("recovery.emails", "outcome", "failed").increment());
            case GRANTED -> countGrant(event.details());
            default -> {
            }
        }
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) StepCompleted step) {
        Timer.builder("recovery.step.duration")
                .description("How long a human step was open, from task creation to completion")
                .tag("step", step.step().name()).register(registry)
                .record(java.time.Duration.between(step.opened(), step.done()));
    }

    private void countCase(String what, TimelineRecorded event) {
        RecoveryCase c = cases.findById(event.caseId());
        String severity = c == null ? "UNKNOWN" : c.severity.name();
        afterCommit.run(() -> registry.counter("recovery.cases." + what, "severity", severity).increment());
    }

    private void countGrant(Map<String, ?> details) {
        String type = String.valueOf(details.get("type"));
        String currency = details.get("currency") == null ? "none" : String.valueOf(details.get("currency"));
        BigDecimal amount = new BigDecimal(String.valueOf(details.get("amount")));
        afterCommit.run(() -> {
            registry.counter("recovery.compensation.granted", "type", type, "currency", currency).increment();
            DistributionSummary.builder("recovery.compensation.granted.amount")
                    .description("Credits in money, discounts in percent")
                    .tags("type", type, "currency", currency)
                    .register(registry).record(amount.doubleValue());
        });
    }
}
