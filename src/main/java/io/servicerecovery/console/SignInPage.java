package io.servicerecovery.console;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Signing in and out of the console. In the demo people sign in with the form below
 * (Quarkus form authentication: the session lives in an encrypted cookie that is only
 * sent to /console); signing out forgets that cookie.
 */
@Path("/console")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final ConsoleRequest console;
    private final String sessionCookie;
    private final boolean openIdConnect;

    public SignInPage(ConsoleRequest console,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String sessionCookie,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean openIdConnect) {
        this.console = console;
        this.sessionCookie = sessionCookie;
        this.openIdConnect = openIdConnect;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String lang, boolean failed);
    }

    /** The form; where people sign in through the company's provider, the console (which sends them there). */
    @GET
    @Path("login")
    public Response login() {
        if (openIdConnect) {
            return Response.seeOther(URI.create("/console")).build();
        }
        return Response.ok(console.localized(Templates.login(console.locale().getLanguage(), false))).build();
    }

    /** Where a failed sign-in lands: the same form, saying that it failed. */
    @GET
    @Path("login-failed")
    public TemplateInstance loginFailed() {
        return console.localized(Templates.login(console.locale().getLanguage(), true));
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).path("/console").value("").maxAge(0).httpOnly(true)
                .build();
        return Response.seeOther(URI.create("/console/login")).cookie(expired).build();
    }
}
