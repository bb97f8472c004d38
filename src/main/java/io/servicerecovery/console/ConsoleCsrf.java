package io.servicerecovery.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.servicerecovery.security.session.ConsoleSettings;
import io.servicerecovery.security.session.SessionKeys;
import io.smallrye.mutiny.Uni;
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
        // Without a session there is no token to give a form again; with one, a refusal offers to go on.
        RefusedPost.Why why = expected.isEmpty() ? RefusedPost.Why.FOREIGN : RefusedPost.Why.OUT_OF_DATE;
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return matches(expected, header) ? null
                    : Uni.createFrom().item(RefusedPost.answer(why, routing.request(), List.of(), expected));
        }
        if (!RefusedPost.isForm(request.getHeaderString("Content-Type"))) {
            return Uni.createFrom().item(
                    RefusedPost.answer(RefusedPost.Why.FOREIGN, routing.request(), List.of(), expected));
        }
        return RefusedPost.formOf(routing.request()).map(form -> matches(expected, form.get(FIELD)) ? null
                : RefusedPost.answer(why, routing.request(), RefusedPost.fieldsOf(form), expected));
    }

    private static SecurityIdentity identity(RoutingContext routing) {
        return routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    private static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
