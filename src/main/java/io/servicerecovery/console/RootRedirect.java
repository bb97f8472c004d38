package io.servicerecovery.console;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** http://localhost:8080 opens the console (which asks to sign in first). */
@Path("/")
@PermitAll
public class RootRedirect {

    @GET
    public Response root() {
        return ConsoleRedirect.seeOther("/console");
    }
}
