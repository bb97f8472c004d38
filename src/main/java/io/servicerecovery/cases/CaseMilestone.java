package io.servicerecovery.cases;

import java.util.UUID;

/** A case opened or closed, fired in the transaction that did it; observers (metrics) act once it commits. */
public record CaseMilestone(UUID caseId, Kind kind, Severity severity) {

    public enum Kind {
        OPENED,
        RECOVERED,
        CANCELLED
    }
}
