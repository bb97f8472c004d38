package io.servicerecovery.workflow.incidents;

import java.time.Instant;
import java.util.UUID;

/** A side effect that failed after all its retries, waiting for an operator. */
public record IncidentView(
        String id,
        UUID caseId,
        String step,
        String stepName,
        String type,
        String error,
        Instant createdAt) {
}
