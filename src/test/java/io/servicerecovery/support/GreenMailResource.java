package io.servicerecovery.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) in the test JVM; the service sends to it over the network.
 * <p>
 * Declared once, here, for every {@code @QuarkusTest} of the module: Quarkus discovers every
 * {@code @QuarkusTestResource} of the test classes, whichever class carries it, and one without
 * {@code restrictToAnnotatedClass} is global (scope GLOBAL in its TestResourceManager), so it also serves the
 * tests with a {@code @TestProfile}. A profile that brings a mail server of its own (the kit's SmtpServer) turns
 * it off with {@code disableGlobalTestResources()}. Not {@code @WithTestResource}: its default scope
 * (MATCHING_RESOURCES) would restrict it to the classes it annotates.
 */
@QuarkusTestResource(GreenMailResource.class)
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static int port;
    private static ServerSocket silent;
    private static Thread acceptor;
    private static final List<Socket> heldOpen = new CopyOnWriteArrayList<>();

    public static GreenMail smtp() {
        return greenMail;
    }

    /** The mail server goes away: the service's sends fail until {@link #startSmtp()}. */
    public static synchronized void stopSmtp() {
        greenMail.stop();
    }

    /**
     * The mail server stops answering: GreenMail goes away and a socket on its port accepts connections and never
     * says a word, as a hung server or a dropped firewall session does. Until {@link #startSmtp()}.
     */
    public static synchronized void silentSmtp() {
        greenMail.stop();
        try {
            silent = new ServerSocket();
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot hold the SMTP port " + port, e);
        }
        ServerSocket listening = silent;
        acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket held = listening.accept();
                    // Closed with a reset, not a FIN: a connection this side closes normally stays in TIME_WAIT on the
                    // SMTP port for a minute, and GreenMail (no SO_REUSEADDR) could not bind it again (seen in CI).
                    held.setSoLinger(true, 0);
                    heldOpen.add(held);
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The mail server is back on the same port (with an empty mailbox). */
    public static synchronized void startSmtp() {
        if (silent != null) {
            closeQuietly(silent);
            try {
                acceptor.join(5_000); // no connection is accepted after the ones closed below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heldOpen.forEach(GreenMailResource::closeQuietly);
            heldOpen.clear();
            silent = null;
        }
        if (!greenMail.isRunning()) {
            startOnTheSamePort();
        }
    }

    /**
     * GreenMail gives up at once when its server thread cannot bind the port, and a port just freed (the silent
     * socket and its connections) could not always be bound again at once: CI saw it fail within a second. A few
     * tries a second apart; the last failure is the test's.
     */
    private static void startOnTheSamePort() {
        for (int attempt = 1;; attempt++) {
            greenMail = new GreenMail(smtpSetup());
            try {
                greenMail.start();
                return;
            } catch (IllegalStateException notBound) {
                greenMail.stop();
                if (attempt == 5) {
                    throw notBound;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notBound;
                }
            }
        }
    }

    /**
     * GreenMail waits 2 s for its server thread by default; on two busy cores a restart in the middle of a test
     * took longer and failed the test (EmailFailureTest, seen twice under load), so it may take 15 s.
     */
    private static ServerSetup smtpSetup() {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(15_000);
        return setup;
    }

    @Override
    public Map<String, String> start() {
        port = freePort();
        greenMail = new GreenMail(smtpSetup());
        greenMail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
