package io.servicerecovery.security.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The demo's console sign-in: the session cookie that the sign-in form hands out (SignInPage), looked up in
 * the database on each request, so that signing out ends it on every replica. The person's roles come from
 * the user realm (the demo's embedded users), asked as Quarkus' own form mechanism asks it. Bound to /console
 * in application.properties (auth-mechanism=console-form); production signs in through OpenID Connect instead.
 */
@ApplicationScoped
@LookupIfProperty(name = "recovery.console.form-sign-in", stringValue = "true")
public class FormSessionMechanism implements HttpAuthenticationMechanism {

    public static final String SCHEME = "console-form";
    public static final String COOKIE = "console-session";
    static final String LOGIN_PATH = "/console/login";

    private final ConsoleSettings settings;

    public FormSessionMechanism(ConsoleSettings settings) {
        this.settings = settings;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identities) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (cookie == null || !ConsoleSessions.wellFormed(cookie.getValue())) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new ConsoleSessionRequest(cookie.getValue()), ctx))
                .onItem().ifNotNull().transformToUni(session -> withRoles(session, ctx, identities));
    }

    private static Uni<SecurityIdentity> withRoles(SecurityIdentity session, RoutingContext ctx,
            IdentityProviderManager identities) {
        AuthenticationRequest trusted = HttpSecurityUtils.setRoutingContextAttribute(
                new TrustedAuthenticationRequest(session.getPrincipal().getName()), ctx);
        return identities.authenticate(trusted).map(person -> QuarkusSecurityIdentity.builder(person)
                .addAttribute(SessionKeys.SESSION_ATTRIBUTE, session.getAttribute(SessionKeys.SESSION_ATTRIBUTE))
                .build());
    }

    /**
     * To the sign-in form, by a relative address (never built from the Host header) or the configured public URL;
     * the page asked for rides along as {@code next}, a console path only. An htmx request is told to go there
     * as a whole page instead of getting the form swapped into a fragment.
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
        String login = settings.publicUrl().map(url -> url.replaceAll("/+$", "")).orElse("") + LOGIN_PATH;
        if (ctx.request().getHeader("HX-Request") != null) {
            return Uni.createFrom().item(new ChallengeData(401, "HX-Redirect", login));
        }
        String next = ctx.request().method() == HttpMethod.GET ? NextPage.of(ctx.request().uri()) : null;
        String location = next == null ? login : login + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return Uni.createFrom().item(new ChallengeData(302, "Location", location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ConsoleSessionRequest.class, TrustedAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext ctx) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE, SCHEME));
    }
}
