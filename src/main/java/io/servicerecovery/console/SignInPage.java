package io.servicerecovery.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.security.session.ConsoleSessions;
import io.servicerecovery.security.session.FormSessionMechanism;
import io.servicerecovery.security.session.NextPage;
import io.servicerecovery.security.session.SignInThrottle;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * Signing in and out of the console in the demo (production signs in through OpenID Connect, and quarkus-oidc
 * answers /console/logout there). The form is ours rather than Quarkus' form mechanism because each step of it
 * guards something:
 * <ul>
 * <li>the post must come from this page: a token bound to a short-lived, SameSite=Strict cookie, and a refusal of
 * posts the browser marks as cross-site (login CSRF: another site signing the person in as someone else);</li>
 * <li>attempts are held back after repeated failures (SignInThrottle), the right password included;</li>
 * <li>a browser that holds another person's session is asked before that session is replaced;</li>
 * <li>the session lives on the server (ConsoleSessions), so signing out ends it everywhere.</li>
 * </ul>
 */
@Path("/console")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    static final String LOGIN_PATH = "/console/login";
    /** The sign-in form's own cookie, whose value the form's token is bound to. */
    static final String SIGN_IN_COOKIE = "console-sign-in";
    private static final Duration SIGN_IN_COOKIE_LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_USER_NAME = 255;

    private final ConsoleRequest console;
    private final HttpServerRequest request;
    private final CurrentUser user;
    private final ConsoleCsrf csrf;
    private final ConsoleSessions sessions;
    private final SignInThrottle throttle;
    private final IdentityProviderManager identities;
    private final StaffProfiles profiles;
    private final Clock clock;
    private final boolean openIdConnect;

    public SignInPage(ConsoleRequest console, HttpServerRequest request, CurrentUser user, ConsoleCsrf csrf,
            ConsoleSessions sessions, SignInThrottle throttle, IdentityProviderManager identities,
            StaffProfiles profiles, Clock clock,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean openIdConnect) {
        this.console = console;
        this.request = request;
        this.user = user;
        this.csrf = csrf;
        this.sessions = sessions;
        this.throttle = throttle;
        this.identities = identities;
        this.profiles = profiles;
        this.clock = clock;
        this.openIdConnect = openIdConnect;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(SignInForm form);
    }

    /** The form; where people sign in through the company's provider, the console (which sends them there). */
    @GET
    @Path("login")
    public Response login(@QueryParam("next") String next) {
        if (openIdConnect) {
            return ConsoleRedirect.seeOther("/console");
        }
        return form(Response.Status.OK, null, 0, null, null, NextPage.of(next)).build();
    }

    /** The address Quarkus' form used; a bookmark of it still reaches the form. */
    @GET
    @Path("login-failed")
    public Response loginFailed() {
        return ConsoleRedirect.seeOther(LOGIN_PATH);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("j_username") String user, @FormParam("j_password") String password,
            @FormParam("login-token") String token, @FormParam("replace") String replace,
            @FormParam("next") String next) {
        if (openIdConnect) {
            return ConsoleRedirect.seeOther("/console");
        }
        String userName = user == null ? "" : user.strip();
        String goOn = NextPage.of(next);
        if (crossSite() || !validToken(token) || userName.length() > MAX_USER_NAME) {
            return form(Response.Status.FORBIDDEN, "expired", 0, null, null, goOn).build();
        }
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        Optional<java.time.Instant> held = throttle.heldUntil(userName, address);
        if (held.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), held.get()).toSeconds());
            return form(Response.Status.TOO_MANY_REQUESTS, "held", (seconds + 59) / 60, userName, null, goOn)
                    .header("Retry-After", Long.toString(seconds)).build();
        }
        String current = currentPerson();
        if (current != null && !current.equals(userName) && !"yes".equals(replace)) {
            return form(Response.Status.OK, null, 0, userName, profiles.displayNameOf(current), goOn).build();
        }
        if (!passwordHolds(userName, password)) {
            throttle.failed(userName, address);
            return form(Response.Status.UNAUTHORIZED, "failed", 0, userName, null, goOn).build();
        }
        throttle.succeeded(userName);
        endCurrentSession();
        ConsoleSessions.Opened opened = sessions.open(userName);
        return Response.status(Response.Status.SEE_OTHER).header("Location", goOn == null ? "/console" : goOn)
                .cookie(sessionCookie(opened.secret(), -1), expired(SIGN_IN_COOKIE)).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        endCurrentSession();
        return Response.status(Response.Status.SEE_OTHER).header("Location", LOGIN_PATH)
                .cookie(expired(FormSessionMechanism.COOKIE)).build();
    }

    private Response.ResponseBuilder form(Response.Status status, String refusal, long minutes, String user,
            String signedInAs, String next) {
        String signInCookie = signInCookie();
        SignInForm form = new SignInForm(console.locale().getLanguage(), refusal, minutes, user, signedInAs,
                csrf.signInToken(signInCookie), next);
        NewCookie cookie = new NewCookie.Builder(SIGN_IN_COOKIE).value(signInCookie).path("/console")
                .maxAge((int) SIGN_IN_COOKIE_LIFETIME.toSeconds()).httpOnly(true).secure(secure())
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.status(status).entity(console.localized(Templates.login(form))).cookie(cookie);
    }

    /**
     * The browser's sign-in cookie, kept while it lives, so that two sign-in pages open at once both work; a new
     * random one otherwise.
     */
    private String signInCookie() {
        Cookie existing = request.getCookie(SIGN_IN_COOKIE);
        if (existing != null && existing.getValue().matches("[A-Za-z0-9_-]{43}")) {
            return existing.getValue();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private boolean crossSite() {
        return crossSite(request);
    }

    /**
     * Browsers say where a post comes from (Sec-Fetch-Site, Origin): true for a post another site made. A sign-in
     * post from another site is refused; a refused form from another site is not shown again (RefusedPost).
     */
    static boolean crossSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        // A browser too old for Sec-Fetch-Site still sends Origin on a cross-origin post.
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false; // not a browser's cross-site post; the token still has to match
        }
        String host = request.getHeader("Host");
        return origin.equals("null") || host == null || !origin.replaceFirst("^https?://", "").equalsIgnoreCase(host);
    }

    private boolean validToken(String token) {
        Cookie cookie = request.getCookie(SIGN_IN_COOKIE);
        return cookie != null && csrf.matches(csrf.signInToken(cookie.getValue()), token);
    }

    private boolean passwordHolds(String user, String password) {
        if (user.isEmpty() || password == null || password.isEmpty()) {
            return false;
        }
        try {
            return identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(user,
                    new PasswordCredential(password.toCharArray()))) != null;
        } catch (AuthenticationFailedException wrong) {
            return false;
        }
    }

    /** The person whose session this browser holds, if it is still open (the sign-in page itself needs no session). */
    private String currentPerson() {
        Cookie cookie = request.getCookie(FormSessionMechanism.COOKIE);
        return cookie == null ? null : sessions.personOf(cookie.getValue()).orElse(null);
    }

    private void endCurrentSession() {
        String key = user.consoleSession();
        if (key != null) {
            sessions.end(key);
        }
        Cookie cookie = request.getCookie(FormSessionMechanism.COOKIE);
        if (cookie != null) {
            sessions.end(ConsoleSessions.hash(cookie.getValue()));
        }
    }

    private NewCookie sessionCookie(String value, int maxAge) {
        return new NewCookie.Builder(FormSessionMechanism.COOKIE).value(value).path("/console").maxAge(maxAge)
                .httpOnly(true).secure(secure()).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/console").maxAge(0).httpOnly(true).secure(secure())
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private boolean secure() {
        return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
