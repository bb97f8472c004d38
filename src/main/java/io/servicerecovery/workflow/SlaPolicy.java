package io.servicerecovery.workflow;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.servicerecovery.cases.Severity;

/** How long a task may stay open, by the severity of the failure ({@code recovery.sla.<SEVERITY>}). */
@ApplicationScoped
public class SlaPolicy {

    private final Map<Severity, Duration> dueAfter = new EnumMap<>(Severity.class);

    public SlaPolicy(Config config) {
        for (Severity severity : Severity.values()) {
            dueAfter.put(severity, config.getValue("recovery.sla." + severity.name(), Duration.class));
        }
    }

    public Duration dueAfter(Severity severity) {
        return dueAfter.get(severity);
    }
}
