package io.servicerecovery.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged service, started as its own JVM with the environment of a production deployment. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    final int port;
    final long startedAtNanos;
    final Path log;

    private ServiceProcess(Process process, int port, long startedAtNanos, Path log) {
        this.process = process;
        this.port = port;
        this.startedAtNanos = startedAtNanos;
        this.log = log;
    }

    /** Settings of the service that the caller's environment overrides (tuning), for the report. */
    static Map<String, String> environmentOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("QUARKUS_") || k.equals("DB_POOL_MAX_SIZE") || k.startsWith("RECOVERY_")) {
                overrides.put(k, v);
            }
        });
        return overrides;
    }

    static ServiceProcess start(Settings s, Map<String, String> env, Path workDir, Path log, List<String> moreJvmOpts)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : s.serviceJvmOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.addAll(moreJvmOpts);
        command.add("-jar");
        command.add(s.jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Files.createDirectories(workDir);
        long t0 = System.nanoTime();
        Process p = builder.start();
        return new ServiceProcess(p, port, t0, log);
    }

    /** Polls /q/health/ready every 100 ms until it answers UP; answers the milliseconds from start. */
    long awaitReady(Http http, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                Http.Answer a = http.call(http.request("/q/health/ready", null).timeout(java.time.Duration.ofSeconds(2))
                        .GET().build());
                if (a.status() == 200 && a.body().contains("UP")) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAtNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The service was not ready within " + timeoutSeconds + " s; see " + log);
    }

    /**
     * What Quarkus itself reports as its start time ("started in 2.345s" in the log): from the
     * JVM's own start to the end of the start-up observers, without the JVM's launch and the
     * readiness poll. Null when the log has no such line.
     */
    Double quarkusStartedSeconds() throws IOException {
        Matcher m = STARTED_IN.matcher(Files.readString(log));
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9]+\\.[0-9]+)s");

    /**
     * Stops the service as a pod is stopped (SIGTERM, then the shutdown hooks); answers the
     * exit status, or -1 when it had to be killed.
     */
    int stop() throws InterruptedException {
        process.destroy();
        if (process.waitFor(60, TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return -1;
    }

    /** Whether the JVM mapped this file (the AppCDS archive: a JVM that cannot use it starts without it, silently). */
    boolean maps(Path file) throws IOException {
        String name = file.toAbsolutePath().normalize().toString();
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "maps")).stream().anyMatch(l -> l.endsWith(name));
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static HttpRequest.BodyPublisher noBody() {
        return HttpRequest.BodyPublishers.noBody();
    }
}
