package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * The phrases the apology checks look for, per language: the {@code phrases} of the language's profile
 * ({@link LanguageProfile}, {@code src/main/resources/apology/languages/<language>.json}).
 * <p>
 * A locale maps to its language ({@code sv-SE} -> {@code sv}); a language without a profile gets English. Each
 * profile is compiled once, on first use, and kept; the compiled {@link Phrases} are immutable, so the book is
 * thread-safe.
 * <p>
 * Phrase syntax: words separated by spaces, matched case-insensitively on whole words, in order ("as stated in
 * our terms"). A word ending in {@code *} is a stem and matches every word that starts with it ("извин*" matches
 * "извините", "извиняемся", "извинения"); a stem needs at least {@value #MIN_STEM} letters so that it cannot match
 * half the dictionary. In a language without spaces (Thai) a phrase matches wherever it occurs in the text, and
 * {@code *} is not used.
 */
@ApplicationScoped
public class PhraseBook {

    public static final String FALLBACK = "en";
    /** Shortest stem allowed in the data: three letters still separate "извин*" from unrelated words. */
    static final int MIN_STEM = 3;

    private final Map<String, Phrases> loaded = new ConcurrentHashMap<>();

    /** The phrases for a customer's locale (BCP 47); unknown or missing locales get English. */
    public Phrases forLocale(String bcp47) {
        String language = language(bcp47);
        Phrases phrases = loaded.get(language);
        if (phrases != null) {
            return phrases;
        }
        if (!LanguageProfiles.exists(language)) {
            language = FALLBACK;
        }
        return loaded.computeIfAbsent(language, this::load);
    }

    /** The language subtag of a BCP 47 tag: {@code sv-SE} -> sv, {@code null} -> en. */
    public static String language(String bcp47) {
        if (bcp47 == null || bcp47.isBlank()) {
            return FALLBACK;
        }
        String language = Locale.forLanguageTag(bcp47.trim().replace('_', '-')).getLanguage();
        return language.isEmpty() ? FALLBACK : language;
    }

    private Phrases load(String language) {
        LanguageProfile profile = LanguageProfiles.forLanguage(language);
        PhraseLists file = profile.phrases();
        Tokenizer tokenizer = Tokenizer.of(profile);
        String where = LanguageProfiles.path(language) + " phrases.";
        Map<String, List<Phrase>> categories = new LinkedHashMap<>();
        if (file.categories() != null) {
            file.categories().forEach((code, words) -> categories.put(code.toUpperCase(Locale.ROOT),
                    compile(tokenizer, words, where + "categories." + code, false)));
        }
        Set<String> stopWords = new LinkedHashSet<>();
        if (file.stopWords() != null) {
            file.stopWords().forEach(w -> stopWords.add(tokenizer.normalize(w)));
        }
        return new Phrases(language, tokenizer, profile.inflectsNames(),
                compile(tokenizer, file.apology(), where + "apology", true),
                compile(tokenizer, file.ownership(), where + "ownership", true),
                compile(tokenizer, file.blame(), where + "blame", true),
                compile(tokenizer, file.blameExceptions(), where + "blameExceptions", false),
                Set.copyOf(stopWords), Map.copyOf(categories), MeaningFiles.compile(profile));
    }

    private static List<Phrase> compile(Tokenizer tokenizer, List<String> raw, String where, boolean required) {
        if (raw == null || raw.isEmpty()) {
            if (required) {
                throw new IllegalStateException(where + " must list at least one phrase");
            }
            return List.of();
        }
        List<Phrase> phrases = new ArrayList<>(raw.size());
        for (String text : raw) {
            phrases.add(Phrase.compile(tokenizer, text, where));
        }
        return List.copyOf(phrases);
    }

    /** The phrase lists of a language profile, as written. */
    record PhraseLists(List<String> apology, List<String> ownership,
            List<String> blame, List<String> blameExceptions, List<String> stopWords,
            Map<String, List<String>> categories) {
    }

    /**
     * The phrase book of one language.
     *
     * @param language        ISO 639 code of the profile ({@code sv})
     * @param tokenizer       the tokenizer of that language
     * @param inflectsNames   whether names take case endings (Latvian, Russian): "Anna" -> "Annai", "Анне"
     * @param apology         phrases that apologize
     * @param ownership       phrases that take ownership of the mistake: quoted to the agent as examples; whether a
     *                        text takes ownership is judged by {@link Responsibility}
     * @param blame           phrases that blame the customer
     * @param blameExceptions longer phrases that start like a blame phrase but are not one ("you should have
     *                        received"); a blame match inside one of them does not count
     * @param stopWords       normalized words that never count as content words of a failure description
     * @param categories      per failure category (upper case), words and phrases that refer to it
     * @param meaning         what words mean to the ownership and blame checks (the profile's {@code meaning})
     */
    public record Phrases(String language, Tokenizer tokenizer, boolean inflectsNames, List<Phrase> apology,
            List<Phrase> ownership, List<Phrase> blame, List<Phrase> blameExceptions, Set<String> stopWords,
            Map<String, List<Phrase>> categories, Lexicon meaning) {

        /** The phrases that refer to a failure category; empty for an unknown category. */
        public List<Phrase> category(String code) {
            if (code == null) {
                return List.of();
            }
            return categories.getOrDefault(code.trim().toUpperCase(Locale.ROOT), List.of());
        }

        /** Up to {@code max} phrases of a list fit to quote to an agent (no stems). */
        public static List<String> examples(List<Phrase> phrases, int max) {
            return phrases.stream().filter(p -> !p.stem()).map(Phrase::display).limit(max).toList();
        }
    }


}
