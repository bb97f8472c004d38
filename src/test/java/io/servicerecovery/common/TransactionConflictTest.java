package io.servicerecovery.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * A deadlock or serialization failure is recognized however the engine and the transaction manager wrap
 * it; other database errors (a unique key taken, a connection refused) are not collisions.
 */
class TransactionConflictTest {

    @Test
    void aDeadlockIsACollisionWhereverItIsWrapped() {
        SQLException h2Deadlock = new SQLException("Deadlock detected", "40001", 40001);
        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0]);
        batch.setNextException(h2Deadlock);
        RuntimeException engine = new RuntimeException("ENGINE-03004", new IllegalStateException("flush", batch));

        assertThat(TransactionConflict.causedBy(engine)).isTrue();
        assertThat(TransactionConflict.causedBy(new RuntimeException(
                new SQLException("deadlock detected", "40P01")))).isTrue();
        RuntimeException suppressing = new RuntimeException("rollback failed");
        suppressing.addSuppressed(new SQLException("could not serialize access", "40001"));
        assertThat(TransactionConflict.causedBy(suppressing)).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(TransactionConflict.causedBy(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(TransactionConflict.causedBy(new RuntimeException(
                new SQLException("Connection refused", "08001")))).isFalse();
        assertThat(TransactionConflict.causedBy(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
