package io.servicerecovery.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.servicerecovery.testkit.RecoveryCalls;

/** HTTP/1.1 calls to the service, each timed and counted in a {@link Phase} under an endpoint name. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A failed request: non-2xx, I/O error or an unexpected answer. The flow stops there. */
    public static final class Failure extends Exception {
        /** Whether the error was already counted in the phase. */
        final boolean counted;

        Failure(String message) {
            this(message, true);
        }

        Failure(String message, boolean counted) {
            super(message, null, false, false);
            this.counted = counted;
        }
    }

    public record Answer(int status, String body, HttpResponse<String> response) {
        public JsonNode json() throws Failure {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new Failure("unreadable JSON: " + e.getMessage(), false);
            }
        }
    }

    private final HttpClient client;
    /** The requests of a recovery against this service, each allowed 60 s. */
    public final RecoveryCalls calls;

    public Http(String base, int threads) {
        this.calls = new RecoveryCalls(base, Duration.ofSeconds(60));
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(Math.max(2, threads), r -> {
                    Thread t = new Thread(r, "http-client");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    public HttpRequest.Builder request(String path, String token) {
        return calls.request(path, token == null ? null : "Bearer " + token);
    }

    /**
     * Sends the request; the latency is taken from {@code startNanos} (the intended start
     * in open-loop mode, so that queueing in the load generator counts). A non-2xx answer
     * or an I/O error is an error of this endpoint and throws.
     */
    Answer send(Phase phase, String endpoint, HttpRequest request, long startNanos) throws Failure {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            long end = System.nanoTime();
            phase.record(endpoint, startNanos, end);
            phase.error(endpoint, startNanos, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw new Failure(endpoint + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", false);
        }
        long end = System.nanoTime();
        phase.record(endpoint, startNanos, end);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String body = response.body() == null ? "" : response.body();
            phase.error(endpoint, startNanos, status + " " + body.substring(0, Math.min(300, body.length())));
            throw new Failure(endpoint + ": HTTP " + status);
        }
        return new Answer(status, response.body(), response);
    }

    /** A call outside any measurement (setup, readiness), answering whatever the status is. */
    public Answer call(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }
}
