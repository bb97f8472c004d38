package io.servicerecovery.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.servicerecovery.support.Eventually;

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
            return List.of(new TestResourceEntry(SilentServer.class));
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
        SilentServer.greet = true;
        for (int send = 1; send <= 2; send++) {
            int before = SilentServer.accepted.get();
            long started = System.nanoTime();
            assertThatThrownBy(this::send).as("send %d", send).isNotInstanceOf(BoundedMailer.MailServerTimeout.class);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("send %d failed after", send).isGreaterThanOrEqualTo(IDLE.minusMillis(300))
                    .isLessThan(SEND_TIMEOUT.minusSeconds(2));
            // A connection of its own: the pool's only slot, so the one before had freed it.
            assertThat(SilentServer.accepted.get()).as("connections accepted").isGreaterThan(before);
        }
        everyConnectionClosedByTheClientAfterAboutTheIdleTimeout();
    }

    @Test
    void aServerThatNeverGreetsHasItsConnectionClosedAfterTheIdleTimeout() {
        SilentServer.greet = false;
        for (int send = 1; send <= 2; send++) {
            int before = SilentServer.accepted.get();
            long started = System.nanoTime();
            assertThatThrownBy(this::send).as("send %d", send).isInstanceOf(RuntimeException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("send %d ended after", send)
                    .isLessThan(SEND_TIMEOUT.plusSeconds(2));
            assertThat(SilentServer.accepted.get()).as("connections accepted").isGreaterThan(before);
        }
        everyConnectionClosedByTheClientAfterAboutTheIdleTimeout();
    }

    private void send() {
        mailer.send(Mail.withText("customer@example.com", "Sorry", "We are sorry."));
    }

    private static void everyConnectionClosedByTheClientAfterAboutTheIdleTimeout() {
        List<Duration> open = Eventually.await("the client to close its connections", () -> List.copyOf(SilentServer.openFor),
                closed -> closed.size() == SilentServer.accepted.get());
        assertThat(open).as("how long each connection stayed open").allSatisfy(d -> assertThat(d)
                .isGreaterThanOrEqualTo(IDLE.minusMillis(300)).isLessThan(IDLE.plusSeconds(2)));
    }

    /**
     * Accepts connections, greets (when told to) and then answers nothing, reads whatever comes, and notes how long
     * each connection was open until the client hung up.
     */
    public static class SilentServer implements QuarkusTestResourceLifecycleManager {

        static volatile boolean greet;
        static final AtomicInteger accepted = new AtomicInteger();
        static final List<Duration> openFor = new CopyOnWriteArrayList<>();
        private static final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private ServerSocket server;

        @Override
        public Map<String, String> start() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        sockets.add(socket);
                        accepted.incrementAndGet();
                        Thread reader = new Thread(() -> drain(socket), "silent-smtp-reader");
                        reader.setDaemon(true);
                        reader.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(server.getLocalPort()));
        }

        private static void drain(Socket socket) {
            long opened = System.nanoTime();
            try (InputStream in = socket.getInputStream()) {
                if (greet) {
                    socket.getOutputStream().write("220 stuck.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
                while (in.read() >= 0) {
                    // never answer
                }
            } catch (IOException reset) {
                // closed by the client as well
            }
            openFor.add(Duration.ofNanos(System.nanoTime() - opened));
        }

        @Override
        public void stop() {
            try {
                server.close();
                for (Socket socket : sockets) {
                    socket.close();
                }
            } catch (IOException e) {
                // gone already
            }
        }
    }
}
