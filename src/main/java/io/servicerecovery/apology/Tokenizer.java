package io.servicerecovery.apology;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalizes text and splits it into words for one language.
 * <p>
 * Normalizing means: Unicode NFC (so that a decomposed "a" + combining ring and a precomposed "å" are the same),
 * typographic apostrophes to {@code '}, lower case with the language's {@link Locale}, whitespace (including
 * no-break and zero-width spaces) collapsed to one space. For Russian, "ё" becomes "е": Russian writers use
 * both for the same letter ("несём" / "несем").
 * <p>
 * Words come from {@link BreakIterator#getWordInstance(Locale)}, which knows word boundaries of scripts that
 * do not separate words with spaces: for Thai it uses the JDK's Thai dictionary, so "ขอโทษที่มาช้า" becomes
 * "ขอโทษ", "ที่", "มา", "ช้า". Segments without a letter or digit (spaces, punctuation) are dropped.
 * For such scripts ({@link #spaceless()}), phrase matching is done on the {@linkplain Text#compact() compact}
 * text (no whitespace at all) by substring, because dictionary segmentation of a phrase on its own and inside a
 * sentence do not always agree.
 * <p>
 * Instances are immutable and thread-safe; a new {@link BreakIterator} is created per call.
 */
public final class Tokenizer {

    /** Languages whose script does not separate words with spaces (of those the service could meet). */
    private static final Set<String> SPACELESS = Set.of("th", "lo", "km", "my", "ja", "zh");

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u02BC\\u2032]");

    private final String language;
    private final Locale locale;
    private final boolean spaceless;

    private Tokenizer(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.spaceless = SPACELESS.contains(language);
    }

    /** A tokenizer for an ISO 639 language code such as {@code sv} or {@code th}. */
    public static Tokenizer forLanguage(String language) {
        return new Tokenizer(language == null || language.isBlank() ? "en" : language.toLowerCase(Locale.ROOT));
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** True for scripts without spaces between words (Thai): phrases match by substring of the compact text. */
    public boolean spaceless() {
        return spaceless;
    }

    /** NFC, unified apostrophes, lower case in this language, collapsed whitespace; {@code null} gives "". */
    public String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = APOSTROPHES.matcher(s).replaceAll("'");
        if ("ru".equals(language)) {
            s = s.replace('ё', 'е').replace('Ё', 'Е');
        }
        s = s.toLowerCase(locale);
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        return WHITESPACE.matcher(s).replaceAll(" ").trim();
    }

    /** The words of a text, normalized, in order. */
    public List<String> words(String text) {
        return segment(normalize(text));
    }

    /** Normalizes and segments a text once, for several checks. */
    public Text analyze(String text) {
        String normalized = normalize(text);
        return new Text(spaceless, normalized, normalized.replace(" ", ""), List.copyOf(segment(normalized)));
    }

    private List<String> segment(String normalized) {
        List<String> words = new ArrayList<>();
        if (normalized.isEmpty()) {
            return words;
        }
        BreakIterator boundaries = BreakIterator.getWordInstance(locale);
        boundaries.setText(normalized);
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            String segment = normalized.substring(start, end);
            if (hasLetterOrDigit(segment)) {
                words.add(segment);
            }
        }
        return words;
    }

    static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    static int letters(String s) {
        return (int) s.codePoints().filter(Character::isLetter).count();
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The first {@code n} code points of {@code s} (all of it when shorter). */
    static String prefix(String s, int n) {
        return length(s) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    /**
     * A text as the checks see it.
     *
     * @param spaceless  whether phrases match by substring of {@code compact}
     * @param normalized the normalized text
     * @param compact    the normalized text without spaces
     * @param words      the normalized words
     */
    public record Text(boolean spaceless, String normalized, String compact, List<String> words) {
    }
}
