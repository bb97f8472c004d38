package io.servicerecovery.console;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;

/**
 * The words a person reads for a value the service keeps as a code: {@code {c.failure.severity.label}} for any
 * enum, {@code {label:of('RootCause', rc)}} for the codes that are strings (root causes, failure categories).
 * They come from {@code labels/labels_<language>.properties} under the key {@code <Group>.<CODE>} (an enum's
 * group is its simple name), in the page's language (the locale {@link ConsoleRequest#localized} sets), else
 * English. A code no bundle knows (a category a CRM made up) is still shown as words, not as {@code A_CODE}:
 * "A code". {@code LabelsTest} checks that every enum the console shows has a label in every language.
 */
@TemplateExtension
public final class Labels {

    static final String BUNDLE = "labels.labels";

    private Labels() {
    }

    static String label(Enum<?> value, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return of(value.getDeclaringClass().getSimpleName(), value.name(), localeOf(locale));
    }

    /** {@code {severity.labelInSentence}}: the label as it reads inside a sentence ("a high severity"). */
    static String labelInSentence(Enum<?> value, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        Locale in = localeOf(locale);
        return of(value.getDeclaringClass().getSimpleName(), value.name(), in).toLowerCase(in);
    }

    @TemplateExtension(namespace = "label")
    static String of(String group, Object code, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return code == null ? "" : of(group, code.toString(), localeOf(locale));
    }

    /** {@code {c.customer.locale.languageName}}: "Swedish" on an English page, "svenska" on a Swedish one. */
    static String languageName(String languageTag, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        if (languageTag == null || languageTag.isBlank()) {
            return "";
        }
        Locale page = localeOf(locale);
        return Locale.forLanguageTag(languageTag).getDisplayName(page);
    }

    /** {@code {label:inSentence('Level', code)}}: the label as it reads inside a sentence. */
    @TemplateExtension(namespace = "label")
    static String inSentence(String group, Object code, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        Locale in = localeOf(locale);
        return code == null ? "" : of(group, code.toString(), in).toLowerCase(in);
    }

    /** The label of {@code code} in {@code group}, in {@code locale} or English, else the code as words. */
    public static String of(String group, String code, Locale locale) {
        String key = group + "." + code;
        for (Locale candidate : new Locale[] { locale, Locale.ENGLISH }) {
            ResourceBundle bundle = bundle(candidate);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return asWords(code);
    }

    /** Whether {@code group.code} has words in {@code locale} or English. */
    static boolean has(String group, String code, Locale locale) {
        String key = group + "." + code;
        for (Locale candidate : new Locale[] { locale, Locale.ENGLISH }) {
            ResourceBundle bundle = bundle(candidate);
            if (bundle != null && bundle.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    static String asWords(String code) {
        String words = code.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static Locale localeOf(Object attribute) {
        if (attribute instanceof Locale locale) {
            return locale;
        }
        return attribute == null ? Locale.ENGLISH : Locale.forLanguageTag(attribute.toString());
    }
}
