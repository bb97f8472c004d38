package io.servicerecovery.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One measured phase (closed-loop, open-loop or the bare engine). Samples whose start lies
 * in the measurement window [start, end) are recorded; flows count when they complete
 * inside the window. Errors are counted over the whole phase, warm-up included.
 */
final class Phase {

    /** Latencies are recorded in microseconds, up to 10 minutes, 3 significant digits. */
    static final long HIGHEST_MICROS = 600_000_000L;

    final String name;
    volatile long windowStart = Long.MAX_VALUE;
    volatile long windowEnd = Long.MAX_VALUE;
    private final Map<String, ConcurrentHistogram> latencies = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, LongAdder> errorsByEndpoint = new ConcurrentHashMap<>();
    final LongAdder flowsStarted = new LongAdder();
    final LongAdder flowsCompleted = new LongAdder();
    final LongAdder flowsCompletedInWindow = new LongAdder();
    final LongAdder flowsFailed = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder errorsInWindow = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder requestsInWindow = new LongAdder();
    final LongAdder polls = new LongAdder();
    final AtomicLong lastCompletion = new AtomicLong();
    /** Open loop: the most arrivals that waited for a free load thread at once. */
    volatile long maxQueuedArrivals;
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    /** The slowest requests of each endpoint, with when they started: shows whether a tail comes in bursts. */
    private final Map<String, PriorityQueue<long[]>> slowest = new ConcurrentHashMap<>();
    static final int SLOWEST_KEPT = 5;

    Phase(String name) {
        this.name = name;
    }

    void window(long start, long end) {
        this.windowStart = start;
        this.windowEnd = end;
    }

    boolean inWindow(long nanos) {
        return nanos >= windowStart && nanos < windowEnd;
    }

    double windowSeconds() {
        return (windowEnd - windowStart) / 1e9;
    }

    /** Records a latency from {@code startNanos} to now under {@code key}, if it started in the window. */
    void record(String key, long startNanos, long endNanos) {
        requests.increment();
        if (inWindow(startNanos)) {
            requestsInWindow.increment();
            long micros = Math.min(HIGHEST_MICROS, Math.max(0, (endNanos - startNanos) / 1000));
            histogram(key).recordValue(micros);
            keepIfSlowest(key, micros, startNanos);
        }
    }

    private void keepIfSlowest(String key, long micros, long startNanos) {
        PriorityQueue<long[]> kept = slowest.computeIfAbsent(key,
                k -> new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0])));
        synchronized (kept) {
            kept.add(new long[] {micros, (startNanos - windowStart) / 1_000_000});
            if (kept.size() > SLOWEST_KEPT) {
                kept.poll();
            }
        }
    }

    /** Per endpoint, its slowest requests, slowest first: "41.2 ms at 12.3 s" (seconds into the window). */
    Map<String, List<String>> slowestRequests() {
        Map<String, List<String>> out = new TreeMap<>();
        slowest.forEach((key, kept) -> {
            List<long[]> list;
            synchronized (kept) {
                list = new ArrayList<>(kept);
            }
            list.sort((a, b) -> Long.compare(b[0], a[0]));
            out.put(key, list.stream().map(e -> ms(e[0]) + " ms at " + (e[1] / 100) / 10.0 + " s").toList());
        });
        return out;
    }

    /** Records a duration that is not a request (a wait for an async step, a whole flow). */
    void recordDuration(String key, long startNanos, long endNanos) {
        if (inWindow(startNanos)) {
            histogram(key).recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (endNanos - startNanos) / 1000)));
        }
    }

    void error(String endpoint, long startNanos, String detail) {
        errors.increment();
        if (inWindow(startNanos)) {
            errorsInWindow.increment();
        }
        errorsByEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
        if (errorSamples.size() < 20) {
            errorSamples.add(endpoint + ": " + detail);
        }
    }

    void completed(long flowStart, long endNanos) {
        flowsCompleted.increment();
        if (inWindow(endNanos)) {
            flowsCompletedInWindow.increment();
        }
        lastCompletion.accumulateAndGet(endNanos, Math::max);
    }

    private ConcurrentHistogram histogram(String key) {
        synchronized (latencies) {
            return latencies.computeIfAbsent(key, k -> new ConcurrentHistogram(HIGHEST_MICROS, 3));
        }
    }

    double flowsPerSecond() {
        return flowsCompletedInWindow.sum() / windowSeconds();
    }

    Map<String, Object> latencyTable() {
        Map<String, Object> table = new LinkedHashMap<>();
        List<Map.Entry<String, ConcurrentHistogram>> entries;
        synchronized (latencies) {
            entries = new ArrayList<>(latencies.entrySet());
        }
        for (Map.Entry<String, ConcurrentHistogram> e : entries) {
            table.put(e.getKey(), summary(e.getValue(), errorsByEndpoint.getOrDefault(e.getKey(), new LongAdder()).sum()));
        }
        errorsByEndpoint.forEach((k, v) -> {
            if (!table.containsKey(k)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("count", 0);
                m.put("errors", v.sum());
                table.put(k, m);
            }
        });
        return table;
    }

    static Map<String, Object> summary(Histogram h, long errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("errors", errors);
        m.put("p50Ms", ms(h.getValueAtPercentile(50)));
        m.put("p95Ms", ms(h.getValueAtPercentile(95)));
        m.put("p99Ms", ms(h.getValueAtPercentile(99)));
        m.put("maxMs", ms(h.getMaxValue()));
        m.put("meanMs", Math.round(h.getMean() / 10.0) / 100.0);
        return m;
    }

    static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    List<String> errorSamples() {
        synchronized (errorSamples) {
            return new ArrayList<>(errorSamples);
        }
    }
}
