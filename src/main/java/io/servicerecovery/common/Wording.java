package io.servicerecovery.common;

import java.util.Arrays;
import java.util.List;

/**
 * A refusal as a sentence for a person: a code and its arguments, which the console words in the page's language
 * (group {@code Refusal} of its labels bundles). The API keeps the problem's English detail, so a wording never
 * changes what a client reads. An argument is shown as is, an enum by its label, a {@link Field} by the label of
 * the form field it names.
 */
public record Wording(String code, List<Object> arguments) {

    public static Wording of(String code, Object... arguments) {
        return new Wording(code, Arrays.asList(arguments));
    }

    /** A field of a request by its path, as the API's violations name it ({@code limits[EUR].maxCreditPerCase}). */
    public record Field(String path) {
    }
}
