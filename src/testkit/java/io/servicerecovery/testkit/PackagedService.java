package io.servicerecovery.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (a {@code quarkus-run.jar}) as its own JVM, as the integration tests, the benchmark and
 * the fault injection run it: on two free ports (the API's and the management interface's) that it keeps across
 * restarts, so clients find it again after a kill; started, awaited until ready, killed with SIGKILL or stopped
 * as a pod is, and started again on the same data. Every start appends to one log, after a line that says so.
 */
public final class PackagedService implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Path workDir;
    private final Path log;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final int port;
    private final int managementPort;
    private Process process;
    private long startedAtNanos;
    private long latestStartOffset;
    private int starts;

    /** A service that runs {@code jar} in {@code workDir} and writes to {@code log}; not started yet. */
    public PackagedService(String name, Path jar, Path workDir, Path log) throws IOException {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        this.log = log.toAbsolutePath();
        int[] ports = freePorts(2);
        this.port = ports[0];
        this.managementPort = ports[1];
        Files.deleteIfExists(this.log);
    }

    /** JVM options for the next starts ({@code -Xmx512m}, an AppCDS archive...), blanks between them. */
    public PackagedService jvmOptions(String options) {
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                jvmOptions.add(option);
            }
        }
        return this;
    }

    /** One more variable of the environment the service starts with. */
    public PackagedService with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public PackagedService withAll(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Another replica: the same jar, options and environment; its ports, working directory and log its own. */
    public PackagedService replica(String replicaName, Path replicaWorkDir, Path replicaLog) throws IOException {
        PackagedService replica = new PackagedService(replicaName, jar, replicaWorkDir, replicaLog);
        replica.jvmOptions.addAll(jvmOptions);
        replica.environment.putAll(environment);
        return replica;
    }

    public void start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(workDir);
        Files.createDirectories(log.getParent());
        starts++;
        Files.writeString(log, "==== start " + starts + " of " + name + " at " + Instant.now() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        latestStartOffset = Files.size(log);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
        startedAtNanos = System.nanoTime();
        process = builder.start();
    }

    /**
     * Polls {@code /q/health/ready} on the management port every 100 ms until it answers 200; answers the time
     * from {@link #start()} to ready (the benchmark's "start to ready", so the poll is kept short).
     */
    public Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedAtNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no pool close, no last flush, connections cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** Stops the service as a pod is stopped (SIGTERM, then the shutdown hooks); its exit status, -1 when killed. */
    public int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return -1;
            }
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Waits for the process to end (a start it refuses); its exit code, or empty while it still runs. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** What the latest start wrote to the log. */
    public String latestLog() throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) latestStartOffset, all.length - (int) latestStartOffset, StandardCharsets.UTF_8);
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health and metrics answer here: replicas on one machine need a management port each. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Distinct free ports: all are held open until each is known, so none is handed out twice. */
    public static int[] freePorts(int count) throws IOException {
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
}
