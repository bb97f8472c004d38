package io.servicerecovery.workflow.engine;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The process engine's settings ({@code recovery.engine.*}). Only what this service sets
 * is here; everything else keeps the engine's own default. The benchmark's bare-engine
 * baseline reads the same keys, so both run with one configuration.
 */
@ConfigMapping(prefix = "recovery.engine")
public interface EngineConfig {

    /** {@code none}, {@code activity}, {@code audit} or {@code full}. */
    @WithDefault("full")
    String history();

    /**
     * History without the variable-update details and the identity-link log, which nobody reads
     * ({@link LeanHistory}); false writes them as level {@code full} does.
     */
    @WithDefault("true")
    boolean leanHistory();

    /** Every process and decision must say how long its history is kept. */
    @WithDefault("true")
    boolean enforceHistoryTimeToLive();

    /** Java-serialized variables would let a client put arbitrary classes into the engine. */
    @WithDefault("false")
    boolean javaSerializationFormatEnabled();

    /** Batched inserts and updates at the end of each engine transaction. */
    @WithDefault("true")
    boolean jdbcBatchProcessing();

    /** The engine's own metrics (activity instances, executed jobs, decisions). */
    @WithDefault("true")
    boolean metricsEnabled();

    HistoryCleanup historyCleanup();

    JobExecutor jobExecutor();

    interface HistoryCleanup {
        /** {@code removalTimeBased} or {@code endTimeBased}. */
        @WithDefault("removalTimeBased")
        String strategy();

        /** Start of the daily window in which old history is removed (HH:mm, server time). */
        @WithDefault("01:00")
        String windowStart();

        @WithDefault("05:00")
        String windowEnd();
    }

    interface JobExecutor {
        /** Off only for tests that drive jobs by hand. */
        @WithDefault("true")
        boolean enabled();

        /** Threads that execute jobs (the acquisition runs on a thread of its own). */
        @WithDefault("8")
        int poolSize();

        /**
         * Acquired jobs waiting for a thread. A job refused by a full queue stays locked
         * until its lock expires, so the queue must hold a few acquisitions' worth.
         */
        @WithDefault("64")
        int queueSize();

        @WithDefault("16")
        int maxJobsPerAcquisition();

        /**
         * How long an acquired job belongs to this process. After a crash another start or
         * replica takes it over once this has passed; keep it above the slowest side
         * effect ({@code recovery.mail.send-timeout}).
         */
        @WithDefault("PT5M")
        Duration lockTime();

        /** Pause between acquisitions when no job was found; doubled up to max-wait. */
        @WithDefault("PT1S")
        Duration waitTime();

        @WithDefault("PT5S")
        Duration maxWait();

        /** On shutdown, how long running jobs may take to finish before they are abandoned to their lock. */
        @WithDefault("PT60S")
        Duration shutdownGrace();
    }
}
