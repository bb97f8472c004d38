package io.servicerecovery.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.h2.api.ErrorCode;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a request that failed because the database could not be reached (refused or broken
 * connections, a pool that found no connection in time, a server shutting down or starting up)
 * from a failure of our own. Such a request is answered 503 with Retry-After rather than 500: the
 * client did nothing wrong, nothing was saved (the request's transaction rolled back with the
 * connection), and the same request, Idempotency-Key included, succeeds once the database is back.
 * The engine and the transaction manager wrap the JDBC error, so causes and suppressed exceptions
 * are searched. Classified by type, SQLState and H2's error codes; what the pool and the transaction manager
 * say only in words is read in {@link LibraryWording}.
 */
public final class DatabaseOutage {

    /** Long enough for a pool to reconnect after a database restart, short enough not to stall a CRM. */
    public static final int RETRY_AFTER_SECONDS = 5;

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
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && (connectionState(sql) || h2ConnectionLost(sql))) {
            return true;
        }
        // What the pool and the transaction manager throw with no type, SQLState or code of their own.
        return LibraryWording.agroalAcquisitionTimeout(t) || LibraryWording.agroalCouldNotEnlist(t)
                || LibraryWording.narayanaRollbackOnlyFromAgroal(t);
    }

    /**
     * SQLState class 08 is "connection exception" (08P01 is PostgreSQL's protocol violation: a bug, not an
     * outage); 57P01..57P03 are PostgreSQL's administrator shutdown, crash shutdown and "cannot connect now".
     */
    private static boolean connectionState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") && !state.equals("08P01")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /**
     * H2's codes for a connection that is gone (its SQLState is the code itself); most come as
     * SQLNonTransientConnectionException already, these are the ones that may not.
     */
    private static boolean h2ConnectionLost(SQLException sql) {
        return switch (sql.getErrorCode()) {
            case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN ->
                String.valueOf(sql.getErrorCode()).equals(sql.getSQLState());
            default -> false;
        };
    }
}
