package io.servicerecovery.console;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.servicerecovery.apology.Finding;
import io.servicerecovery.apology.FindingTexts;

/**
 * {@code {f.text}} in a console template: a finding's words in the page's language (the locale
 * {@link ConsoleRequest#localized} sets), from the same finding bundles as the API's English.
 */
@TemplateExtension
public final class FindingText {

    private FindingText() {
    }

    static String text(Finding finding, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return FindingTexts.in(localeOf(locale)).message(finding);
    }

    private static Locale localeOf(Object attribute) {
        if (attribute instanceof Locale locale) {
            return locale;
        }
        return attribute == null ? Locale.ENGLISH : Locale.forLanguageTag(attribute.toString());
    }
}
