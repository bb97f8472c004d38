package io.servicerecovery.chaos;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.servicerecovery.bench.Http;
import io.servicerecovery.testkit.PackagedService;
import io.servicerecovery.testkit.RecoveryCalls;

/**
 * One replica of the packaged service and the client the flows reach it with. The kit's {@link PackagedService}
 * keeps its ports across a kill and restart, so the client finds it again; its log collects every start.
 */
final class ServiceInstance {

    final String name;
    final PackagedService process;
    final Http http;
    /** The calls of a recovery, each allowed 30 s: an answer lost in a kill is retried, not waited for. */
    final RecoveryCalls calls;

    ServiceInstance(String name, Options options, Map<String, String> env, Path workDir) throws IOException {
        this.name = name;
        this.process = new PackagedService(name, options.jar, workDir, options.out.resolve("service-" + name + ".log"))
                .jvmOptions(options.serviceJvmOpts).withAll(env);
        this.http = new Http(process.url(), 8);
        this.calls = new RecoveryCalls(process.url(), Duration.ofSeconds(30));
    }

    HttpRequest.Builder request(String path, String token) {
        return calls.request(path, "Bearer " + token);
    }
}
