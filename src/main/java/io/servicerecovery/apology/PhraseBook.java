package io.servicerecovery.apology;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The phrases the apology checks look for, per language, read from
 * {@code src/main/resources/apology/phrases/<language>.json} (UTF-8).
 * <p>
 * A locale maps to its language ({@code sv-SE} -> {@code sv}); a language without a file gets English. Each file
 * is read once, on first use, and kept; the loaded {@link Phrases} are immutable, so the book is thread-safe.
 * <p>
 * Phrase syntax in the files: words separated by spaces, matched case-insensitively on whole words, in order
 * ("as stated in our terms"). A word ending in {@code *} is a stem and matches every word that starts with it
 * ("извин*" matches "извините", "извиняемся", "извинения"); a stem needs at least {@value #MIN_STEM} letters
 * so that it cannot match half the dictionary. In Thai (no spaces between words) a phrase matches wherever it
 * occurs in the text, and {@code *} is not used.
 */
@ApplicationScoped
public class PhraseBook {

    public static final String FALLBACK = "en";
    static final String RESOURCE_DIR = "apology/phrases/";
    /** Shortest stem allowed in the data: three letters still separate "извин*" from unrelated words. */
    static final int MIN_STEM = 3;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Phrases> loaded = new ConcurrentHashMap<>();

    /** The phrases for a customer's locale (BCP 47); unknown or missing locales get English. */
    public Phrases forLocale(String bcp47) {
        String language = language(bcp47);
        Phrases phrases = loaded.get(language);
        if (phrases != null) {
            return phrases;
        }
        if (resource(language) == null) {
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

    private static URL resource(String language) {
        if (!language.matches("[a-z]{2,8}")) {
            return null;
        }
        String path = RESOURCE_DIR + language + ".json";
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(path);
        return url != null ? url : PhraseBook.class.getClassLoader().getResource(path);
    }

    private Phrases load(String language) {
        URL url = resource(language);
        if (url == null) {
            throw new IllegalStateException("No phrase book " + RESOURCE_DIR + language + ".json on the classpath");
        }
        PhraseFile file;
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            file = mapper.readValue(reader, PhraseFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read phrase book " + url, e);
        }
        if (file.language() != null && !file.language().equals(language)) {
            throw new IllegalStateException(url + " declares language " + file.language() + ", expected " + language);
        }
        Tokenizer tokenizer = Tokenizer.forLanguage(language);
        String where = RESOURCE_DIR + language + ".json";
        Map<String, List<Phrase>> categories = new LinkedHashMap<>();
        if (file.categories() != null) {
            file.categories().forEach((code, words) -> categories.put(code.toUpperCase(Locale.ROOT),
                    compile(tokenizer, words, where + " categories." + code, false)));
        }
        Set<String> stopWords = new LinkedHashSet<>();
        if (file.stopWords() != null) {
            file.stopWords().forEach(w -> stopWords.add(tokenizer.normalize(w)));
        }
        return new Phrases(language, tokenizer, Boolean.TRUE.equals(file.inflectsNames()),
                compile(tokenizer, file.apology(), where + " apology", true),
                compile(tokenizer, file.ownership(), where + " ownership", true),
                compile(tokenizer, file.blame(), where + " blame", true),
                compile(tokenizer, file.blameExceptions(), where + " blameExceptions", false),
                Set.copyOf(stopWords), Map.copyOf(categories), MeaningFiles.load(mapper, language));
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

    /** The content of one phrase file, as written. */
    record PhraseFile(String language, Boolean inflectsNames, List<String> apology, List<String> ownership,
            List<String> blame, List<String> blameExceptions, List<String> stopWords,
            Map<String, List<String>> categories) {
    }

    /**
     * The phrase book of one language.
     *
     * @param language        ISO 639 code of the file ({@code sv})
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
     * @param meaning         what words mean to the ownership and blame checks ({@code apology/meaning/})
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
