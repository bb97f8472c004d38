package io.servicerecovery.common;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * The one place where a failure is recognised by a library's words, because the library gives it no type, no
 * SQLState and no code of its own. Everything else is classified by type ({@link DatabaseOutage},
 * {@link JsonProblems}). Each wording here is pinned by {@code LibraryWordingTest}, which drives the real library
 * into the failure: a release that rewords one fails that test, not a request in production (a 503 or a 400
 * turned back into a 500).
 */
final class LibraryWording {

    private LibraryWording() {
    }

    // --- Agroal 3 (the connection pool): a plain SQLException without SQLState for each of these.

    /**
     * No connection within the acquisition timeout: "Sorry, acquisition timeout!" (every connection in use) or
     * "Acquisition timeout while waiting for new connection" (opening one took too long; its cause is the
     * TimeoutException, the only typed part).
     */
    static boolean agroalAcquisitionTimeout(Throwable t) {
        if (!(t instanceof SQLException) || t.getMessage() == null || ((SQLException) t).getSQLState() != null) {
            return false;
        }
        return t.getCause() instanceof TimeoutException && t.getMessage().startsWith("Acquisition timeout")
                || t.getMessage().equals("Sorry, acquisition timeout!");
    }

    /**
     * "Failed to enlist. Check if a connection from another datasource is already enlisted to the same
     * transaction": the transaction manager refused a pooled connection, because it could not start the
     * request's transaction (the connection's own error, H2's "Database is already closed" or a dropped socket,
     * is only logged by the transaction manager, not chained). With the service's one datasource the other
     * reason Agroal names cannot happen.
     */
    static boolean agroalCouldNotEnlist(Throwable t) {
        return t instanceof SQLException && t.getMessage() != null && t.getMessage().startsWith("Failed to enlist")
                && thrownFromAgroal(t);
    }

    // --- Narayana (the transaction manager).

    /**
     * Narayana's record of who marked the transaction rollback-only, a bare Throwable "setRollbackOnly called
     * from": when it was the pool, enlisting a connection that could not start a transaction, the commit fails
     * with a RollbackException that carries only this trace, not the connection's error.
     */
    static boolean narayanaRollbackOnlyFromAgroal(Throwable t) {
        return t.getClass() == Throwable.class && t.getMessage() != null
                && t.getMessage().startsWith("setRollbackOnly called from") && thrownFromAgroal(t);
    }

    private static boolean thrownFromAgroal(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("io.agroal.")) {
                return true;
            }
        }
        return false;
    }

    // --- Jackson 2 (JSON): JsonParseException or MismatchedInputException with only the message to tell these.

    /** The key of "Duplicate field 'x'" (parser's strict duplicate detection) or "Duplicate Object property 'x'". */
    static String jacksonDuplicateKey(String originalMessage) {
        java.util.regex.Matcher m = DUPLICATE.matcher(originalMessage == null ? "" : originalMessage);
        return m.find() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern
            .compile("Duplicate (?:field|Object property) '(.*)'", java.util.regex.Pattern.DOTALL);

    /** "Trailing token (of type X) found after value" (FAIL_ON_TRAILING_TOKENS). */
    static boolean jacksonTrailingToken(String originalMessage) {
        return originalMessage != null && originalMessage.startsWith("Trailing token");
    }

    /** "Invalid UTF-8 start byte", "Invalid UTF-8 middle byte" and the like. */
    static boolean jacksonInvalidUtf8(String originalMessage) {
        return originalMessage != null && (originalMessage.contains("UTF-8") || originalMessage.contains("UTF8"));
    }

    /** "Non-standard token 'NaN'" (and Infinity): not JSON numbers. */
    static boolean jacksonNonStandardNumber(String originalMessage) {
        return originalMessage != null && (originalMessage.contains("Non-standard token")
                || originalMessage.contains("NaN") || originalMessage.contains("Infinity"));
    }

    /** "No content to map due to end-of-input": an empty body. */
    static boolean jacksonNoContent(String originalMessage) {
        return originalMessage != null && originalMessage.contains("No content");
    }
}
