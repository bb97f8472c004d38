package io.servicerecovery.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.common.Problem;
import io.servicerecovery.common.Wording;
import io.servicerecovery.empowerment.Level;

/**
 * Refusals in the page's language: {@code {w.text}} for a {@link Wording} (group {@code Refusal} of the labels
 * bundles, its arguments as {@code {0}}, {@code {1}}, ...), {@code {v.fieldText}} for a violation's field. A field
 * path such as {@code limits[EUR].maxCreditPerCase} reads "Largest credit per case (EUR)": the label of its last
 * name (group {@code Field}; a dotted path such as {@code compensation.amount} may have a label of its own) with the
 * keys in brackets after it, a level by its label. So no page shows a JSON path.
 */
@TemplateExtension
public final class Worded {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)?(?:\\[([^\\]]*)\\])?");

    private Worded() {
    }

    static String text(Wording wording, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return text(wording, Labels.localeOf(locale));
    }

    static String fieldText(Problem.Violation violation, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return field(violation.field(), Labels.localeOf(locale));
    }

    public static String text(Wording wording, Locale locale) {
        String text = Labels.of("Refusal", wording.code(), locale);
        List<Object> arguments = wording.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            text = text.replace("{" + i + "}", argument(arguments.get(i), locale));
        }
        return text;
    }

    private static String argument(Object argument, Locale locale) {
        if (argument instanceof Wording.Field field) {
            return field(field.path(), locale);
        }
        if (argument instanceof Enum<?> code) {
            return Labels.of(code.getDeclaringClass().getSimpleName(), code.name(), locale);
        }
        return String.valueOf(argument);
    }

    /** A field's path in words; an empty path (the whole request) is empty. */
    public static String field(String path, Locale locale) {
        if (path == null || path.isBlank()) {
            return "";
        }
        String plain = path.replaceAll("\\[[^\\]]*\\]", "");
        List<String> keys = new ArrayList<>();
        String last = plain;
        for (String part : path.split("\\.(?![^\\[]*\\])")) {
            Matcher m = SEGMENT.matcher(part);
            if (m.matches()) {
                if (m.group(1) != null) {
                    last = m.group(1);
                }
                if (m.group(2) != null) {
                    keys.add(key(m.group(2), locale));
                }
            }
        }
        String label = Labels.has("Field", plain, locale) ? Labels.of("Field", plain, locale)
                : Labels.has("Field", last, locale) ? Labels.of("Field", last, locale) : camelAsWords(last);
        return keys.isEmpty() ? label : label + " (" + String.join(", ", keys) + ")";
    }

    private static String key(String key, Locale locale) {
        for (Level level : Level.values()) {
            if (level.name().equals(key)) {
                return Labels.of("Level", key, locale);
            }
        }
        return key;
    }

    /** A name no bundle knows, as words: {@code deliveredVia} reads "Delivered via". */
    static String camelAsWords(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
