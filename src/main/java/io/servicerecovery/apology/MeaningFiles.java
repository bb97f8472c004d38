package io.servicerecovery.apology;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the meaning file of a language ({@code src/main/resources/apology/meaning/<language>.json}): which words
 * play which {@link Role} for the ownership and blame checks, how far a negation reaches, and the suggested
 * sentences. Every phrase book needs one; unknown fields fail loading, which catches typos.
 */
final class MeaningFiles {

    /** What words mean to the ownership and blame checks, per language (see {@link Lexicon}). */
    static final String MEANING_DIR = "apology/meaning/";
    /** Words after a negation that it covers: "not (1) a (2) mistake (3) on (4) our part (5)". */
    static final int DEFAULT_NEGATION_SCOPE = 5;

    private MeaningFiles() {
    }

    static Lexicon load(ObjectMapper mapper, String language) {
        String path = MEANING_DIR + language + ".json";
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(path);
        if (url == null) {
            url = MeaningFiles.class.getClassLoader().getResource(path);
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
}
