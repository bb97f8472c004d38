package io.servicerecovery.workflow.tasks;

import java.time.Instant;
import java.util.UUID;

import io.servicerecovery.cases.Severity;
import io.servicerecovery.workflow.RecoveryStep;

public record TaskSummary(
        String id,
        RecoveryStep type,
        UUID caseId,
        String customerName,
        Severity severity,
        int priority,
        Instant due,
        String assignee,
        Instant created) {
}
