package io.servicerecovery.timeline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One thing that happened on a case: who, when, and with what (details as a JSON document). */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public TimelineKind kind;
    public String actor;
    public String summary;
    public String details;
}
