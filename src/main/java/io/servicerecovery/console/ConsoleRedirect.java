package io.servicerecovery.console;

import jakarta.ws.rs.core.Response;

/**
 * A console redirect by a relative address. JAX-RS would make a {@code URI} location absolute from the request's
 * Host header, which the caller chooses: a forged Host would send the person to another site.
 */
public final class ConsoleRedirect {

    private ConsoleRedirect() {
    }

    /** 303 See Other to a path of this service (POST, redirect, GET: Back never re-posts a form). */
    public static Response seeOther(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("Not a path of this service: " + path);
        }
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }
}
