package io.servicerecovery.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.ThreadPoolJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

import io.servicerecovery.workflow.engine.EngineConfig;
import io.servicerecovery.workflow.engine.LeanHistory;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;

/**
 * The bare engine: the same BPMN, driven in-process through the Camunda Java API on a
 * database of its own, with the delegates and the task listeners as no-op beans, except the
 * recommendation, which evaluates the same decision table as the service, with the
 * engine's own FEEL engine, as the service uses it. No HTTP,
 * no service tables, no security, no email. It completes the same user tasks and runs the
 * same async jobs with the service's engine settings (history level, job executor pool,
 * queue and acquisition, id generator, connection pool size), read from the same
 * environment variables the service reads. Closed loop at the given concurrency.
 * <p>
 * Waits are not polls: the no-op listener of the COMPENSATION task and the no-op delegate
 * of the last step complete a future when their transaction commits.
 */
public final class Baseline {

    static final String START = "engine: start process instance";
    static final String QUERY = "engine: task query by process instance";
    static final String CLAIM = "engine: claim ACCOUNTABILITY";
    static final String COMPLETE_ACCOUNTABILITY = "engine: complete ACCOUNTABILITY";
    static final String COMPLETE_APOLOGY = "engine: complete APOLOGY";
    static final String COMPLETE_COMPENSATION = "engine: complete COMPENSATION";
    static final String WAIT_COMPENSATION = "wait: APOLOGY completed -> COMPENSATION task committed";
    static final String WAIT_END = "wait: COMPENSATION completed -> process ended";
    static final String FLOW = "flow: start -> process ended";

    private static final Map<String, CompletableFuture<Void>> COMPENSATION_READY = new ConcurrentHashMap<>();
    private static final Map<String, CompletableFuture<Void>> ENDED = new ConcurrentHashMap<>();
    /**
     * The decision's inputs by business key: the service reads them from its case row, not from process variables,
     * so the baseline keeps them beside the engine too (in memory, cheaper than the service's read).
     */
    private static final Map<String, Map<String, Object>> CASE_FACTS = new ConcurrentHashMap<>();

