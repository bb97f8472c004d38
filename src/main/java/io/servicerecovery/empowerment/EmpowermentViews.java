package io.servicerecovery.empowerment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.servicerecovery.common.SingleLine;

/** Request and response bodies of the empowerment API. */
public final class EmpowermentViews {

    private EmpowermentViews() {
    }

    public record LevelView(Level level, boolean approving, List<LimitsInput> limits, String etag) {
    }

    public record LevelUpdate(@NotNull @Size(max = 50) List<@NotNull @Valid LimitsInput> limits,
            @NotBlank @Size(max = 2000) @SingleLine String reason) {
    }

    public record AgentView(String agentId, Level level, List<LimitsInput> overrides, List<EffectiveLimits> effective) {
    }

    public record AgentUpdate(@NotNull Level level, @Size(max = 50) List<@NotNull @Valid LimitsInput> overrides,
            @NotBlank @Size(max = 2000) @SingleLine String reason) {
    }

    public record AuditView(UUID id, Instant at, String by, String targetType, String targetId,
            Map<String, Object> oldValue, Map<String, Object> newValue, String reason) {
    }

    public record SimulationRequest(@NotNull Instant from, @NotNull Instant to,
            @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid CandidateLevel> levels) {
    }

    public record CandidateLevel(@NotNull Level level, @NotNull @Size(max = 50) List<@NotNull @Valid LimitsInput> limits) {
    }

    public record SimulationResult(Instant from, Instant to, int proposals, int approvedWithinEmpowerment, int escalated,
            List<io.servicerecovery.common.Money> spend, Map<Level, Integer> approvalsByLevel,
            int currentlyApprovedWithinEmpowerment) {
    }
}
