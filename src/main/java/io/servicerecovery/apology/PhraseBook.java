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
    /** What words mean to the ownership and blame checks, per language (see {@link Lexicon}). */
    static final String MEANING_DIR = "apology/meaning/";
    /** Words after a negation that it covers: "not (1) a (2) mistake (3) on (4) our part (5)". */
    static final int DEFAULT_NEGATION_SCOPE = 5;
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
                Set.copyOf(stopWords), Map.copyOf(categories), loadMeaning(language));
    }

    private Lexicon loadMeaning(String language) {
        String path = MEANING_DIR + language + ".json";
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(path);
        if (url == null) {
            url = PhraseBook.class.getClassLoader().getResource(path);
        }
        if (url == null) {
            throw new IllegalStateException("No " + path + " on the classpath: every phrase book needs its meaning file");
        }
        MeaningFile file;
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            file = mapper.readValue(reader, MeaningFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
        if (file.language() != null && !file.language().equals(language)) {
            throw new IllegalStateException(url + " declares language " + file.language() + ", expected " + language);
        }
        Map<Role, List<String>> lists = Lexicon.lists();
        put(lists, Role.FIRST_PERSON, file.firstPerson(), path, true);
        put(lists, Role.FIRST_PERSON_ALONE, file.firstPersonAlone(), path, true);
        put(lists, Role.FIRST_PERSON_BEFORE, file.firstPersonBefore(), path, false);
        put(lists, Role.REFLEXIVE, file.reflexive(), path, false);
        put(lists, Role.CUSTOMER, file.customer(), path, true);
        put(lists, Role.CUSTOMER_BEFORE, file.customerBefore(), path, false);
        put(lists, Role.CUSTOMER_AFTER, file.customerAfter(), path, false);
        put(lists, Role.THIRD_PARTY, file.thirdParty(), path, true);
        put(lists, Role.FAULT, file.fault(), path, true);
        put(lists, Role.FAULT_WEAK, file.faultWeak(), path, false);
        put(lists, Role.FAULT_OBJECT, file.faultObject(), path, false);
        put(lists, Role.IDIOM, file.ownershipIdioms(), path, false);
        put(lists, Role.NEGATION, file.negation(), path, true);
        put(lists, Role.NEGATION_WORD, file.negationWord(), path, false);
        put(lists, Role.NOT_NEGATION, file.notNegation(), path, false);
        put(lists, Role.CONDITIONAL, file.conditional(), path, true);
        put(lists, Role.CONDITIONAL_FIRST, file.conditionalFirst(), path, false);
        put(lists, Role.QUESTION, file.question(), path, false);
        put(lists, Role.FEELING, file.feeling(), path, true);
        put(lists, Role.SUBJECT, file.subjects(), path, false);
        put(lists, Role.CONJUNCTION, file.conjunctions(), path, false);
        put(lists, Role.RELATIVE, file.relatives(), path, false);
        put(lists, Role.APOLOGY, file.apology(), path, true);
        put(lists, Role.NEUTRAL, file.neutral(), path, false);
        if (file.ownershipSuggestion() == null || file.apologySuggestion() == null) {
            throw new IllegalStateException(path + ": ownershipSuggestion and apologySuggestion are required");
        }
        return new Lexicon(Words.forLanguage(language), lists,
                file.negationScope() == null ? DEFAULT_NEGATION_SCOPE : file.negationScope(),
                Boolean.TRUE.equals(file.negationLooksBack()), file.ownershipSuggestion(), file.apologySuggestion(),
                path);
    }

    private static void put(Map<Role, List<String>> lists, Role role, List<String> list, String where,
            boolean required) {
        if (list == null || list.isEmpty()) {
            if (required) {
                throw new IllegalStateException(where + ": " + role + " must list at least one entry");
            }
            return;
        }
        lists.put(role, List.copyOf(list));
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

    /** The content of one meaning file, as written (see {@link Role} for each list). */
    record MeaningFile(String language, List<String> firstPerson, List<String> firstPersonAlone,
            List<String> firstPersonBefore, List<String> reflexive, List<String> customer, List<String> customerBefore,
            List<String> customerAfter,
            List<String> thirdParty, List<String> fault, List<String> faultWeak, List<String> faultObject,
            List<String> ownershipIdioms, List<String> negation, List<String> negationWord, List<String> notNegation,
            Integer negationScope, Boolean negationLooksBack, List<String> conditional,
            List<String> conditionalFirst, List<String> question,
            List<String> feeling, List<String> subjects, List<String> conjunctions, List<String> relatives,
            List<String> apology, List<String> neutral, String ownershipSuggestion, String apologySuggestion) {
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

    /**
     * One phrase, ready to match.
     *
     * @param source  the phrase as written in the file
     * @param words   normalized words; a word ending in {@code *} matches by prefix
     * @param compact for spaceless scripts: the normalized phrase without spaces, matched as a substring
     */
    public record Phrase(String source, List<String> words, String compact) {

        static Phrase compile(Tokenizer tokenizer, String source, String where) {
            if (source == null || source.isBlank()) {
                throw new IllegalStateException(where + ": empty phrase");
            }
            String normalized = tokenizer.normalize(source);
            if (tokenizer.spaceless()) {
                if (normalized.contains("*")) {
                    throw new IllegalStateException(where + ": no stems ('*') in " + tokenizer.language()
                            + ", phrases match as substrings: " + source);
                }
                return new Phrase(source, tokenizer.words(normalized), normalized.replace(" ", ""));
            }
            List<String> words = new ArrayList<>();
            for (String piece : normalized.split(" ")) {
                boolean stem = piece.endsWith("*");
                List<String> parts = tokenizer.words(stem ? piece.substring(0, piece.length() - 1) : piece);
                if (parts.isEmpty()) {
                    throw new IllegalStateException(where + ": no word in '" + piece + "' of " + source);
                }
                for (int i = 0; i < parts.size(); i++) {
                    boolean last = i == parts.size() - 1;
                    if (stem && last) {
                        if (Tokenizer.letters(parts.get(i)) < MIN_STEM) {
                            throw new IllegalStateException(where + ": stem shorter than " + MIN_STEM
                                    + " letters: " + source);
                        }
                        words.add(parts.get(i) + "*");
                    } else {
                        words.add(parts.get(i));
                    }
                }
            }
            return new Phrase(source, List.copyOf(words), String.join("", words));
        }

        /** Whether any word of the phrase is a stem. */
        public boolean stem() {
            return words.stream().anyMatch(w -> w.endsWith("*"));
        }

        /** The phrase as an agent should read it. */
        public String display() {
            return source.trim();
        }

        /** Every place this phrase occurs in a text: word indexes, or character indexes for spaceless scripts. */
        public List<Match> findIn(Tokenizer.Text text) {
            List<Match> matches = new ArrayList<>();
            if (text.spaceless()) {
                if (compact.isEmpty()) {
                    return matches;
                }
                for (int at = text.compact().indexOf(compact); at >= 0; at = text.compact().indexOf(compact, at + 1)) {
                    matches.add(new Match(at, at + compact.length(), compact));
                }
                return matches;
            }
            List<String> target = text.words();
            int n = words.size();
            for (int start = 0; start + n <= target.size(); start++) {
                if (matchesAt(target, start)) {
                    matches.add(new Match(start, start + n, String.join(" ", target.subList(start, start + n))));
                }
            }
            return matches;
        }

        private boolean matchesAt(List<String> target, int start) {
            for (int i = 0; i < words.size(); i++) {
                String pattern = words.get(i);
                String word = target.get(start + i);
                boolean ok = pattern.endsWith("*")
                        ? word.startsWith(pattern.substring(0, pattern.length() - 1))
                        : word.equals(pattern);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Where a phrase occurs.
     *
     * @param start first word (character, for spaceless scripts) of the occurrence
     * @param end   one past the last
     * @param text  the matched text as normalized
     */
    public record Match(int start, int end, String text) {

        /** Whether this occurrence lies within {@code other}. */
        public boolean within(Match other) {
            return other.start <= start && end <= other.end;
        }
    }
}
