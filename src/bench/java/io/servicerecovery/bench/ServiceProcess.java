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
    /** Health and metrics (Quarkus' management interface) answer here, not on {@link #port}. */
    final int managementPort;
    final long startedAtNanos;
    final Path log;

    private ServiceProcess(Process process, int port, int managementPort, long startedAtNanos, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
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
        int[] ports = freePorts(2);
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
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(ports[0]));
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(ports[1]));
        Files.createDirectories(workDir);
        long t0 = System.nanoTime();
        Process p = builder.start();
        return new ServiceProcess(p, ports[0], ports[1], t0, log);
    }

    /** Polls /q/health/ready on the management port every 100 ms until it answers UP; answers the ms from start. */
    long awaitReady(int timeoutSeconds) throws Exception {
        Http http = new Http("http://127.0.0.1:" + managementPort, 1);
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

    /** Distinct free ports: all are held open until each is known, so none is handed out twice. */
    static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    static HttpRequest.BodyPublisher noBody() {
        return HttpRequest.BodyPublishers.noBody();
    }
}
