package io.servicerecovery.workflow.engine;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.jobexecutor.ThreadPoolJobExecutor;
import org.jboss.logging.Logger;

/**
 * The engine's job executor on threads of the service's own: a fixed pool of
 * {@code pool-size} threads named {@code job-executor-N} with a bounded queue, and the
 * acquisition on a thread of its own (so every pool thread runs jobs). On shutdown it
 * stops acquiring, then lets running jobs finish within the grace period; a job still
 * running after that keeps its lock and is taken over once the lock expires.
 */
class ServiceJobExecutor extends ThreadPoolJobExecutor {

    private static final Logger LOG = Logger.getLogger(ServiceJobExecutor.class);

    private final int poolSize;
    private final int queueSize;
    private final Duration shutdownGrace;

    ServiceJobExecutor(EngineConfig.JobExecutor config) {
        this.poolSize = config.poolSize();
        this.queueSize = config.queueSize();
        this.shutdownGrace = config.shutdownGrace();
        setMaxJobsPerAcquisition(config.maxJobsPerAcquisition());
        setLockTimeInMillis(Math.toIntExact(config.lockTime().toMillis()));
        setWaitTimeInMillis(Math.toIntExact(config.waitTime().toMillis()));
        setMaxWait(config.maxWait().toMillis());
        name = "job-acquisition";
    }

    @Override
    protected void startExecutingJobs() {
        if (threadPoolExecutor == null || threadPoolExecutor.isShutdown()) {
            // core = max: a ThreadPoolExecutor only grows past its core size when the queue is full
            threadPoolExecutor = new ThreadPoolExecutor(poolSize, poolSize, 0L, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(queueSize), new NamedThreads("job-executor-"),
                    new ThreadPoolExecutor.AbortPolicy());
        }
        super.startExecutingJobs();
    }

    @Override
    protected void stopExecutingJobs() {
        super.stopExecutingJobs();
        threadPoolExecutor.shutdown();
        try {
            if (!threadPoolExecutor.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("Jobs still running after %s; they are taken over when their lock expires", shutdownGrace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record NamedThreads(String prefix, AtomicInteger next) implements ThreadFactory {
        NamedThreads(String prefix) {
            this(prefix, new AtomicInteger(1));
        }

        @Override
        public Thread newThread(Runnable runnable) {
            return new Thread(runnable, prefix + next.getAndIncrement());
        }
    }
}
