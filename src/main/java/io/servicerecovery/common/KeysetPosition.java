package io.servicerecovery.common;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a keyset page ended: the sort time and id of its last item. Lists ordered by
 * (time desc, id desc) continue with the items strictly after it; the cursor is opaque.
 */
public record KeysetPosition(Instant at, UUID id) {

    public static KeysetPosition parse(String position) {
        try {
            int bar = position.indexOf('|');
            return new KeysetPosition(Instant.parse(position.substring(0, bar)), UUID.fromString(position.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }

    /** The opaque cursor a client sends back for the next page. */
    public String cursor() {
        return PageRequest.encode(at + "|" + id);
    }
}