    private Baseline() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].substring(2), args[i + 1]);
        }
        String url = a.get("jdbc-url");
        String user = a.getOrDefault("jdbc-user", "");
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "16"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        int duration = Integer.parseInt(a.getOrDefault("duration", "60"));
        int agents = Integer.parseInt(a.getOrDefault("agents", "32"));
        int timeout = Integer.parseInt(a.getOrDefault("flow-timeout", "60"));
        Path bpmn = Path.of(a.getOrDefault("bpmn-dir", "bpmn"));
        Path out = Path.of(a.get("out"));
        boolean postgres = url.startsWith("jdbc:postgresql:");

        EngineSettings engineSettings = EngineSettings.fromServiceConfiguration();
        long t0 = System.nanoTime();
        ProcessEngine engine = build(url, user, postgres, engineSettings);
        engine.getRepositoryService().createDeployment().name("bench-baseline").enableDuplicateFiltering(true)
                .addInputStream("service-recovery.bpmn", Files.newInputStream(bpmn.resolve("service-recovery.bpmn")))
                .addInputStream("compensation-matrix.dmn", open(bpmn.resolve("compensation-matrix.dmn")))
                .deploy();
        long engineStartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        Database db = new Database(url, user, "");
        Map<String, Long> rowsBefore = db.rowCounts();
        long sizeBefore = db.sizeBytes();

        Phase phase = new Phase("bare engine");
        long start = System.nanoTime() + 50_000_000L;
        phase.window(start + warmup * 1_000_000_000L, start + (warmup + duration) * 1_000_000_000L);
        CpuWindow cpu = new CpuWindow(phase, -1, postgres).start();
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            String agent = RecoveryFlow.agentId(i % agents);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < phase.windowEnd) {
                    flow(phase, runtime, tasks, agent, timeout);
                }
            }, "baseline-" + i);
            workers.add(t);
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, start - System.nanoTime()));
        workers.forEach(Thread::start);
        Load.progress(phase, start, phase.windowEnd);
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(timeout * 3L));
        }
        Map<String, Object> cpuFigures = cpu.describe(phase, "bare engine (process)");

        Map<String, Long> rowsAfter = db.rowCounts();
        long sizeAfter = db.sizeBytes();
        long flows = phase.flowsStarted.sum();
        long finishedInHistory = -1;
        if (!engineSettings.history.equals("none")) {
            HistoryService history = engine.getHistoryService();
            finishedInHistory = history.createHistoricProcessInstanceQuery().finished().count();
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("engineStartMillis", engineStartMillis);
        result.put("engineSettings", engineSettings.describe());
        result.put("concurrency", concurrency);
        result.put("warmupSeconds", warmup);
        result.put("durationSeconds", duration);
        result.put("flowsStarted", flows);
        result.put("flowsCompleted", phase.flowsCompleted.sum());
        result.put("flowsCompletedInWindow", phase.flowsCompletedInWindow.sum());
        result.put("flowsPerSecond", Database.round(phase.flowsPerSecond()));
        result.put("finishedProcessInstancesInHistory", finishedInHistory);
        result.put("errors", phase.errors.sum());
        result.put("errorsInWindow", phase.errorsInWindow.sum());
        result.put("errorSamples", phase.errorSamples());
        result.put("latencies", phase.latencyTable());
        result.put("cpu", cpuFigures);
        result.put("rssKbAfterRun", Proc.statusKb(ProcessHandle.current().pid(), "VmRSS"));
        result.put("peakRssKb", Proc.statusKb(ProcessHandle.current().pid(), "VmHWM"));
        result.put("rowsPerFlow", Database.rowsPerCase(rowsBefore, rowsAfter, Math.max(1, flows)));
        if (sizeBefore >= 0) {
            result.put("databaseBytesPerFlow", (sizeAfter - sizeBefore) / Math.max(1, flows));
        }
        engine.close();
        Files.writeString(out, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.exit(0);
    }

    private static InputStream open(Path path) throws java.io.IOException {
        return Files.newInputStream(path);
    }

    private static void flow(Phase phase, RuntimeService runtime, TaskService tasks, String agent, int timeout) {
        phase.flowsStarted.increment();
        String key = UUID.randomUUID().toString();
        CompletableFuture<Void> compensationReady = new CompletableFuture<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        COMPENSATION_READY.put(key, compensationReady);
        ENDED.put(key, ended);
        long flowStart = System.nanoTime();
        String step = START;
        try {
            CASE_FACTS.put(key, Map.of("severity", "HIGH", "tier", "GOLD", "stage", "POST_PURCHASE",
                    "repeatFailure", false));
            // The service's start variables (RecoveryProcess.start): what the model routes, assigns and retries with.
            Map<String, Object> variables = new HashMap<>();
            variables.put("caseId", key);
            variables.put("ownerAgent", null);
            variables.put("accountableAgent", null);
            variables.put("emailRetryCycle", "R5/PT1M");
            String instance = runtime.startProcessInstanceByKey("service-recovery", key, variables).getId();
            phase.record(START, flowStart, System.nanoTime());

            step = QUERY;
            String accountability = task(phase, tasks, instance);
            step = CLAIM;
            long t = System.nanoTime();
            tasks.claim(accountability, agent);
            phase.record(CLAIM, t, System.nanoTime());
            step = COMPLETE_ACCOUNTABILITY;
            t = System.nanoTime();
            tasks.complete(accountability, Map.of("accountableAgent", agent));
            phase.record(COMPLETE_ACCOUNTABILITY, t, System.nanoTime());

            step = QUERY;
            String apology = task(phase, tasks, instance);
            step = COMPLETE_APOLOGY;
            t = System.nanoTime();
            tasks.complete(apology);
            long apologized = System.nanoTime();
            phase.record(COMPLETE_APOLOGY, t, apologized);

            step = WAIT_COMPENSATION;
            compensationReady.get(timeout, TimeUnit.SECONDS);
            phase.recordDuration(WAIT_COMPENSATION, apologized, System.nanoTime());
            step = QUERY;
            String compensation = task(phase, tasks, instance);
            step = COMPLETE_COMPENSATION;
            Map<String, Object> decision = new HashMap<>();
            decision.put("withinEmpowerment", true);
            decision.put("approverGroups", "");
            decision.put("approvalTimeout", null);
            t = System.nanoTime();
            tasks.complete(compensation, decision);
            long proposed = System.nanoTime();
            phase.record(COMPLETE_COMPENSATION, t, proposed);

            step = WAIT_END;
            ended.get(timeout, TimeUnit.SECONDS);
            long end = System.nanoTime();
            phase.recordDuration(WAIT_END, proposed, end);
            phase.recordDuration(FLOW, flowStart, end);
            phase.completed(flowStart, end);
        } catch (TimeoutException e) {
            phase.flowsFailed.increment();
            phase.error(step, flowStart, "timed out after " + timeout + " s, process " + key);
        } catch (Exception e) {
            phase.flowsFailed.increment();
            phase.error(step, flowStart, e.toString());
        } finally {
            COMPENSATION_READY.remove(key);
            ENDED.remove(key);
            CASE_FACTS.remove(key);
        }
    }

    private static String task(Phase phase, TaskService tasks, String instance) {
        long t = System.nanoTime();
        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        phase.record(QUERY, t, System.nanoTime());
        if (task == null) {
            throw new IllegalStateException("no open task in process " + instance);
        }
        return task.getId();
    }

    /** Completes the waiter of this business key once the current engine transaction has committed. */
    private static void onCommit(Map<String, CompletableFuture<Void>> waiters, String businessKey) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                commandContext -> {
                    CompletableFuture<Void> waiter = waiters.get(businessKey);
                    if (waiter != null) {
                        waiter.complete(null);
                    }
                });
    }

    private static ProcessEngine build(String url, String user, boolean postgres, EngineSettings s) {
        Map<Object, Object> beans = new HashMap<>();
        JavaDelegate noop = execution -> {
        };
        TaskListener taskCreated = task -> {
            if ("ProposeCompensation".equals(task.getTaskDefinitionKey())) {
                onCommit(COMPENSATION_READY, task.getExecution().getProcessBusinessKey());
            }
        };
        beans.put("taskCreatedListener", taskCreated);
        // The service keeps its task inbox table in this listener (issue 12); the bare engine has no such table.
        beans.put("taskInboxListener", (TaskListener) task -> {
        });
        beans.put("sendApologyEmailDelegate", noop);
        // The same decision as the service's RecommendCompensationDelegate, with the same inputs: the DMN evaluation and
        // its decision history are the engine's work, so the baseline does them too (issue 19, a fair baseline).
        beans.put("recommendCompensationDelegate", (JavaDelegate) execution -> execution.getProcessEngineServices()
                .getDecisionService().evaluateDecisionTableByKey("compensation-matrix",
                        Variables.fromMap(CASE_FACTS.get(execution.getProcessBusinessKey())))
                .getSingleResult());
        beans.put("bookGrantDelegate", noop);
        beans.put("markRecoveredDelegate", (JavaDelegate) execution -> onCommit(ENDED, execution.getProcessBusinessKey()));
        beans.put("markCancelledDelegate", noop);
        beans.put("escalateApprovalDelegate", noop);

        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setProcessEngineName("bench-baseline");
        config.setJdbcUrl(url);
        config.setJdbcDriver(postgres ? "org.postgresql.Driver" : "org.h2.Driver");
        config.setJdbcUsername(user);
        config.setJdbcPassword("");
        config.setJdbcMaxActiveConnections(s.poolSize);
        config.setJdbcMaxIdleConnections(s.poolSize);
        config.setDatabaseSchemaUpdate("true");
        config.setIdGenerator(new StrongUuidGenerator());
        config.setHistory(s.history);
        if (s.leanHistory) {
            // as the service writes its history (workflow/engine/LeanHistory)
            config.setHistoryEventHandler(new LeanHistory());
        }
        config.setEnforceHistoryTimeToLive(true);
        config.setJavaSerializationFormatEnabled(false);
        config.setJdbcBatchProcessing(s.jdbcBatchProcessing);
        config.setBeans(beans);
        PoolJobExecutor jobs = new PoolJobExecutor(s.jobPoolSize, s.jobQueueSize);
        jobs.setMaxJobsPerAcquisition(s.maxJobsPerAcquisition);
        jobs.setLockTimeInMillis(s.lockTimeMillis);
        jobs.setWaitTimeInMillis(s.waitTimeMillis);
        jobs.setMaxWait(s.maxWaitMillis);
        config.setJobExecutor(jobs);
        config.setJobExecutorActivate(true);
        return config.buildProcessEngine();
    }

    /**
     * Like the service's job executor (workflow/engine/ServiceJobExecutor): a fixed pool of
     * pool-size threads with a bounded queue runs the jobs, the acquisition loop runs on a
     * thread of its own; rejected jobs go back.
     */
    static final class PoolJobExecutor extends ThreadPoolJobExecutor {

        PoolJobExecutor(int threads, int queue) {
            threadPoolExecutor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(queue));
        }

        @Override
        protected void stopExecutingJobs() {
            super.stopExecutingJobs();
            threadPoolExecutor.shutdown();
            try {
                threadPoolExecutor.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The service's engine settings, read as the service reads them. */
    static final class EngineSettings {
        String history;
        boolean leanHistory;
        int jobPoolSize;
        int jobQueueSize;
        int maxJobsPerAcquisition;
        int lockTimeMillis;
        int waitTimeMillis;
        long maxWaitMillis;
        int poolSize;
        boolean jdbcBatchProcessing;

        /**
         * The service's own engine settings: the keys of its {@code EngineConfig} read from its
         * {@code application.properties} (profile prod, on the class path from target/classes) with the same
         * environment overrides, falling back to the mapping's own {@code @WithDefault}, so the two cannot drift
         * apart; the connection pool is the service's {@code quarkus.datasource.jdbc.max-size}. (Read key by key:
         * SmallRye's generated mapping needs ASM, which the load process's class path does not carry.)
         */
        static EngineSettings fromServiceConfiguration() {
            SmallRyeConfig config;
            try {
                java.net.URL properties = Baseline.class.getClassLoader().getResource("application.properties");
                if (properties == null) {
                    throw new IllegalStateException("the service's application.properties is not on the class path"
                            + " (target/classes): run the benchmark through src/bench/run.sh");
                }
                config = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors().withProfile("prod")
                        .withSources(new PropertiesConfigSource(properties, 250)).build();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String engine = "recovery.engine.";
            String jobs = engine + "job-executor.";
            Class<?> jobConfig = EngineConfig.JobExecutor.class;
            EngineSettings s = new EngineSettings();
            s.history = value(config, engine, EngineConfig.class, "history");
            s.leanHistory = Boolean.parseBoolean(value(config, engine, EngineConfig.class, "leanHistory"));
            s.jobPoolSize = Integer.parseInt(value(config, jobs, jobConfig, "poolSize"));
            s.jobQueueSize = Integer.parseInt(value(config, jobs, jobConfig, "queueSize"));
            s.maxJobsPerAcquisition = Integer.parseInt(value(config, jobs, jobConfig, "maxJobsPerAcquisition"));
            s.lockTimeMillis = Math.toIntExact(Duration.parse(value(config, jobs, jobConfig, "lockTime")).toMillis());
            s.waitTimeMillis = Math.toIntExact(Duration.parse(value(config, jobs, jobConfig, "waitTime")).toMillis());
            s.maxWaitMillis = Duration.parse(value(config, jobs, jobConfig, "maxWait")).toMillis();
            s.poolSize = config.getValue("quarkus.datasource.jdbc.max-size", Integer.class);
            s.jdbcBatchProcessing = Boolean.parseBoolean(value(config, engine, EngineConfig.class, "jdbcBatchProcessing"));
            return s;
        }

        /** The configured value of a mapping method's key ({@code poolSize} -> {@code pool-size}), else its default. */
        private static String value(SmallRyeConfig config, String prefix, Class<?> mapping, String method) {
            String key = prefix + method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            return config.getOptionalValue(key, String.class).orElseGet(() -> {
                try {
                    return mapping.getMethod(method).getAnnotation(WithDefault.class).value();
                } catch (NoSuchMethodException | NullPointerException e) {
                    throw new IllegalStateException(key + " is neither configured nor has a default in " + mapping, e);
                }
            });
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("history", history);
            m.put("leanHistory", leanHistory);
            m.put("jobExecutorMaxPoolSize", jobPoolSize);
            m.put("jobExecutorQueueSize", jobQueueSize);
            m.put("maxJobsPerAcquisition", maxJobsPerAcquisition);
            m.put("lockTimeInMillis", lockTimeMillis);
            m.put("waitTimeInMillis", waitTimeMillis);
            m.put("maxWait", maxWaitMillis);
            m.put("jdbcMaxActiveConnections", poolSize);
            m.put("jdbcBatchProcessing", jdbcBatchProcessing);
            m.put("idGenerator", "StrongUuidGenerator");
            return m;
        }
    }
}
