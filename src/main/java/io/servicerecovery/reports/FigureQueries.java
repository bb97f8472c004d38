package io.servicerecovery.reports;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs the report's figure families at the same time, each in a transaction of its own on a small pool of
 * threads of its own ({@link ReportSettings#parallelQueries()}).
 * <p>
 * Why not one transaction: under READ COMMITTED each query already sees what was committed when it started,
 * so one transaction gave no common snapshot either; separate transactions change nothing a reader could
 * notice, and let the database work on the figures side by side.
 */
@ApplicationScoped
class FigureQueries {

    private final ExecutorService pool;

    FigureQueries(ReportSettings settings) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "report-figures-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.parallelQueries()), threads);
    }

    /** Starts one figure family's queries in a transaction of their own. */
    <T> CompletableFuture<T> start(Supplier<T> figures) {
        return CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(figures::get), pool);
    }

    /** The figures, or the family's own exception (so a database outage still answers 503, not 500). */
    static <T> T await(CompletableFuture<T> figures) {
        try {
            return figures.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
