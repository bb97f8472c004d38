package io.servicerecovery.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as a search box compares it: lower case, accents off ("Åsa", "ÅSA" and "asa" are all "asa").
 * Stored keys and typed queries go through the same folding, so the comparison is a plain LIKE that
 * works the same on H2 and PostgreSQL (neither folds accents portably in SQL).
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    /** The folded form of {@code text}; empty for null. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        // Letters that do not decompose into a base letter and a mark.
        folded = folded.replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("đ", "d").replace("ł", "l");
        return SPACES.matcher(folded.strip()).replaceAll(" ");
    }

    /** One key for several fields, each folded, separated so that a query never matches across two of them. */
    public static String key(String... fields) {
        StringBuilder key = new StringBuilder();
        for (String field : fields) {
            if (field != null && !field.isBlank()) {
                key.append('|').append(fold(field));
            }
        }
        return key.append('|').toString();
    }
}
