package io.servicerecovery.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server that accepts every message and keeps only a count: the service's
 * apology emails go here, so sending is real SMTP over TCP without a mail server.
 * No STARTTLS, no AUTH, no PIPELINING.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink");
        t.setDaemon(true);
        return t;
    });
    final AtomicLong messages = new AtomicLong();
    final AtomicLong connectionsAccepted = new AtomicLong();
    private final AtomicLong sessionIds = new AtomicLong();
    /** Open sessions and the last command each received: shows where a client waits, if one does. */
    private final java.util.Map<Long, String> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connectionsAccepted.incrementAndGet();
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        long session = sessionIds.incrementAndGet();
        sessions.put(session, "connected");
        try (socket) {
            socket.setSoTimeout(120_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            write(out, "220 bench-sink ESMTP ready");
            String line;
            while ((line = in.readLine()) != null) {
                sessions.put(session, line.length() > 40 ? line.substring(0, 40) : line);
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> write(out, "250-bench-sink\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> write(out, "250 bench-sink");
                    case "DATA" -> {
                        write(out, "354 End data with <CR><LF>.<CR><LF>");
                        sessions.put(session, "in DATA");
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            // discard the message
                        }
                        messages.incrementAndGet();
                        sessions.put(session, "idle after a message");
                        write(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        write(out, "221 Bye");
                        return;
                    }
                    default -> write(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            sessions.remove(session);
        }
    }

    /** Open sessions by the last command received. */
    java.util.Map<String, Long> openSessions() {
        java.util.Map<String, Long> byCommand = new java.util.TreeMap<>();
        sessions.values().forEach(c -> byCommand.merge(c.startsWith("RCPT") || c.startsWith("MAIL") ? c.substring(0, 4) : c, 1L, Long::sum));
        return byCommand;
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
