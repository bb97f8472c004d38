package io.servicerecovery.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one hand-written SMTP server of the tests, the benchmark and the fault injection: everywhere else the
 * tests use GreenMail. It exists for what GreenMail cannot do:
 * <ul>
 * <li>behave like the production servers the service talks to: announce and honour PIPELINING (commands sent
 * together are answered in order), keep a connection for further messages, and, like Postfix, say 421 and close
 * a connection idle longer than its timeout ({@code ProductionMailSettingsTest});</li>
 * <li>go down and come back on the same port, cutting the open sessions ({@link #down()}, {@link #up()}, the
 * fault injection's SMTP outage);</li>
 * <li>accept connections and then stop answering, with or without its greeting, as a hung server does
 * ({@link #stall(boolean)}, {@code StuckMailServerTest});</li>
 * <li>take the benchmark's thousands of emails keeping only each one's Message-ID and arrival time (GreenMail
 * keeps every message, parsed, in the heap of the load process) and show where a client's sessions wait
 * ({@link #openSessions()}). The benchmark and fault injection also run outside the test class path, on the
 * service's runtime libraries only, where GreenMail is not.</li>
 * </ul>
 * It counts connections, messages and pipelined commands, so a test can show that the settings were exercised.
 */
public final class SmtpServer implements AutoCloseable {

    /** One accepted message: its Message-ID ("(none)" without one) and when it arrived (epoch millis). */
    public record Arrival(String messageId, long atMillis) {
    }

    private final boolean pipelining;
    private final Duration idleTimeout;
    private final int port;
    private volatile ServerSocket server;
    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "smtp-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    /** Open sessions and the last command each received: shows where a client waits, if one does. */
    private final Map<Long, String> lastCommands = new ConcurrentHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger idleCloses = new AtomicInteger();
    private final AtomicInteger pipelinedBatches = new AtomicInteger();
    private final AtomicInteger reusedConnections = new AtomicInteger();
    /** Null while the server answers; else whether a stalled server still greets. */
    private volatile Boolean stalled;
    private final List<Duration> stalledOpenFor = new CopyOnWriteArrayList<>();

    /**
     * A server on a free loopback port. {@code pipelining}: whether EHLO announces PIPELINING (a client that sees
     * it sends commands together); {@code idleTimeout}: how long a connection may stay silent before the 421
     * ({@link Duration#ZERO}: as long as the client likes).
     */
    public SmtpServer(boolean pipelining, Duration idleTimeout) throws IOException {
        this.pipelining = pipelining;
        this.idleTimeout = idleTimeout;
        ServerSocket first = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    public int port() {
        return port;
    }

    /** The outage: new connections are refused and every open session is cut. */
    public synchronized void down() throws IOException {
        server.close();
        for (Socket socket : openSockets) {
            socket.close();
        }
    }

    /** Back on the same port. */
    public synchronized void up() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        listen(again);
    }

    /**
     * From now on new connections get no answer ({@code greet}: but the 220 greeting), whatever the client sends,
     * until the client hangs up; {@link #stalledConnectionsOpenFor()} says how long each stayed open.
     */
    public void stall(boolean greet) {
        stalled = greet;
    }

    /** How long each stalled connection stayed open until the client closed it. */
    public List<Duration> stalledConnectionsOpenFor() {
        return List.copyOf(stalledOpenFor);
    }

    public long messages() {
        return messages.get();
    }

    /** Message-IDs of the messages accepted, in order of arrival. */
    public List<String> messageIds() {
        return arrivals.stream().map(Arrival::messageId).toList();
    }

    /** Arrival times (epoch millis) of every accepted copy, by Message-ID: a second copy is a duplicate email. */
    public Map<String, List<Long>> arrivalsByMessageId() {
        Map<String, List<Long>> byId = new LinkedHashMap<>();
        for (Arrival arrival : arrivals) {
            byId.computeIfAbsent(arrival.messageId(), id -> new ArrayList<>()).add(arrival.atMillis());
        }
        return byId;
    }

    public int connections() {
        return connections.get();
    }

    public int openConnections() {
        return openSockets.size();
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

    /** Open sessions by the last command received ("connected" when the client never said EHLO). */
    public Map<String, Long> openSessions() {
        Map<String, Long> byCommand = new TreeMap<>();
        lastCommands.values().forEach(c -> byCommand.merge(c, 1L, Long::sum));
        return byCommand;
    }

    @Override
    public void close() throws IOException {
        down();
        sessions.shutdownNow();
    }

    private void listen(ServerSocket socket) {
        server = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections.incrementAndGet();
                    openSockets.add(client);
                    sessions.execute(() -> session(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "smtp-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void session(Socket client) {
        long session = sessionIds.incrementAndGet();
        lastCommands.put(session, "connected");
        int messagesOnThisConnection = 0;
        Boolean stall = stalled;
        try (client; InputStream raw = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            if (stall != null) {
                stallUntilClosed(client, raw, out, stall);
                return;
            }
            BufferedInputStream in = new BufferedInputStream(raw);
            client.setSoTimeout((int) idleTimeout.toMillis());
            reply(out, "220 smtp.test ESMTP");
            while (true) {
                String line;
                try {
                    line = readLine(in);
                } catch (SocketTimeoutException idle) {
                    idleCloses.incrementAndGet();
                    reply(out, "421 4.4.2 smtp.test Error: timeout exceeded");
                    return;
                }
                if (line == null) {
                    return;
                }
                // Commands the client sent before waiting for this answer are already buffered: pipelining.
                if (in.available() > 0) {
                    pipelinedBatches.incrementAndGet();
                }
                String command = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                lastCommands.put(session, command);
                switch (command) {
                    case "EHLO" -> reply(out, pipelining
                            ? new String[] { "250-smtp.test", "250-PIPELINING", "250-8BITMIME", "250-SMTPUTF8", "250 SIZE 10485760" }
                            : new String[] { "250-smtp.test", "250-8BITMIME", "250 SIZE 10485760" });
                    case "HELO" -> reply(out, "250 smtp.test");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 2.1.0 Ok");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        lastCommands.put(session, "in DATA");
                        String messageId = readMessage(in);
                        if (messageId == null) {
                            return; // cut off mid-message: not accepted
                        }
                        arrivals.add(new Arrival(messageId, System.currentTimeMillis()));
                        messages.incrementAndGet();
                        if (++messagesOnThisConnection == 2) {
                            reusedConnections.incrementAndGet();
                        }
                        lastCommands.put(session, "idle after a message");
                        reply(out, "250 2.0.0 Ok: queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Error: command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away, or the outage cut the session
        } finally {
            openSockets.remove(client);
            lastCommands.remove(session);
        }
    }

    private void stallUntilClosed(Socket client, InputStream in, OutputStream out, boolean greet) {
        long opened = System.nanoTime();
        try {
            if (greet) {
                reply(out, "220 smtp.test ESMTP");
            }
            while (in.read() >= 0) {
                // never answer
            }
        } catch (IOException reset) {
            // closed by the client as well
        }
        stalledOpenFor.add(Duration.ofNanos(System.nanoTime() - opened));
    }

    /** Reads the message up to the lone dot; its Message-ID, "(none)" without one, null when the stream ended first. */
    private static String readMessage(InputStream in) throws IOException {
        String messageId = null;
        boolean headers = true;
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return messageId == null ? "(none)" : messageId;
            }
            if (line.isEmpty()) {
                headers = false;
            } else if (headers && messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).trim();
            }
        }
        return null;
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
}
