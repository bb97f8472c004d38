package io.servicerecovery.console;

import java.util.Locale;

/**
 * What every console page shows around its content: who is signed in, which part of the
 * console this is, the page's language, and the CSRF token its forms carry.
 *
 * @param nav the navigation entry to mark as current: inbox, work, profile, approvals, empowerment,
 *        what-if, dashboard, incidents or none
 * @param staff whether the person works cases (agents and managers), so sees the inbox
 * @param admin whether the person operates the service, so sees the incidents
 * @param shortcuts whether the person keeps the inbox's one-key shortcuts on (the profile can turn them off)
 */
public record PageFrame(String userId, String displayName, boolean staff, boolean manager, boolean admin, String nav,
        Locale locale, String csrfField, String csrfToken, boolean shortcuts) {

    public String lang() {
        return locale.getLanguage();
    }
}
