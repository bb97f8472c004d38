package io.servicerecovery.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a request that failed because the database could not be reached (refused or broken
 * connections, a pool that found no connection in time, a server shutting down or starting up)
 * from a failure of our own. Such a request is answered 503 with Retry-After rather than 500: the
 * client did nothing wrong, nothing was saved (the request's transaction rolled back with the
 * connection), and the same request, Idempotency-Key included, succeeds once the database is back.
 * The engine and the transaction manager wrap the JDBC error, so causes and suppressed exceptions
 * are searched.
 */
public final class DatabaseOutage {

    /** Long enough for a pool to reconnect after a database restart, short enough not to stall a CRM. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** Agroal's message when no connection became available within the acquisition timeout. */
    private static final String ACQUISITION_TIMEOUT = "Acquisition timeout";

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database cannot be reached. */
    public static boolean causedBy(Throwable failure) {
        return WrappedCauses.anyMatch(failure, DatabaseOutage::isUnreachable);
    }

    /** What a request that failed so was told: the database is away, retry the same request shortly. */
    public static DomainException.Unavailable unavailable() {
        return new DomainException.Unavailable("database-unavailable", "Service unavailable",
                "The database cannot be reached at the moment; nothing was saved. Retry the same request in "
                        + RETRY_AFTER_SECONDS + " seconds.",
                RETRY_AFTER_SECONDS);
    }

    /** The 503 problem for a request that failed so. */
    public static Problem problem(String instance) {
        return ProblemMappers.problemOf(unavailable(), instance);
    }

    private static boolean isUnreachable(Throwable t) {
        if (markedRollbackOnlyByThePool(t) || poolCouldNotEnlist(t)) {
            return true;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof JDBCConnectionException) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null) {
            // Class 08 is "connection exception" (08P01 is PostgreSQL's protocol violation: a bug, not an outage);
            // 57P01..57P03 are PostgreSQL's administrator shutdown, crash shutdown and "cannot connect now".
            if (state.startsWith("08") && !state.equals("08P01")) {
                return true;
            }
            if (state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                return true;
            }
        }
        return sql.getMessage() != null && sql.getMessage().startsWith(ACQUISITION_TIMEOUT);
    }

    /**
     * Agroal's "Failed to enlist" when a pooled connection cannot start the request's transaction: the
     * connection's own error (H2's "Database is already closed", a dropped socket) is only logged by the
     * transaction manager, not chained. With the service's one datasource the other reason Agroal names
     * (a second datasource in the same transaction) cannot happen, so this is the database being away.
     */
    private static boolean poolCouldNotEnlist(Throwable t) {
        if (!(t instanceof SQLException) || t.getMessage() == null || !t.getMessage().startsWith("Failed to enlist")) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("io.agroal.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Narayana's record of who marked the transaction rollback-only ("setRollbackOnly called from"): when it was
     * the pool, enlisting a connection that could not start a transaction, the commit fails with a
     * RollbackException that carries only this trace, not the connection's error (seen when the database went
     * away under pooled connections).
     */
    private static boolean markedRollbackOnlyByThePool(Throwable t) {
        if (t.getClass() != Throwable.class || t.getMessage() == null
                || !t.getMessage().startsWith("setRollbackOnly called from")) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("io.agroal.")) {
                return true;
            }
        }
        return false;
    }
}
