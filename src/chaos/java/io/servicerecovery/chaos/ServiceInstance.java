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
 * One replica of the packaged service: its own JVM on fixed ports (the API's and the management
 * interface's, for health), started again on the same ports and database after a kill. Its log
 * collects every start, one after another.
 */
final class ServiceInstance {

    final String name;
    final int port;
    final Http http;
    private final int managementPort;
    private final Http management;
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
        int[] ports = freePorts(2);
        this.port = ports[0];
        this.http = new Http("http://127.0.0.1:" + port, 8);
        this.managementPort = ports[1];
        this.management = new Http("http://127.0.0.1:" + managementPort, 1);
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
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
        process = builder.start();
    }

    /** Waits for /q/health/ready on the management port; answers the nanoTime at which it was ready. */
    long awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                Http.Answer ready = management.call(management.request("/q/health/ready", null)
                        .timeout(Duration.ofSeconds(2)).GET().build());
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

    /** Distinct free ports: all are held open until each is known, so none is handed out twice. */
    private static int[] freePorts(int count) throws IOException {
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
