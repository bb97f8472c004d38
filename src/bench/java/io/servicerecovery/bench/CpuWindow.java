package io.servicerecovery.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** CPU time spent inside a phase's measurement window by the service, the load process and PostgreSQL. */
final class CpuWindow {

    private final long servicePid;
    private final boolean postgres;
    private long serviceStart = -1;
    private long serviceEnd = -1;
    private long ownStart = -1;
    private long ownEnd = -1;
    private long pgStart = -1;
    private long pgEnd = -1;
    private long machineStart = -1;
    private long machineEnd = -1;
    private final Thread sampler;

    /** Samples at the window's start and end, on a thread of its own. servicePid -1: none. */
    CpuWindow(Phase phase, long servicePid, boolean postgres) {
        this(phase, servicePid, postgres, 0);
    }

    /**
     * Samples {@code offsetNanos} after the window's start and end: the open loop's arrivals fall on its window's
     * start, and reading /proc for every PostgreSQL process right then took CPU from the first flow's requests
     * (the slowest POST of several runs); half an arrival interval later the window is as long and as full.
     */
    CpuWindow(Phase phase, long servicePid, boolean postgres, long offsetNanos) {
        this.servicePid = servicePid;
        this.postgres = postgres;
        sampler = new Thread(() -> {
            try {
                sleepUntil(phase.windowStart + offsetNanos);
                serviceStart = servicePid > 0 ? Proc.cpuMillis(servicePid) : -1;
                ownStart = Proc.ownCpuMillis();
                pgStart = postgres ? Proc.postgresCpuMillis() : -1;
                machineStart = Proc.machineBusyMillis();
                sleepUntil(phase.windowEnd + offsetNanos);
                serviceEnd = servicePid > 0 ? Proc.cpuMillis(servicePid) : -1;
                ownEnd = Proc.ownCpuMillis();
                pgEnd = postgres ? Proc.postgresCpuMillis() : -1;
                machineEnd = Proc.machineBusyMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-sampler");
        sampler.setDaemon(true);
    }

    /** Starts sampling; call after the phase's window is set. */
    CpuWindow start() {
        sampler.start();
        return this;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    Map<String, Object> describe(Phase phase, String ownName) throws InterruptedException {
        sampler.join(5000);
        long flows = Math.max(1, phase.flowsCompletedInWindow.sum());
        double seconds = phase.windowSeconds();
        Map<String, Object> m = new LinkedHashMap<>();
        if (serviceStart >= 0 && serviceEnd >= 0) {
            put(m, "service", serviceEnd - serviceStart, flows, seconds);
        }
        if (ownStart >= 0 && ownEnd >= 0) {
            put(m, ownName, ownEnd - ownStart, flows, seconds);
        }
        long ours = 0;
        if (pgStart >= 0 && pgEnd >= 0) {
            put(m, "postgresql (all databases)", pgEnd - pgStart, flows, seconds);
            ours += pgEnd - pgStart;
        }
        if (machineStart >= 0 && machineEnd >= 0) {
            ours += Math.max(0, serviceEnd - serviceStart) + Math.max(0, ownEnd - ownStart);
            // What else ran on the machine meanwhile (other builds and tests): noise in these figures.
            put(m, "other processes", Math.max(0, machineEnd - machineStart - ours), flows, seconds);
        }
        return m;
    }

    private static void put(Map<String, Object> m, String who, long cpuMillis, long flows, double seconds) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cpuSeconds", Math.round(cpuMillis / 10.0) / 100.0);
        v.put("coresBusy", Math.round(cpuMillis / 1000.0 / seconds * 100) / 100.0);
        v.put("cpuMsPerFlow", Math.round(cpuMillis * 10.0 / flows) / 10.0);
        m.put(who, v);
    }
}
