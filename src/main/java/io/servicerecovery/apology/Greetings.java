package io.servicerecovery.apology;

import java.util.Locale;

/**
 * Whether a message to a customer opens with a greeting of its language ("Hej Åsa!", "Dear Ana,",
 * "Здравствуйте, Анна!"), as the language profile lists them ({@code greetings} in
 * {@code apology/languages/<language>.json}). The follow-up email then leaves out its own greeting line, so the
 * customer is not greeted twice.
 */
public final class Greetings {

    private Greetings() {
    }

    /**
     * @param language the ISO 639 code of the message's language; a language without a profile is read as English
     * @param message  the message as the agent wrote it
     */
    public static boolean opensWithGreeting(String language, String message) {
        if (message == null || message.isBlank()) {
            return false;
        }
        LanguageProfile profile = LanguageProfiles.forLanguage(language);
        String opening = message.strip().toLowerCase(Locale.ROOT);
        for (String greeting : profile.greetings()) {
            String g = greeting.toLowerCase(Locale.ROOT);
            if (opening.startsWith(g) && (!profile.writesSpaces() || endsWord(opening, g.length()))) {
                return true;
            }
        }
        return false;
    }

    /** "Hej Åsa" and "Hej!" open with "hej"; "Hejdå" and "Dearest" do not open with "hej" or "dear". */
    private static boolean endsWord(String text, int at) {
        return at == text.length() || !Character.isLetterOrDigit(text.codePointAt(at));
    }
}
