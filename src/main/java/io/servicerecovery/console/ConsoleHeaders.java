package io.servicerecovery.console;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The browser security headers of every console answer (/console and below): pages, htmx fragments, the
 * sign-in page, redirects and error answers alike. They are added when the answer's headers are written, by a
 * filter that runs before authentication and before common/HttpEdge's guard, so that answers given before any
 * resource runs (the sign-in redirect, a refused credential, a 404) get them too. The API and Swagger UI are
 * not pages of ours and keep their own answers.
 * <p>
 * The policy allows what the console serves itself (scripts, styles, fetches, frames) and nothing inline:
 * no inline script, no event handler attribute, no style attribute, no eval. Forms may post to the console
 * and, with OpenID Connect on, to the provider: sign-out answers with a redirect to the provider's
 * end-session endpoint, and Chromium checks form-action on a form's redirects too.
 */
@ApplicationScoped
public class ConsoleHeaders {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String FRAME_OPTIONS = "X-Frame-Options";

    /**
     * The email preview's policy (LiveChecks, in a sandboxed frame of the case page): the email's inline
     * styles apply, nothing else loads or runs, and only the console may frame it.
     */
    public static final String EMAIL_PREVIEW_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    /** A year; not includeSubDomains, which would decide for hosts that are not ours. */
    static final String HSTS = "max-age=31536000";

    /** Before HttpEdge's guard (1000) and authentication (200), so that their answers get the headers too. */
    static final int PRIORITY = 2000;

    private final String pagePolicy;
    private final boolean hsts;

    public ConsoleHeaders(@ConfigProperty(name = "recovery.http.hsts", defaultValue = "false") boolean hsts,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidc,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider) {
        this.hsts = hsts;
        this.pagePolicy = pagePolicy(oidc ? provider.flatMap(ConsoleHeaders::origin) : Optional.empty());
    }

    static String pagePolicy(Optional<String> provider) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'" + provider.map(origin -> " " + origin).orElse("")
                + "; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of the provider's URL; nothing for a URL without a host (OIDC then fails to start). */
    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    String pagePolicy() {
        return pagePolicy;
    }

    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, PRIORITY);
    }

    private void addHeaders(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path == null) {
            ctx.next(); // not a path: HttpEdge refuses it
            return;
        }
        if (path.equals("/console") || path.startsWith("/console/")) {
            boolean asset = staticAsset(path);
            ctx.addHeadersEndHandler(written -> console(ctx.response().headers(), asset));
        } else if (path.startsWith("/webjars/")) {
            // htmx and Chart.js: scripts only ever run as scripts
            ctx.addHeadersEndHandler(written -> ctx.response().headers().set("X-Content-Type-Options", "nosniff"));
        }
        ctx.next();
    }

    private void console(MultiMap headers, boolean asset) {
        // The email preview answers with its own policy and framing; every other answer gets the console's.
        if (!headers.contains(CONTENT_SECURITY_POLICY)) {
            headers.set(CONTENT_SECURITY_POLICY, pagePolicy);
        }
        if (!headers.contains(FRAME_OPTIONS)) {
            headers.set(FRAME_OPTIONS, "DENY"); // for browsers that do not know frame-ancestors
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        if (!asset) {
            // Pages and fragments are about people and cases: kept in no cache, so that the back button or the
            // disk cache of a shared computer does not show them after sign-out.
            headers.set("Cache-Control", "no-store");
        }
        if (hsts) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }

    /**
     * The console's own stylesheet and scripts (META-INF/resources/console): the same for everyone and without
     * personal data, so the static handler's caching (a day) stands. No page or fragment path has a suffix.
     */
    private static boolean staticAsset(String path) {
        return path.endsWith(".css") || path.endsWith(".js");
    }
}
