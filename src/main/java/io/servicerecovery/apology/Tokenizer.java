package io.servicerecovery.apology;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalizes text and splits it into words for phrase matching, in one language.
 * <p>
 * Normalizing means: Unicode NFC (so that a decomposed "a" + combining ring and a precomposed "å" are the same),
 * typographic apostrophes to {@code '}, lower case with the language's {@link Locale}, the profile's folds (Russian
 * "ё" as "е": Russian writers use both for the same letter, "несём" / "несем"), whitespace (including no-break and
 * zero-width spaces) collapsed to one space.
 * <p>
 * Words are those of the language's one analyzer ({@link Words}: Lucene's word boundaries, or its Thai dictionary
 * segmentation, so "ขอโทษที่มาช้า" becomes "ขอโทษ", "ที่", "มา", "ช้า"); segments without a letter or digit are
 * dropped. For a language written without spaces ({@link #spaceless()}, from the profile), phrase matching is
 * done on the {@linkplain Text#compact() compact} text (no whitespace at all) by substring, because dictionary
 * segmentation of a phrase on its own and inside a sentence do not always agree.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class Tokenizer {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u02BC\\u2032]");

    private final Words words;

    private Tokenizer(Words words) {
        this.words = words;
    }

    /** The tokenizer of a language profile. */
    static Tokenizer of(LanguageProfile profile) {
        return new Tokenizer(Words.of(profile));
    }

    /**
     * The tokenizer for an ISO 639 language code such as {@code sv} or {@code th}, as its profile says; English
     * for a language without a profile.
     */
    public static Tokenizer forLanguage(String language) {
        return of(LanguageProfiles.forLanguage(language == null || language.isBlank() ? PhraseBook.FALLBACK
                : language.toLowerCase(Locale.ROOT)));
    }

    public String language() {
        return words.language();
    }

    public Locale locale() {
        return words.locale();
    }

    /** True for scripts without spaces between words (Thai): phrases match by substring of the compact text. */
    public boolean spaceless() {
        return words.spaceless();
    }

    /** NFC, unified apostrophes, lower case in this language, collapsed whitespace; {@code null} gives "". */
    public String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = words.fold(s.toLowerCase(words.locale()));
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
        return new Text(spaceless(), normalized, normalized.replace(" ", ""), List.copyOf(segment(normalized)));
    }

    private List<String> segment(String normalized) {
        List<String> segments = new ArrayList<>();
        for (Words.Word word : words.segments(normalized)) {
            String segment = normalized.substring(word.start(), word.end());
            if (hasLetterOrDigit(segment)) {
                segments.add(segment);
            }
        }
        return segments;
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
