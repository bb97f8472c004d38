package io.servicerecovery.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.servicerecovery.bench.Http;

/**
 * One replica of the packaged service: its own JVM on a fixed port, started again on the
 * same port and database after a kill. Its log collects every start, one after another.
 */
final class ServiceInstance {

    final String name;
    final int port;
    final Http http;
    private final Options options;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path log;
    private Process process;

    ServiceInstance(String name, Options options, Map<String, String> env, Path workDir) throws IOException {
        this.name = name;
        this.options = options;
        this.env = env;
        this.workDir = workDir;
        this.port = freePort();
        this.http = new Http("http://127.0.0.1:" + port, 8);
        this.log = options.out.resolve("service-" + name + ".log");
        Files.deleteIfExists(log);
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : options.serviceJvmOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.add("-jar");
        command.add(options.jar.toAbsolutePath().toString());
        Files.createDirectories(workDir);
        Files.writeString(log, "==== start " + java.time.Instant.now() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = builder.start();
    }

    /** Waits for /q/health/ready; answers the nanoTime at which it was ready. */
    long awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                Http.Answer ready = http.call(http.request("/q/health/ready", null).timeout(Duration.ofSeconds(2)).GET().build());
                if (ready.status() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no last flush, connections cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    HttpRequest.Builder request(String path, String token) {
        return http.request(path, token).timeout(Duration.ofSeconds(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
