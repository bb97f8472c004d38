package io.servicerecovery.workflow;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.cases.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/** How long a task may stay open, by the severity of the failure ({@code recovery.sla.<SEVERITY>}). */
@ApplicationScoped
public class SlaPolicy {

    private final Map<Severity, Duration> dueAfter = new EnumMap<>(Severity.class);

    public SlaPolicy(Settings settings) {
        for (Severity severity : Severity.values()) {
            Duration due = settings.dueAfter().get(severity.name());
            if (due == null) {
                throw new IllegalStateException("recovery.sla." + severity.name() + " is not set");
            }
            dueAfter.put(severity, due);
        }
    }

    public Duration dueAfter(Severity severity) {
        return dueAfter.get(severity);
    }

    /** {@code recovery.sla.<SEVERITY>}: every severity needs one. */
    @ConfigMapping(prefix = "recovery.sla")
    public interface Settings {
        @WithParentName
        Map<String, Duration> dueAfter();
    }
}
