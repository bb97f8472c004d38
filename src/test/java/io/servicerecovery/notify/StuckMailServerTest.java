package io.servicerecovery.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.SmtpServerResource;
import io.servicerecovery.testkit.SmtpServer;

/**
 * Mail servers that accept a connection and then stop answering: one says nothing at all (not even its 220
 * greeting), one greets and then never answers EHLO. The client's idle timeout (recovery.mail.idle-timeout, 2 s
 * here) closes such a connection after 2 s, long before the send timeout (8 s here), so its pool slot is free
 * again: with a pool of one connection the next send gets a connection of its own. A send that stalls after the
 * greeting fails with the closed connection, in about the idle timeout; one that never got a greeting is ended by
 * the send timeout (the Vert.x client does not fail a send whose greeting never came), with its connection
 * long closed.
 */
@QuarkusTest
@TestProfile(StuckMailServerTest.StuckServer.class)
class StuckMailServerTest {

    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(8);

    public static class StuckServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recovery.mail.idle-timeout", "PT2S", "recovery.mail.send-timeout", "PT8S",
                    "quarkus.mailer.max-pool-size", "1", "quarkus.mailer.keep-alive", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpServerResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    BoundedMailer mailer;

    @Test
    void aServerThatStopsAnsweringAfterItsGreetingFailsTheSendAfterTheIdleTimeout() {
        SmtpServer server = SmtpServerResource.server();
        server.stall(true);
        for (int send = 1; send <= 2; send++) {
            int before = server.connections();
            long started = System.nanoTime();
            assertThatThrownBy(this::send).as("send %d", send).isNotInstanceOf(BoundedMailer.MailServerTimeout.class);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("send %d failed after", send).isGreaterThanOrEqualTo(IDLE.minusMillis(300))
                    .isLessThan(SEND_TIMEOUT.minusSeconds(2));
            // A connection of its own: the pool's only slot, so the one before had freed it.
            assertThat(server.connections()).as("connections accepted").isGreaterThan(before);
        }
        everyConnectionClosedByTheClientAfterAboutTheIdleTimeout();
    }

    @Test
    void aServerThatNeverGreetsHasItsConnectionClosedAfterTheIdleTimeout() {
        SmtpServer server = SmtpServerResource.server();
        server.stall(false);
        for (int send = 1; send <= 2; send++) {
            int before = server.connections();
            long started = System.nanoTime();
            assertThatThrownBy(this::send).as("send %d", send).isInstanceOf(RuntimeException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("send %d ended after", send)
                    .isLessThan(SEND_TIMEOUT.plusSeconds(2));
            assertThat(server.connections()).as("connections accepted").isGreaterThan(before);
        }
        everyConnectionClosedByTheClientAfterAboutTheIdleTimeout();
    }

    private void send() {
        mailer.send(Mail.withText("customer@example.com", "Sorry", "We are sorry."));
    }

    private static void everyConnectionClosedByTheClientAfterAboutTheIdleTimeout() {
        SmtpServer server = SmtpServerResource.server();
        List<Duration> open = Eventually.await("the client to close its connections", server::stalledConnectionsOpenFor,
                closed -> closed.size() == server.connections());
        assertThat(open).as("how long each connection stayed open").allSatisfy(d -> assertThat(d)
                .isGreaterThanOrEqualTo(IDLE.minusMillis(300)).isLessThan(IDLE.plusSeconds(2)));
    }
}
