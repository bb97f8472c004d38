package io.servicerecovery.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.servicerecovery.testkit.SmtpServer;

/**
 * For a test profile: the mailer pointed at the kit's {@link SmtpServer}, which pipelines and closes idle
 * connections after 2 s as Postfix does, or stalls when a test tells it to.
 */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    private static SmtpServer server;

    public static SmtpServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new SmtpServer(true, Duration.ofSeconds(2));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(server.port()));
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // gone already
        }
    }
}
