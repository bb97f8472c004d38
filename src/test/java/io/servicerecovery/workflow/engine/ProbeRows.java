package io.servicerecovery.workflow.engine;

import java.time.Instant;
import java.util.UUID;

import io.servicerecovery.empowerment.AuditEntry;

/** Rows of the service's own (the empowerment audit table) that the transaction probes write. */
final class ProbeRows {

    static final String TYPE = "PROBE";

    private ProbeRows() {
    }

    static AuditEntry auditRow(String marker) {
        return auditRow(UUID.randomUUID(), marker);
    }

    static AuditEntry auditRow(UUID id, String marker) {
        AuditEntry row = new AuditEntry();
        row.id = id;
        row.changedAt = Instant.now();
        row.changedBy = "engine-transaction-test";
        row.targetType = TYPE;
        row.targetId = marker;
        row.newValue = "{}";
        row.reason = "transaction probe";
        return row;
    }
}
