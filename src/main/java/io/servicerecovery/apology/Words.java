package io.servicerecovery.apology;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.th.ThaiTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The one analyzer of the apology checks: words and their stems for one language, as its {@link LanguageProfile}
 * says. Words come from Lucene's {@link StandardTokenizer} (Unicode word boundaries) for languages written with
 * spaces, from its {@link ThaiTokenizer} (dictionary segmentation, through the JDK's Thai
 * {@link java.text.BreakIterator}) for a language written without them; stems from the profile's {@link Stemmer}.
 * Words keep their offsets in the text, so that what the checks find can be quoted as the agent wrote it. The
 * phrase matching ({@link Tokenizer}) and the meaning of words ({@link Lexicon}) both take their words from here.
 * <p>
 * Immutable and thread-safe: the Lucene tokenizers and stemmers are stateful, so one is made per call.
 */
final class Words {

    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u02BC\\u2032]");
    /** Thai writes a space before the repetition mark ๆ; it belongs to the word before it. */
    private static final Pattern SPACE_BEFORE_MAI_YAMOK = Pattern.compile("\\s+ๆ");

    private final String language;
    private final Locale locale;
    private final boolean spaceless;
    private final Stemmer stemmer;
    private final Map<String, String> folds;

    private Words(LanguageProfile profile) {
        this.language = profile.language();
        this.locale = Locale.forLanguageTag(language);
        this.spaceless = !profile.writesSpaces();
        this.stemmer = profile.stemmer();
        this.folds = profile.folds();
    }

    static Words of(LanguageProfile profile) {
        return new Words(profile);
    }

    String language() {
        return language;
    }

    /** Whether the language writes no spaces between words (Thai): its entries match as characters. */
    boolean spaceless() {
        return spaceless;
    }

    Locale locale() {
        return locale;
    }

    /**
     * The text as the agent wrote it, with only same-length changes apart from Unicode NFC: typographic apostrophes
     * become {@code '}; in Thai the space before ๆ goes. Offsets of words refer to this text.
     */
    String display(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = APOSTROPHES.matcher(s).replaceAll("'");
        if (spaceless) {
            s = SPACE_BEFORE_MAI_YAMOK.matcher(s).replaceAll("ๆ");
        }
        return s;
    }

    /** A word or segment as matched: lower case, with the profile's folds (Russian ё as е). */
    String lower(String word) {
        return fold(word.toLowerCase(locale));
    }

    /** The profile's folds: letters its writers use for one another ("несём" / "несем"). */
    String fold(String lower) {
        String s = lower;
        for (Map.Entry<String, String> fold : folds.entrySet()) {
            s = s.replace(fold.getKey(), fold.getValue());
        }
        return s;
    }

    /**
     * The words of a display text, in order, with their offsets. In Thai these are dictionary segments; Thai
     * matching works on characters (see {@link Lexicon}), the segments only give fallback boundaries.
     */
    List<Word> split(String display) {
        return split(display, stemmer.create());
    }

    /** The words of a text without their stems (the stem is the word): for phrase matching. */
    List<Word> segments(String text) {
        return split(text, UnaryOperator.identity());
    }

    private List<Word> split(String display, UnaryOperator<String> stemmer) {
        List<Word> words = new ArrayList<>();
        if (display.isEmpty()) {
            return words;
        }
        try (org.apache.lucene.analysis.Tokenizer tokenizer = spaceless ? new ThaiTokenizer() : new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(display));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String lower = lower(term.toString());
                words.add(new Word(lower, stemmer.apply(lower), offset.startOffset(), offset.endOffset()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The stem of one lower-case word. */
    String stem(String lowerWord) {
        return stemmer.create().apply(lowerWord);
    }

    /**
     * One word of a text.
     *
     * @param text  lower case
     * @param stem  its stem (Thai: the segment itself)
     * @param start offset of its first character in the display text
     * @param end   offset after its last character
     */
    record Word(String text, String stem, int start, int end) {
    }
}
