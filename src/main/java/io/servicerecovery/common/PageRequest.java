package io.servicerecovery.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated {@code limit} and {@code cursor}. Cursors are opaque to clients: base64url
 * of a {@link KeysetPosition}, the one cursor format of every list; a list parses it and
 * answers 400 naming {@code cursor} for anything it did not issue.
 */
public record PageRequest(int limit, String position) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(effective, decode(cursor));
    }

    public static String encode(String position) {
        return position == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cursor", "is not a cursor issued by this list");
        }
    }

    public static DomainException.Invalid badCursor() {
        return DomainException.invalid("cursor", "is not a cursor issued by this list");
    }
}
