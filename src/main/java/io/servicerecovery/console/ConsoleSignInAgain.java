package io.servicerecovery.console;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.servicerecovery.common.OwnSignIn;
import io.servicerecovery.security.session.FormSessionMechanism;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A console session that is no longer good (signed out, ended by the provider) is no API caller to answer 401
 * problem+json: the person signs in again. Addresses are relative: a redirect is never built from the Host
 * header, which the caller chooses.
 */
@ApplicationScoped
public class ConsoleSignInAgain implements OwnSignIn {

    @Override
    public boolean answered(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path == null || !(path.equals("/console") || path.startsWith("/console/"))) {
            return false;
        }
        forgetConsoleSession(ctx);
        HttpServerRequest request = ctx.request();
        if (request.getHeader("HX-Request") != null) {
            // In place, so that what the person typed stays on the page while they sign in again in another tab.
            send(ctx, RefusedPost.answer(RefusedPost.Why.SIGNED_OUT, request, List.of(), ""));
        } else if (request.method() == HttpMethod.POST && RefusedPost.isForm(request.getHeader("Content-Type"))) {
            RefusedPost.formOf(request).subscribe().with(form -> {
                List<RefusedPost.Field> fields = RefusedPost.fieldsOf(form);
                if (RefusedPost.anythingWritten(fields)) {
                    send(ctx, RefusedPost.answer(RefusedPost.Why.SIGNED_OUT, request, fields, ""));
                } else {
                    toSignIn(ctx); // a button without words (claim, sign out): nothing to lose
                }
            }, unreadable -> toSignIn(ctx));
        } else {
            toSignIn(ctx);
        }
        return true;
    }

    private static void toSignIn(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(303).putHeader("Location", SignInPage.LOGIN_PATH).end();
        }
    }

    private static void send(RoutingContext ctx, Response answer) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(answer.getStatus());
            answer.getStringHeaders().forEach((name, values) -> ctx.response().putHeader(name, values));
            ctx.response().end((String) answer.getEntity());
        }
    }

    @jakarta.inject.Inject
    @io.quarkus.qute.Location("console/noAccess")
    io.quarkus.qute.Template noAccess;

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /**
     * A person whose role does not allow a console page reads why, in their language, and where they can go: their
     * own start page, or (a CRM account, which has no pages here) that the account is for the API. Never the API's
     * problem+json, which a person cannot read. From htmx the same words go in place (200: htmx swaps only those).
     */
    @Override
    public Response forbiddenAt(String path, String acceptLanguage, boolean htmx) {
        if (!(path.equals("/console") || path.startsWith("/console/"))) {
            return null;
        }
        boolean hasConsole = identity.hasRole(io.servicerecovery.security.CurrentUser.AGENT)
                || identity.hasRole(io.servicerecovery.security.CurrentUser.MANAGER)
                || identity.hasRole(io.servicerecovery.security.CurrentUser.ADMIN);
        java.util.Locale locale = ConsoleRequest.localeOf(acceptLanguage);
        String page = noAccess.data("hasConsole", hasConsole).data("htmx", htmx).data("lang", locale.getLanguage())
                .setLocale(locale).render();
        return Response.status(htmx ? 200 : 403).entity(page).type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE + ";charset=UTF-8")
                .build();
    }

    @Override
    public Response answerFor(String path) {
        if (!path.startsWith("/console/")) {
            return null;
        }
        return Response.status(Response.Status.SEE_OTHER).header("Location", SignInPage.LOGIN_PATH).build();
    }

    /** Expires the console's session cookies: the demo's form session and quarkus-oidc's q_session (and its chunks). */
    private static void forgetConsoleSession(RoutingContext ctx) {
        for (String name : ctx.request().cookies().stream().map(Cookie::getName).toList()) {
            if (name.equals(FormSessionMechanism.COOKIE) || name.startsWith("q_session")) {
                ctx.response().addCookie(Cookie.cookie(name, "").setPath("/console").setMaxAge(0).setHttpOnly(true));
            }
        }
    }
}
