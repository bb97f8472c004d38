package io.servicerecovery.apology;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.lv.LatvianStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * The stemmer a language profile names ({@code "stemmer": "SWEDISH"}): Lucene's Snowball stemmers, its Latvian one,
 * or none (Thai matches characters, not stems). The European languages Lucene ships are here already, so that a new
 * profile for one of them needs no code.
 */
public enum Stemmer {
    ENGLISH(EnglishStemmer::new),
    SWEDISH(SwedishStemmer::new),
    DANISH(DanishStemmer::new),
    NORWEGIAN(NorwegianStemmer::new),
    GERMAN(GermanStemmer::new),
    DUTCH(DutchStemmer::new),
    FINNISH(FinnishStemmer::new),
    FRENCH(FrenchStemmer::new),
    SPANISH(SpanishStemmer::new),
    ITALIAN(ItalianStemmer::new),
    PORTUGUESE(PortugueseStemmer::new),
    RUSSIAN(RussianStemmer::new),
    LATVIAN(null),
    NONE(null);

    private final Supplier<SnowballStemmer> snowball;

    Stemmer(Supplier<SnowballStemmer> snowball) {
        this.snowball = snowball;
    }

    /** A new stemming function (Lucene's stemmers are stateful: one per use, never shared between threads). */
    UnaryOperator<String> create() {
        if (this == NONE) {
            return UnaryOperator.identity();
        }
        if (this == LATVIAN) {
            LatvianStemmer stemmer = new LatvianStemmer();
            return word -> {
                char[] chars = word.toCharArray();
                return new String(chars, 0, stemmer.stem(chars, chars.length));
            };
        }
        SnowballStemmer stemmer = snowball.get();
        return word -> {
            // the English possessive is not a different word: "courier's" is the courier
            String w = word.endsWith("'s") && word.length() > 2 ? word.substring(0, word.length() - 2) : word;
            stemmer.setCurrent(w);
            stemmer.stem();
            return stemmer.getCurrent();
        };
    }
}
