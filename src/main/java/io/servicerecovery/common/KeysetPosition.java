package io.servicerecovery.common;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a keyset page ended: the sort keys of its last item. Every list orders by a time and
 * an id (cases, audit and webhooks newest first); a list that sorts by a rank first (the task
 * inbox: priority, then due time) carries that rank too. The list continues with the items
 * strictly after it; the cursor is opaque.
 */
public record KeysetPosition(Integer rank, Instant at, UUID id) {

    public KeysetPosition(Instant at, UUID id) {
        this(null, at, id);
    }

    public static KeysetPosition parse(String position) {
        try {
            String[] parts = position.split("\\|", -1);
            if (parts.length == 2) {
                return new KeysetPosition(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
            if (parts.length == 3) {
                return new KeysetPosition(Integer.valueOf(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2]));
            }
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
        throw PageRequest.badCursor();
    }

    /** A position in a list ordered with a rank: the rank must be there. */
    public static KeysetPosition parseRanked(String position) {
        KeysetPosition parsed = parse(position);
        if (parsed.rank() == null) {
            throw PageRequest.badCursor();
        }
        return parsed;
    }

    /** The opaque cursor a client sends back for the next page. */
    public String cursor() {
        return PageRequest.encode((rank == null ? "" : rank + "|") + at + "|" + id);
    }
}
