package io.servicerecovery.notify.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;

/**
 * A CRM's webhook endpoint on 127.0.0.1: records every request as it arrived and answers 200,
 * or 500 for the first requests of a path told to fail. Verifies signatures the way a receiver
 * following Standard Webhooks would, independently of the service's own signing code.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, String id, String timestamp, String signature, String contentType, byte[] body,
            int answered) {

        JsonPath json() {
            return JsonPath.from(new String(body, StandardCharsets.UTF_8));
        }

        String type() {
            return json().getString("type");
        }

        boolean accepted() {
            return answered / 100 == 2;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, String> failWhenBodyContains = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, java.time.Duration> stalls = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            AtomicInteger failures = receiver.failuresLeft.get(path);
            int status = failures != null && failures.getAndDecrement() > 0 ? 500 : 200;
            String failing = receiver.failWhenBodyContains.get(path);
            if (failing != null && new String(body, StandardCharsets.UTF_8).contains(failing)) {
                status = 500;
            }
            String redirect = receiver.redirects.get(path);
            if (redirect != null) {
                status = 307;
                exchange.getResponseHeaders().add("Location", redirect);
            }
            java.time.Duration stall = receiver.stalls.get(path);
            if (stall != null) {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            var headers = exchange.getRequestHeaders();
            receiver.received.add(new Received(path, headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
                    headers.getFirst("Content-Type"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // One thread per request: a stalled answer must not hold up the others.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return receiver;
    }

    /**
     * Deletes every subscription of {@code crm} (a client of one test alone), which gives up their pending
     * deliveries: the receiver is gone after the test, and a database kept for the next run must not carry
     * retries to it (nor send them to whatever listens on that port then).
     */
    static void unsubscribeAll(String crm) {
        for (String id : io.servicerecovery.support.Api.as(crm).queryParam("limit", 100).get("/api/webhooks").then()
                .statusCode(200).extract().jsonPath().getList("items.id", String.class)) {
            io.servicerecovery.support.Api.as(crm).delete("/api/webhooks/" + id).then().statusCode(204);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code count} requests to {@code path} are answered 500. */
    void failFirst(String path, int count) {
        failuresLeft.put(path, new AtomicInteger(count));
    }

    /** Requests to {@code path} whose body contains {@code text} are answered 500, always. */
    void failWhenBodyContains(String path, String text) {
        failWhenBodyContains.put(path, text);
    }

    /** Requests to {@code path} are answered 307 to {@code location}. */
    void redirect(String path, String location) {
        redirects.put(path, location);
    }

    /** Requests to {@code path} are answered only after {@code stall}. */
    void stall(String path, java.time.Duration stall) {
        stalls.put(path, stall);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Standard Webhooks verification: one of the space-separated {@code v1,} signatures must be
     * the HMAC-SHA256, keyed with the base64-decoded part of the secret after {@code whsec_}, of
     * {@code id.timestamp.body}; and the timestamp must be recent.
     */
    static boolean verifies(String secret, String id, String timestamp, byte[] body, String signatureHeader) {
        if (id == null || timestamp == null || signatureHeader == null
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        return signedWith(secret, id, timestamp, body, signatureHeader);
    }

    /** Whether one of the signatures is the secret's, whatever the timestamp (for tests that move the clock). */
    static boolean signedWith(String secret, Received r) {
        return signedWith(secret, r.id(), r.timestamp(), r.body(), r.signature());
    }

    private static boolean signedWith(String secret, String id, String timestamp, byte[] body, String signatureHeader) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String signature : signatureHeader.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(Base64.getDecoder().decode(signature.substring(3)), expected)) {
                return true;
            }
        }
        return false;
    }

    static boolean verifies(String secret, Received r) {
        return verifies(secret, r.id(), r.timestamp(), r.body(), r.signature());
    }
}
