package io.servicerecovery.empowerment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of empowerment: who, when, what it was, what it became, and why. */
@Entity
@Table(name = "empowerment_audit")
public class AuditEntry {

    public static final String LEVEL = "LEVEL";
    public static final String AGENT = "AGENT";

    @Id
    public UUID id;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public String targetId;
    @Column(name = "old_value")
    public String oldValue;
    @Column(name = "new_value")
    public String newValue;
    public String reason;
}
