package io.servicerecovery.timeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.servicerecovery.common.Json;

/** Writes and reads the timeline of a case. Every feature records its steps here. */
@ApplicationScoped
public class Timeline {

    private final TimelineRepository entries;
    private final Json json;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<TimelineRecorded> recorded;
    private final TransactionSynchronizationRegistry transaction;

    /** The entries recorded in the current transaction, kept as a resource of that transaction. */
    private static final String RECORDED_HERE = Timeline.class.getName() + ".recordedHere";

    public Timeline(TimelineRepository entries, Json json, Clock clock,
            jakarta.enterprise.event.Event<TimelineRecorded> recorded, TransactionSynchronizationRegistry transaction) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
        this.recorded = recorded;
        this.transaction = transaction;
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
        recordedHere().add(entry);
        recorded.fire(new TimelineRecorded(entry.id, caseId, kind, actor, entry.summary,
                details == null ? Map.of() : details, entry.occurredAt));
    }

    public List<TimelineEntryView> of(UUID caseId) {
        return entries.forCase(caseId).stream().map(this::view).toList();
    }

    /**
     * The timeline of a case created in the current transaction. Every entry such a case has was recorded in
     * this transaction, so they are taken from here instead of being read back (the 201 of a new case shows
     * them). Two entries at the same instant are read back after all: the database orders those by id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEntryView> ofCaseCreatedHere(UUID caseId) {
        List<TimelineEntry> here = recordedHere().stream().filter(e -> e.caseId.equals(caseId))
                .sorted(Comparator.comparing(e -> e.occurredAt)).toList();
        for (int i = 1; i < here.size(); i++) {
            if (here.get(i).occurredAt.equals(here.get(i - 1).occurredAt)) {
                return of(caseId);
            }
        }
        return here.stream().map(this::view).toList();
    }

    private TimelineEntryView view(TimelineEntry e) {
        return new TimelineEntryView(e.occurredAt, e.kind, e.actor, e.summary, json.readMap(e.details));
    }

    @SuppressWarnings("unchecked")
    private List<TimelineEntry> recordedHere() {
        List<TimelineEntry> here = (List<TimelineEntry>) transaction.getResource(RECORDED_HERE);
        if (here == null) {
            here = new ArrayList<>();
            transaction.putResource(RECORDED_HERE, here);
        }
        return here;
    }
}
