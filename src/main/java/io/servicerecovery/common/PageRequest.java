package io.servicerecovery.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated {@code limit} and {@code cursor}. Cursors are opaque to clients: base64url
 * of a position that only the list that issued it understands.
 */
public record PageRequest(int limit, String position) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Deeper than anyone pages by hand; keeps offset + limit far from overflowing. */
    public static final int MAX_OFFSET = 1_000_000;
    private static final String OFFSET = "offset:";

    public static PageRequest of(Integer limit, String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
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
            throw ProblemException.invalid("cursor", "is not a cursor issued by this list");
        }
    }

    /**
     * For lists that page by offset (those the engine answers): the offset this page starts at. Cursors are
     * the service's own, but the client sends them back: anything but "offset:N" with N from 0 to
     * {@link #MAX_OFFSET} is a 400 naming {@code cursor}, never an engine error.
     */
    public int offset() {
        if (position == null) {
            return 0;
        }
        if (!position.startsWith(OFFSET)) {
            throw badCursor();
        }
        try {
            int offset = Integer.parseInt(position.substring(OFFSET.length()));
            if (offset < 0 || offset > MAX_OFFSET) {
                throw badCursor();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw badCursor();
        }
    }

    /** The cursor of the page that starts at this offset. */
    public static String offsetCursor(int offset) {
        return encode(OFFSET + offset);
    }

    public static ProblemException badCursor() {
        return ProblemException.invalid("cursor", "is not a cursor issued by this list");
    }
}
