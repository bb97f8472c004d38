package io.servicerecovery.console;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Wording;

/**
 * What a plain HTML form sends, read the way a person typed it: empty fields are "not
 * given", a decimal may use a comma, a choice must be one of those offered. A value that
 * cannot be read is a 400 problem naming the field, shown beside it on the page.
 */
public final class FormValues {

    private FormValues() {
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "is not one of the choices offered")
                    .worded(Wording.of("form.not-a-choice", new Wording.Field(field)));
        }
    }

    public static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "must be a number such as 20.00")
                    .worded(Wording.of("form.not-a-number", new Wording.Field(field)));
        }
    }

    public static Integer whole(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "must be a whole number such as 10")
                    .worded(Wording.of("form.not-whole", new Wording.Field(field)));
        }
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A value for a query string. */
    public static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The form's fields as typed, to show them again beside a refusal (null as empty). */
    public static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return map;
    }
}
