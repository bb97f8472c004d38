package io.servicerecovery.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Drives flows closed-loop (N workers back to back) or open-loop (arrivals at fixed intervals). */
final class Load {

    private Load() {
    }

    /**
     * Closed loop: {@code concurrency} workers, each running flows back to back with its own
     * agent, for warm-up plus duration; then each finishes the flow it is in.
     */
    static void closed(RecoveryFlow flow, Settings s, Phase phase, long start) throws InterruptedException {
        long stop = phase.windowEnd;
        long wait = start - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < s.concurrency; i++) {
            int worker = i;
            // Workers start a quarter second apart (at most over half the warm-up), as traffic
            // ramps up in production, instead of sending their first steps all at the same instant.
            long rampStep = Math.min(250_000_000L, Math.max(0, phase.windowStart - start) / 2 / Math.max(1, s.concurrency));
            long firstStart = start + worker * rampStep;
            Thread t = new Thread(() -> {
                String agent = RecoveryFlow.agentId(worker % s.agents);
                String crm = RecoveryFlow.crmId(worker % s.crmClients);
                long untilStart = firstStart - System.nanoTime();
                if (untilStart > 0) {
                    RecoveryFlow.sleep(untilStart / 1_000_000);
                }
                while (System.nanoTime() < stop) {
                    flow.run(phase, System.nanoTime(), crm, agent);
                }
            }, "closed-" + i);
            t.start();
            workers.add(t);
        }
        progress(phase, start, stop);
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(s.flowTimeoutSeconds * 3L));
        }
    }

    /**
     * Open loop: flow k is due at start + k / rate, whatever happened to earlier flows. A
     * fixed pool runs them; when all its threads are busy, due flows queue, and their
     * latency still counts from when they were due (no coordinated omission).
     */
    static void open(RecoveryFlow flow, Settings s, Phase phase, long start) throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(s.openThreads, s.openThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        long stop = phase.windowEnd;
        long interval = Math.round(1e9 / s.rate);
        AtomicInteger next = new AtomicInteger();
        AtomicLong maxQueued = new AtomicLong();
        List<Future<?>> running = new ArrayList<>();
        Thread progress = new Thread(() -> {
            try {
                progress(phase, start, stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress");
        progress.setDaemon(true);
        progress.start();
        for (long k = 0;; k++) {
            long due = start + k * interval;
            if (due >= stop) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int i = next.getAndIncrement();
            String agent = RecoveryFlow.agentId(i % s.agents);
            String crm = RecoveryFlow.crmId(i % s.crmClients);
            running.add(pool.submit(() -> flow.run(phase, due, crm, agent)));
            maxQueued.accumulateAndGet(pool.getQueue().size(), Math::max);
        }
        // The last flows run to their end before the pool goes: shutting it down at once woke and ended its idle
        // threads (two hundred) while the last arrival's requests were in flight, and that burst of CPU in the load
        // process showed up as the slowest POST /api/cases of several runs.
        long patience = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.flowTimeoutSeconds * 3L);
        for (Future<?> f : running) {
            try {
                f.get(Math.max(0, patience - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // a flow records its own errors; one that hangs is given up on below
            }
        }
        shutdown(pool, s.flowTimeoutSeconds * 3L);
        phase.maxQueuedArrivals = maxQueued.get();
    }

    private static void shutdown(ExecutorService pool, long seconds) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(seconds, TimeUnit.SECONDS)) {
            System.err.println("[bench] flows still running after " + seconds + " s; giving up on them");
            pool.shutdownNow();
        }
    }

    static void progress(Phase phase, long start, long stop) throws InterruptedException {
        long last = 0;
        while (System.nanoTime() < stop) {
            Thread.sleep(5000);
            long now = System.nanoTime();
            long completed = phase.flowsCompleted.sum();
            System.err.printf("[bench] %s %3.0f s%s: %d flows completed (+%d), %d errors%n", phase.name,
                    (now - start) / 1e9, now < phase.windowStart ? " (warm-up)" : "", completed, completed - last,
                    phase.errors.sum());
            last = completed;
        }
    }
}
