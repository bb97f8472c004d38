package io.servicerecovery.console;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.security.CurrentUser;
import io.vertx.core.http.HttpServerRequest;

/** The console's view of the current request: the person, their language, the page frame. */
@RequestScoped
public class ConsoleRequest {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"));

    private final CurrentUser user;
    private final StaffProfiles profiles;
    private final HttpServerRequest request;
    private final ConsoleCsrf csrf;
    private StaffProfiles.Profile profile;

    public ConsoleRequest(CurrentUser user, StaffProfiles profiles, HttpServerRequest request, ConsoleCsrf csrf) {
        this.user = user;
        this.profiles = profiles;
        this.request = request;
        this.csrf = csrf;
    }

    public CurrentUser user() {
        return user;
    }

    /** English or Swedish, whichever the browser prefers; English when it prefers neither. */
    public Locale locale() {
        return localeOf(request.getHeader("Accept-Language"));
    }

    static Locale localeOf(String header) {
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** The token this session's forms carry (ConsoleCsrf), for a fragment that has a form but no page frame. */
    public String csrfToken() {
        return csrf.tokenFor(user.consoleSession());
    }

    public PageFrame frame(String nav) {
        StaffProfiles.Profile profile = profile();
        return new PageFrame(profile.userId(), profile.displayName(), user.isStaff(), user.isManager(),
                user.hasRole(CurrentUser.ADMIN), nav, locale(),
                ConsoleCsrf.FIELD, csrfToken(), profile.shortcuts());
    }

    /** The zone this person's times are shown in (their profile's, UTC by default); read once per request. */
    public ZoneId zone() {
        return profile().zone();
    }

    private StaffProfiles.Profile profile() {
        if (profile == null) {
            profile = profiles.of(user.id());
        }
        return profile;
    }

    /**
     * The zone of the request being answered, for the templates' {@code {x.when}}; UTC outside a console request
     * (an email rendered by a worker) and for a page that shows no person's frame.
     */
    static ZoneId currentZone() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return ZoneOffset.UTC;
        }
        var request = container.instance(ConsoleRequest.class);
        return request.isAvailable() ? request.get().zoneIfKnown() : ZoneOffset.UTC;
    }

    /** The zone when this request has shown its frame; UTC before (no database read while a template renders). */
    public ZoneId zoneIfKnown() {
        return profile == null ? ZoneOffset.UTC : profile.zone();
    }

    /** The template in the page's language. */
    public TemplateInstance localized(TemplateInstance template) {
        return template.setLocale(locale());
    }
}
