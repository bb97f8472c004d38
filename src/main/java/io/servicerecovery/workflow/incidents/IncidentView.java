package io.servicerecovery.workflow.incidents;

import java.time.Instant;
import java.util.UUID;

/**
 * A side effect that failed after all its retries, waiting for an operator. {@code attempts} and
 * {@code nextAttemptAt} are only in the answer of a retry: how many attempts the fresh retry cycle has, and
 * when the first of them runs.
 */
public record IncidentView(
        String id,
        UUID caseId,
        String step,
        String stepName,
        String type,
        String error,
        Instant createdAt,
        Integer attempts,
        Instant nextAttemptAt) {

    public IncidentView(String id, UUID caseId, String step, String stepName, String type, String error,
            Instant createdAt) {
        this(id, caseId, step, stepName, type, error, createdAt, null, null);
    }

    IncidentView retried(int attempts, Instant nextAttemptAt) {
        return new IncidentView(id, caseId, step, stepName, type, error, createdAt, attempts, nextAttemptAt);
    }
}
