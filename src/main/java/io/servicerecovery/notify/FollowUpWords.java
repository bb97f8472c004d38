package io.servicerecovery.notify;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the apology follow-up ({@code followup:} in its templates), one file per customer language:
 * {@code messages/followup_en.properties} (English, the fallback) and {@code followup_da}, {@code _lv},
 * {@code _ru}, {@code _sv}, {@code _th}. Adding a language is adding its file; the build checks that the files
 * use only these keys, and {@code FollowUpTranslationsTest} that each has all of them, so that no email mixes
 * two languages.
 * <p>
 * Both the HTML and the text version are made from these words; a line break in a paragraph is where the text
 * version breaks the line (the HTML version joins the lines).
 */
@MessageBundle(value = "followup", locale = FollowUpEmail.FALLBACK_LANGUAGE)
public interface FollowUpWords {

    String subject(String customerName, String caseRef);

    /** The HTML version's title. */
    String title();

    String greeting(String customerName);

    /** Above the apology, which follows it as the agent wrote it. */
    String intro();

    String care(String caseRef);

    /** Above the agent's name. */
    String closing();

    /** Below the agent's name. */
    String team();
}
