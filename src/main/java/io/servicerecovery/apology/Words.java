package io.servicerecovery.apology;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.lv.LatvianStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.th.ThaiTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Words and their stems for one language, from Lucene's analyzers: {@link StandardTokenizer} (Unicode word
 * boundaries) for languages written with spaces, {@link ThaiTokenizer} (dictionary segmentation, through the JDK's
 * Thai {@link java.text.BreakIterator}) for Thai; Snowball stemmers for English, Swedish, Danish and Russian,
 * Lucene's {@link LatvianStemmer} for Latvian. Words keep their offsets in the text, so that what the checks find
 * can be quoted as the agent wrote it.
 * <p>
 * Immutable and thread-safe: the Lucene tokenizers and stemmers are stateful, so one is made per call.
 */
final class Words {

    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u02BC\\u2032]");
    /** Thai writes a space before the repetition mark ๆ; it belongs to the word before it. */
    private static final Pattern SPACE_BEFORE_MAI_YAMOK = Pattern.compile("\\s+ๆ");

    private final String language;
    private final Locale locale;
    private final boolean thai;

    private Words(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.thai = "th".equals(language);
    }

    static Words forLanguage(String language) {
        return new Words(language);
    }

    String language() {
        return language;
    }

    boolean thai() {
        return thai;
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
        if (thai) {
            s = SPACE_BEFORE_MAI_YAMOK.matcher(s).replaceAll("ๆ");
        }
        return s;
    }

    /** A word or segment as matched: lower case, Russian ё as е. */
    String lower(String word) {
        String s = word.toLowerCase(locale);
        if ("ru".equals(language)) {
            s = s.replace('ё', 'е');
        }
        return s;
    }

    /**
     * The words of a display text, in order, with their offsets. In Thai these are dictionary segments; Thai
     * matching works on characters (see {@link Lexicon}), the segments only give fallback boundaries.
     */
    List<Word> split(String display) {
        List<Word> words = new ArrayList<>();
        if (display.isEmpty()) {
            return words;
        }
        UnaryOperator<String> stemmer = stemmer();
        try (org.apache.lucene.analysis.Tokenizer tokenizer = thai ? new ThaiTokenizer() : new StandardTokenizer()) {
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
        return stemmer().apply(lowerWord);
    }

    private UnaryOperator<String> stemmer() {
        return switch (language) {
            case "en" -> snowball(new EnglishStemmer());
            case "sv" -> snowball(new SwedishStemmer());
            case "da" -> snowball(new DanishStemmer());
            case "ru" -> snowball(new RussianStemmer());
            case "lv" -> latvian();
            default -> UnaryOperator.identity();
        };
    }

    private static UnaryOperator<String> snowball(SnowballStemmer stemmer) {
        return word -> {
            // the English possessive is not a different word: "courier's" is the courier
            String w = word.endsWith("'s") && word.length() > 2 ? word.substring(0, word.length() - 2) : word;
            stemmer.setCurrent(w);
            stemmer.stem();
            return stemmer.getCurrent();
        };
    }

    private static UnaryOperator<String> latvian() {
        LatvianStemmer stemmer = new LatvianStemmer();
        return word -> {
            char[] chars = word.toCharArray();
            return new String(chars, 0, stemmer.stem(chars, chars.length));
        };
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
