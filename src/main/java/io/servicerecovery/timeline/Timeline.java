package io.servicerecovery.timeline;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.servicerecovery.common.Json;

/** Writes and reads the timeline of a case. Every feature records its steps here. */
@ApplicationScoped
public class Timeline {

    private final TimelineRepository entries;
    private final Json json;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<TimelineRecorded> recorded;

    public Timeline(TimelineRepository entries, Json json, Clock clock,
            jakarta.enterprise.event.Event<TimelineRecorded> recorded) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
        this.recorded = recorded;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID caseId, TimelineKind kind, String actor, String summary, Map<String, ?> details) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.caseId = caseId;
        entry.occurredAt = clock.instant();
        entry.kind = kind;
        entry.actor = actor;
        entry.summary = summary.length() > 500 ? summary.substring(0, 497) + "..." : summary;
        entry.details = details == null || details.isEmpty() ? null : json.write(details);
        entries.persist(entry);
        recorded.fire(new TimelineRecorded(entry.id, caseId, kind, actor, entry.summary,
                details == null ? Map.of() : details, entry.occurredAt));
    }

    public List<TimelineEntryView> of(UUID caseId) {
        return entries.forCase(caseId).stream()
                .map(e -> new TimelineEntryView(e.occurredAt, e.kind, e.actor, e.summary, json.readMap(e.details)))
                .toList();
    }
}
