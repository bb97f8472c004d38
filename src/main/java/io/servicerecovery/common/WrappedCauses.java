package io.servicerecovery.common;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looks through a failure for the database's own error. The engine, Hibernate, MyBatis and the transaction
 * manager wrap it in causes, a batch's next exceptions and suppressed exceptions, sometimes in loops.
 */
final class WrappedCauses {

    private WrappedCauses() {
    }

    /** Whether {@code failure} or anything it wraps matches. */
    static boolean anyMatch(Throwable failure, Predicate<Throwable> test) {
        return search(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static boolean search(Throwable t, Predicate<Throwable> test, Set<Throwable> seen, int depth) {
        if (t == null || depth > 40 || !seen.add(t)) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        if (t instanceof SQLException sql && search(sql.getNextException(), test, seen, depth + 1)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (search(suppressed, test, seen, depth + 1)) {
                return true;
            }
        }
        return search(t.getCause(), test, seen, depth + 1);
    }
}
