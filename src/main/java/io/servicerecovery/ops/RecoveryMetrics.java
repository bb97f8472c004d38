package io.servicerecovery.ops;

import java.math.BigDecimal;
import java.time.Duration;
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
import io.servicerecovery.cases.CaseMilestone;
import io.servicerecovery.compensation.CompensationEvents;
import io.servicerecovery.timeline.TimelineRecorded;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.tasks.StepCompletion.StepCompleted;

/**
 * Business metrics on /q/metrics (the management port), counted by observers of the features' events once the
 * change has committed (nothing is counted for a change that rolls back): cases opened,
 * recovered and cancelled by severity, proposals and decisions, human steps, compensation
 * granted by type and currency, follow-up emails sent and failed, and the open incidents.
 */
@ApplicationScoped
public class RecoveryMetrics {

    private final MeterRegistry registry;

    public RecoveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void registerGauges(@Observes StartupEvent start, RuntimeService runtime) {
        Gauge.builder("recovery.incidents.open", runtime,
                r -> r.createIncidentQuery().processDefinitionKeyIn(ProcessVariables.PROCESS_KEY).count())
                .description("Failed side effects waiting for an operator")
                .register(registry);
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseMilestone milestone) {
        String what = switch (milestone.kind()) {
            case OPENED -> "opened";
            case RECOVERED -> "recovered";
            case CANCELLED -> "cancelled";
        };
        registry.counter("recovery.cases." + what, "severity",
                milestone.severity() == null ? "UNKNOWN" : milestone.severity().name()).increment();
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) TimelineRecorded event) {
        switch (event.kind()) {
            case EMAIL_SENT -> registry.counter("recovery.emails", "outcome", "sent").increment();
            case EMAIL_FAILED -> registry.counter("recovery.emails", "outcome", "failed").increment();
            case GRANTED -> countGrant(event.details());
            default -> {
            }
        }
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) CompensationEvents.Proposed proposal) {
        registry.counter("recovery.compensation.proposals", "outcome",
                proposal.withinEmpowerment() ? "within" : "escalated", "level", proposal.proposerLevel().name(),
                "type", proposal.type().name()).increment();
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) CompensationEvents.Decided decision) {
        Timer.builder("recovery.compensation.decision.time")
                .description("Time from a proposal to its decision")
                .tag("outcome", decision.outcome().name())
                .register(registry)
                .record(decision.decisionTime());
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) StepCompleted step) {
        Timer.builder("recovery.step.duration")
                .description("How long a human step was open, from task creation to completion")
                .tag("step", step.step().name()).register(registry)
                .record(Duration.between(step.opened(), step.done()));
    }

    private void countGrant(Map<String, ?> details) {
        String type = String.valueOf(details.get("type"));
        String currency = details.get("currency") == null ? "none" : String.valueOf(details.get("currency"));
        BigDecimal amount = new BigDecimal(String.valueOf(details.get("amount")));
        registry.counter("recovery.compensation.granted", "type", type, "currency", currency).increment();
        DistributionSummary.builder("recovery.compensation.granted.amount")
                .description("Credits in money, discounts in percent")
                .tags("type", type, "currency", currency)
                .register(registry).record(amount.doubleValue());
    }
}
