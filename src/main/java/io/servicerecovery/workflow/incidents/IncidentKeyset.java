package io.servicerecovery.workflow.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.IncidentQuery;

import io.servicerecovery.common.KeysetPosition;

/**
 * Keyset pages over the engine's incidents in the order every list of the service has: newest
 * first, then by id. The engine's incident query filters by time (strictly before or after) and
 * has no native SQL, but it cannot compare ids. So the incidents of one instant (a millisecond,
 * the engine's precision) are always taken whole and ordered here: those of the instant a page
 * ended at that come after its last id, and the instant a fetch stops in. An instant holds a
 * handful of incidents at most, so taking it whole costs nothing, and the order never depends on
 * how the database collates ids.
 */
final class IncidentKeyset {

    static final Comparator<Incident> NEWEST_FIRST = Comparator
            .comparing((Incident i) -> i.getIncidentTimestamp().getTime()).reversed()
            .thenComparing(Incident::getId, Comparator.reverseOrder());

    private IncidentKeyset() {
    }

    /**
     * Up to {@code size} incidents strictly after {@code after} (all from the newest when it is
     * null), in {@link #NEWEST_FIRST} order.
     */
    static List<Incident> page(Supplier<IncidentQuery> query, KeysetPosition after, int size) {
        List<Incident> found = new ArrayList<>();
        IncidentQuery older = query.get();
        if (after != null) {
            Date at = Date.from(after.at());
            String lastId = after.id().toString();
            sameInstant(query, at.getTime()).stream().filter(i -> i.getId().compareTo(lastId) < 0).forEach(found::add);
            older.incidentTimestampBefore(at);
        }
        if (found.size() < size) {
            List<Incident> next = older.orderByIncidentTimestamp().desc().orderByIncidentId().desc().listPage(0, size);
            if (next.size() == size) {
                // The fetch may stop inside an instant: take that instant whole.
                long last = next.get(size - 1).getIncidentTimestamp().getTime();
                next.stream().filter(i -> i.getIncidentTimestamp().getTime() != last).forEach(found::add);
                found.addAll(sameInstant(query, last));
            } else {
                found.addAll(next);
            }
        }
        found.sort(NEWEST_FIRST);
        return found.size() > size ? found.subList(0, size) : found;
    }

    private static List<Incident> sameInstant(Supplier<IncidentQuery> query, long millis) {
        return query.get().incidentTimestampAfter(new Date(millis - 1)).incidentTimestampBefore(new Date(millis + 1))
                .list();
    }
}
