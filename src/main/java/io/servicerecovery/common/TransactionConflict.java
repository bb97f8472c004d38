package io.servicerecovery.common;

import java.sql.SQLException;

/**
 * Tells a transaction that the database rolled back because it collided with another one (a deadlock
 * or a serialization failure, SQLState class 40: PostgreSQL's 40P01 and 40001, H2's 40001 "Deadlock
 * detected") from any other failure. Nothing of such a transaction was written, and the same work run
 * again in a new transaction normally succeeds (H2 reports such a deadlock between two cases opened at the
 * same moment, on inserts into the engine's activity history). The engine and the transaction manager wrap the JDBC error,
 * so causes, next exceptions and suppressed exceptions are searched.
 */
public final class TransactionConflict {

    private TransactionConflict() {
    }

    /** Whether {@code failure}, or anything it wraps, is a deadlock or serialization failure. */
    public static boolean causedBy(Throwable failure) {
        return WrappedCauses.anyMatch(failure, t -> t instanceof SQLException sql
                && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())));
    }
}
