package io.servicerecovery.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A CRM's webhook endpoint, one path per CRM client ({@code /hooks/<client>}). It records
 * every event it acknowledged, in arrival order; while it hangs it reads requests and never
 * answers them (the service's attempt times out), like a receiver stuck on a lock.
 */
final class HangingWebhookReceiver implements AutoCloseable {

    record Received(String client, String webhookId, long arrivalMillis) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile CountDownLatch hang = new CountDownLatch(0);

    HangingWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/hooks/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                // Held until the hang ends; by then the service has given up on this attempt.
                hang.await(10, TimeUnit.MINUTES);
                String client = exchange.getRequestURI().getPath().substring("/hooks/".length());
                received.add(new Received(client, exchange.getRequestHeaders().getFirst("webhook-id"), System.currentTimeMillis()));
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException gone) {
                // the service closed the connection after its timeout: this attempt was not acknowledged
            }
        });
        server.start();
    }

    String url(String client) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + client;
    }

    void hang() {
        hang = new CountDownLatch(1);
    }

    void answerAgain() {
        hang.countDown();
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}
