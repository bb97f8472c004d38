package io.servicerecovery.workflow.tasks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.servicerecovery.common.Page;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The task list's {@code wait}: a client that expects a task (the next step of a case it
 * drives) asks once and gets the answer as soon as the task exists, instead of polling. While
 * it waits, no thread is held: the request is parked until {@link TaskArrivals} wakes it or
 * the recheck interval passes (for tasks opened on another replica), then the list is read
 * again on a worker thread.
 */
@ApplicationScoped
public class TaskWaits {

    /** The longest wait a client may ask for; HTTP clients and proxies keep a request open that long. */
    public static final int MAX_WAIT_SECONDS = 30;

    private final TaskArrivals arrivals;
    private final TaskInbox inbox;
    private final long recheckNanos;
    private final int maxWaiting;

    public TaskWaits(TaskArrivals arrivals, TaskInbox inbox,
            @ConfigProperty(name = "recovery.tasks.wait-recheck", defaultValue = "1s") Duration recheck,
            @ConfigProperty(name = "recovery.tasks.max-waiting", defaultValue = "1000") int maxWaiting) {
        this.arrivals = arrivals;
        this.inbox = inbox;
        this.recheckNanos = recheck.toNanos();
        this.maxWaiting = maxWaiting;
    }

    /**
     * The page of {@code query} now when it has tasks, or when there is nothing to wait for;
     * otherwise the first non-empty page within {@code wait}, or the empty page after it.
     * Beyond {@code recovery.tasks.max-waiting} waiting requests the answer is the page now.
     */
    public Uni<Page<TaskSummary>> firstNonEmpty(InboxTaskRepository.Query query, int limit, Duration wait) {
        if (wait.isZero() || arrivals.waiting() >= maxWaiting) {
            return Uni.createFrom().item(inbox.page(query, limit));
        }
        TaskArrivals.Waiter waiter = arrivals.register(query.caseId());
        Page<TaskSummary> now;
        try {
            now = inbox.page(query, limit);
        } catch (RuntimeException e) {
            waiter.cancel();
            throw e;
        }
        if (!now.items().isEmpty()) {
            waiter.cancel();
            return Uni.createFrom().item(now);
        }
        CompletableFuture<Page<TaskSummary>> answer = new CompletableFuture<>();
        awaitThenRead(waiter, query, limit, System.nanoTime() + wait.toNanos(), answer);
        return Uni.createFrom().completionStage(answer);
    }

    private void awaitThenRead(TaskArrivals.Waiter waiter, InboxTaskRepository.Query query, int limit, long deadline,
            CompletableFuture<Page<TaskSummary>> answer) {
        long left = Math.max(0, deadline - System.nanoTime());
        waiter.signal().completeOnTimeout(null, Math.min(left, recheckNanos), TimeUnit.NANOSECONDS)
                .thenRunAsync(() -> {
                    waiter.cancel();
                    TaskArrivals.Waiter next = arrivals.register(query.caseId());
                    try {
                        Page<TaskSummary> page = inbox.page(query, limit);
                        if (!page.items().isEmpty() || System.nanoTime() >= deadline) {
                            next.cancel();
                            answer.complete(page);
                        } else {
                            awaitThenRead(next, query, limit, deadline, answer);
                        }
                    } catch (RuntimeException e) {
                        next.cancel();
                        answer.completeExceptionally(e);
                    }
                }, Infrastructure.getDefaultWorkerPool());
    }
}
