package io.servicerecovery.console;

import java.util.Locale;

/**
 * What every console page shows around its content: who is signed in, which part of the
 * console this is, the page's language, and the CSRF token its forms carry.
 *
 * @param nav the navigation entry to mark as current: inbox, work, profile or none
 */
public record PageFrame(String userId, String displayName, boolean manager, String nav, Locale locale,
        String csrfField, String csrfToken) {

    public String lang() {
        return locale.getLanguage();
    }
}
