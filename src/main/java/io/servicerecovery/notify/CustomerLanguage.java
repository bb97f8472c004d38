package io.servicerecovery.notify;

import java.util.List;
import java.util.Locale;

/** The languages the service writes to customers in; anything else gets English. */
public final class CustomerLanguage {

    public static final List<String> SUPPORTED = List.of("en", "sv", "da", "lv", "ru", "th");
    public static final String FALLBACK = "en";

    private CustomerLanguage() {
    }

    /** {@code sv-SE} -> sv, {@code th-TH} -> th, {@code nb} -> en. */
    public static String of(String bcp47) {
        if (bcp47 == null) {
            return FALLBACK;
        }
        String language = Locale.forLanguageTag(bcp47).getLanguage();
        return SUPPORTED.contains(language) ? language : FALLBACK;
    }
}
