package io.servicerecovery.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Fired synchronously, inside the transaction, whenever something is recorded on a case:
 * other features (webhooks, metrics) react to case events without the case code knowing them,
 * and whatever they write commits or rolls back with the change itself.
 */
public record TimelineRecorded(UUID entryId, UUID caseId, TimelineKind kind, String actor, String summary,
        Map<String, ?> details, Instant at) {
}
