package io.servicerecovery.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.servicerecovery.security.session.ConsoleSettings;
import io.servicerecovery.security.session.SessionKeys;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's forms carry a token that another site cannot know: an HMAC of the person's session key, so it is
 * the same on every page of one sign-in (a second tab, Back, a page left open all day all post) and worthless
 * after sign-out or for another session. Forms send it as the field {@value #FIELD}, htmx as the header
 * {@value #HEADER}. Every unsafe request to /console is checked here, before the resource runs; the sign-in form
 * has a token of its own (SignInPage), since nobody has a session yet.
 */
@ApplicationScoped
public class ConsoleCsrf {

    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-TOKEN";

    private final byte[] key;

    public ConsoleCsrf(ConsoleSettings settings) {
        this.key = settings.csrfKey().orElse("").getBytes(StandardCharsets.UTF_8);
    }

    /** The token of this console session, or "" without one (a page that has no form to protect). */
    public String tokenFor(String consoleSession) {
        return consoleSession == null ? "" : sign("session|" + consoleSession);
    }

    /** The sign-in form's token, bound to the browser's sign-in cookie instead of a session. */
    public String signInToken(String signInCookie) {
        return sign("sign-in|" + signInCookie);
    }

    public boolean matches(String expected, String supplied) {
        return supplied != null && !expected.isEmpty() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), supplied.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String value) {
        if (key.length == 0) {
            throw new IllegalStateException("recovery.console.csrf-key (CONSOLE_CSRF_KEY) is not set");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> check(ContainerRequestContext request, RoutingContext routing) {
        String path = routing.request().path();
        if (safe(request.getMethod()) || path == null || !path.startsWith("/console/")
                || path.equals(SignInPage.LOGIN_PATH)) {
            return null;
        }
        String expected = tokenFor(SessionKeys.of(identity(routing)));
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return matches(expected, header) ? null : refused(request);
        }
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            return refused(request);
        }
        return formOf(routing.request()).map(form -> matches(expected, form.get(FIELD)) ? null : refusal(request));
    }

    private static SecurityIdentity identity(RoutingContext routing) {
        return routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    private static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /**
     * The form's fields, read before the resource: Vert.x keeps them for RESTEasy's own form reading. (This is how
     * quarkus-rest-csrf reads them too.)
     */
    private static Uni<MultiMap> formOf(HttpServerRequest request) {
        request.setExpectMultipart(true);
        return Uni.createFrom().emitter((Consumer<UniEmitter<? super MultiMap>>) emitter -> {
            request.endHandler(ended -> emitter.complete(request.formAttributes()));
            request.resume();
        });
    }

    private static Uni<Response> refused(ContainerRequestContext request) {
        return Uni.createFrom().item(refusal(request));
    }

    /** A page in the person's language that says nothing was saved, never a bare 400. */
    private static Response refusal(ContainerRequestContext request) {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(SignInPage.staleForm(ConsoleRequest.localeOf(request.getHeaderString("Accept-Language"))))
                .build();
    }
}
