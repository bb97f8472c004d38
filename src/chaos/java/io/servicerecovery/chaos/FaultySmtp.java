package io.servicerecovery.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP server the run controls: it accepts every message and remembers when each
 * Message-ID arrived (a second copy of one is a duplicate email), and it can go down
 * (connections refused, open sessions cut) and come back on the same port.
 */
final class FaultySmtp implements AutoCloseable {

    /** Arrival times (epoch millis) of every accepted copy, by Message-ID. */
    final Map<String, List<Long>> accepted = new ConcurrentHashMap<>();
    private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp");
        t.setDaemon(true);
        return t;
    });
    private final int port;
    private volatile ServerSocket server;

    FaultySmtp() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        listen(server);
    }

    int port() {
        return port;
    }

    /** The outage: new connections are refused and every open session is cut. */
    synchronized void down() throws IOException {
        server.close();
        for (Socket s : sessions) {
            s.close();
        }
    }

    synchronized void up() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server = again;
        listen(again);
    }

    long messages() {
        return accepted.values().stream().mapToLong(List::size).sum();
    }

    private void listen(ServerSocket socket) {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    sessions.add(s);
                    connections.execute(() -> serve(s));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            write(out, "220 chaos-smtp ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> write(out, "250-chaos-smtp\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> write(out, "250 chaos-smtp");
                    case "DATA" -> {
                        write(out, "354 End data with <CR><LF>.<CR><LF>");
                        String messageId = null;
                        boolean headers = true;
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            if (data.isEmpty()) {
                                headers = false;
                            } else if (headers && messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = data.substring(11).trim();
                            }
                        }
                        if (data == null) {
                            return; // cut off mid-message: not accepted
                        }
                        accepted.computeIfAbsent(messageId == null ? "(none)" : messageId, k -> new CopyOnWriteArrayList<>())
                                .add(System.currentTimeMillis());
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
            // the client went away, or the outage cut the session
        } finally {
            sessions.remove(socket);
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        down();
        connections.shutdownNow();
    }
}
