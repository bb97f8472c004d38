package io.servicerecovery.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The test database reached through a TCP proxy on 127.0.0.1 that a test can cut, as a database restart or a
 * network failure does: open connections break and new ones are refused, until {@link #restore()}. The service
 * talks to the real database (PostgreSQL with {@code -Ppostgresql}, else an H2 server in this JVM) and nothing
 * of ours is mocked.
 */
public class DatabaseBehindAProxy implements QuarkusTestResourceLifecycleManager {

    private static final List<Socket> open = new CopyOnWriteArrayList<>();
    private static volatile ServerSocket listening;
    private static volatile int port;
    private static String targetHost;
    private static int targetPort;
    private static org.h2.tools.Server h2;

    @Override
    public Map<String, String> start() {
        String url;
        String testDb = System.getProperty("TEST_DB_URL", System.getenv("TEST_DB_URL"));
        try {
            if (testDb != null && testDb.startsWith("jdbc:postgresql://")) {
                URI target = URI.create(testDb.substring("jdbc:".length()));
                targetHost = target.getHost();
                targetPort = target.getPort() == -1 ? 5432 : target.getPort();
                listen(0);
                url = "jdbc:postgresql://127.0.0.1:" + port + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            } else {
                h2 = org.h2.tools.Server.createTcpServer("-tcpPort", Integer.toString(freePort()), "-ifNotExists")
                        .start();
                targetHost = "127.0.0.1";
                targetPort = h2.getPort();
                listen(0);
                url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:outage-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot put a proxy in front of the test database", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", url);
    }

    @Override
    public void stop() {
        cut();
        if (h2 != null) {
            h2.stop();
        }
    }

    /** The database goes away: every open connection breaks, new ones are refused. */
    public static synchronized void cut() {
        closeQuietly(listening);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** The database is back on the same address. */
    public static synchronized void restore() throws IOException {
        if (listening != null && !listening.isClosed()) {
            return;
        }
        listen(port);
    }

    private static void listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", onPort));
        listening = server;
        port = server.getLocalPort();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed by cut(), or the database itself refused: the client sees its socket close
                }
            }
        }, "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "db-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
