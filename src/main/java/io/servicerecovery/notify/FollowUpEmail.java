package io.servicerecovery.notify;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.servicerecovery.apology.Greetings;

/**
 * The apology follow-up as the customer reads it, rendered one way for the send and for the console's preview:
 * the words of the customer's language ({@link FollowUpWords}) in one HTML layout and one text layout
 * ({@code templates/FollowUpEmail/}), with what the case and the agent put in.
 */
@ApplicationScoped
public class FollowUpEmail {

    /** The language of a customer whose own has no words in {@code messages/followup_*.properties}. */
    public static final String FALLBACK_LANGUAGE = "en";

    /** What the email shows of the case and the agent. */
    public record Content(String customerName, String caseRef, String apology, String agentName) {
    }

    /**
     * The email as rendered: the language it is written in (a BCP 47 language, for {@code Content-Language})
     * and what the customer reads, all that needs keeping to know later what was sent.
     */
    public record Rendered(String language, String subject, String html, String text) {
    }

    @CheckedTemplate
    static class Templates {
        /** @param greeted whether the apology opens with a greeting of its own, which then stands for the email's */
        static native TemplateInstance html(Content email, String language, boolean greeted);

        static native TemplateInstance text(Content email, boolean greeted);
    }

    private final Instance<FollowUpWords> translations;

    public FollowUpEmail(@Any Instance<FollowUpWords> translations) {
        this.translations = translations;
    }

    public Rendered render(String customerLocale, Content email) {
        String language = languageFor(customerLocale);
        FollowUpWords words = translations.select(Localized.Literal.of(language)).get();
        boolean greeted = greets(customerLocale, language, email.apology());
        return new Rendered(language,
                words.subject(email.customerName(), email.caseRef()).strip(),
                Templates.html(email, language, greeted).setLocale(language).render(),
                Templates.text(email, greeted).setLocale(language).render());
    }

    /**
     * Whether the agent's apology opens with a greeting ("Hej Åsa!") in the customer's language or the email's
     * (an agent may write English to a customer whose language has no email words): the email then does not
     * greet before it, which would read "Hej Åsa Lindqvist, ... Hej Åsa!".
     */
    private static boolean greets(String customerLocale, String emailLanguage, String apology) {
        String customerLanguage = customerLocale == null ? "" : Locale.forLanguageTag(customerLocale).getLanguage();
        return Greetings.opensWithGreeting(customerLanguage.isEmpty() ? emailLanguage : customerLanguage, apology)
                || Greetings.opensWithGreeting(emailLanguage, apology);
    }

    /** The customer's language ({@code sv-SE} -> sv) when there are words for it, else the fallback. */
    public String languageFor(String customerLocale) {
        String language = customerLocale == null ? "" : Locale.forLanguageTag(customerLocale).getLanguage();
        return !language.isEmpty() && translations.select(Localized.Literal.of(language)).isResolvable()
                ? language
                : FALLBACK_LANGUAGE;
    }

    /** {@code {paragraph.joinedLines}}: the HTML version joins the lines the text version breaks. */
    @TemplateExtension
    static String joinedLines(String paragraph) {
        return paragraph.replace('\n', ' ');
    }
}
