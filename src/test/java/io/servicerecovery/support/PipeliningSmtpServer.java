package io.servicerecovery.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A small SMTP server that behaves like the production ones the service talks to, where GreenMail does not:
 * it announces and honours PIPELINING (commands sent together are answered in order), keeps a connection open
 * for further messages (keep-alive), and, like Postfix, says "421" and closes a connection that stays idle
 * longer than its idle timeout. It counts connections, messages and pipelined commands, so a test can show
 * that the production mailer settings were really exercised.
 */
public final class PipeliningSmtpServer implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final ServerSocket socket;
    private final Duration idleTimeout;
    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "pipelining-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> messageIds = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger idleCloses = new AtomicInteger();
    private final AtomicInteger pipelinedBatches = new AtomicInteger();
    private final AtomicInteger reusedConnections = new AtomicInteger();

    public PipeliningSmtpServer(Duration idleTimeout) throws IOException {
        this.idleTimeout = idleTimeout;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "pipelining-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Message-IDs of the messages accepted, in order. */
    public List<String> messageIds() {
        return List.copyOf(messageIds);
    }

    public int connections() {
        return connections.get();
    }

    public int openConnections() {
        return open.get();
    }

    /** Connections this server closed because they stayed idle. */
    public int idleCloses() {
        return idleCloses.get();
    }

    /** How often a client sent several commands before reading the answer to the first. */
    public int pipelinedBatches() {
        return pipelinedBatches.get();
    }

    /** Connections that carried more than one message. */
    public int reusedConnections() {
        return reusedConnections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        sessions.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                open.incrementAndGet();
                sessions.submit(() -> session(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket client) {
        int messages = 0;
        try (client; InputStream raw = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            BufferedInputStream in = new BufferedInputStream(raw);
            client.setSoTimeout((int) idleTimeout.toMillis());
            reply(out, "220 pipelining.test ESMTP");
            boolean inData = false;
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            while (true) {
                String line;
                try {
                    line = readLine(in);
                } catch (SocketTimeoutException idle) {
                    idleCloses.incrementAndGet();
                    reply(out, "421 4.4.2 pipelining.test Error: timeout exceeded");
                    return;
                }
                if (line == null) {
                    return;
                }
                if (inData) {
                    if (line.equals(".")) {
                        inData = false;
                        Matcher id = MESSAGE_ID.matcher(data.toString(StandardCharsets.UTF_8));
                        messageIds.add(id.find() ? id.group(1) : "");
                        if (++messages == 2) {
                            reusedConnections.incrementAndGet();
                        }
                        data.reset();
                        reply(out, "250 2.0.0 Ok: queued");
                    } else {
                        data.write((line.startsWith("..") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
                        data.write('\n');
                    }
                    continue;
                }
                // Commands the client sent before waiting for this answer are already buffered: pipelining.
                if (in.available() > 0) {
                    pipelinedBatches.incrementAndGet();
                }
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-pipelining.test", "250-PIPELINING", "250-8BITMIME",
                            "250-SMTPUTF8", "250 SIZE 10240000");
                    case "HELO" -> reply(out, "250 pipelining.test");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 2.1.0 Ok");
                    case "DATA" -> {
                        inData = true;
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Error: command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.decrementAndGet();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    private static void reply(OutputStream out, String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The server for a test profile: production mailer settings pointed at it. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private static PipeliningSmtpServer server;

        public static PipeliningSmtpServer server() {
            return server;
        }

        @Override
        public Map<String, String> start() {
            try {
                server = new PipeliningSmtpServer(Duration.ofSeconds(2));
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
}
