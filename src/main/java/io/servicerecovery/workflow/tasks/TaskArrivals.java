package io.servicerecovery.workflow.tasks;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Wakes the task-list requests that wait for a task (a client's {@code wait}) when a task
 * opens in this process. Only after the commit, so a woken request reads the task. Tasks that
 * open on another replica are not heard of here; {@link TaskWaits} reads again every
 * {@code recovery.tasks.wait-recheck} for them.
 */
@ApplicationScoped
public class TaskArrivals {

    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

    /** One waiting request: woken by a task of its case, or of any case when it names none. */
    public final class Waiter {

        private final UUID caseId;
        private final CompletableFuture<Void> signal = new CompletableFuture<>();

        private Waiter(UUID caseId) {
            this.caseId = caseId;
        }

        /** Completes when a task that may match has opened since this waiter was registered. */
        public CompletableFuture<Void> signal() {
            return signal;
        }

        public void cancel() {
            waiters.remove(this);
        }

        private boolean wants(UUID opened) {
            return caseId == null || caseId.equals(opened);
        }
    }

    /** Register before reading the list: a task that opens between the read and the wait still wakes it. */
    public Waiter register(UUID caseId) {
        Waiter waiter = new Waiter(caseId);
        waiters.add(waiter);
        return waiter;
    }

    /** How many requests wait now (for the bound on waits). */
    public int waiting() {
        return waiters.size();
    }

    void opened(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskOpened event) {
        for (Waiter waiter : waiters) {
            if (waiter.wants(event.caseId())) {
                waiter.signal.complete(null);
            }
        }
    }
}
