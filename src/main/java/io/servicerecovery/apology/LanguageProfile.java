package io.servicerecovery.apology;

import java.util.List;
import java.util.Map;

/**
 * Everything the apology checks know about one language, as its profile file says
 * ({@code apology/languages/<language>.json}, read by {@link LanguageProfiles}): how to analyze it (whether it
 * writes spaces between words, which stemmer, which letters it folds), whether names take case endings, how a
 * suggestion addresses the customer and ends a sentence, the phrase lists ({@link PhraseBook}) and what words mean
 * to the ownership and blame checks ({@link MeaningFiles}). A new language is one such file (and, for the console,
 * one finding bundle: {@link FindingTexts}).
 *
 * @param language      ISO 639 code, the file's name
 * @param writesSpaces  false for a script without spaces between words (Thai): words are dictionary segments and
 *                      phrases match as characters
 * @param stemmer       the stemmer of the meaning lists' words
 * @param folds         letters the language's writers use for one another, folded to one after lower-casing
 *                      (Russian "ё" -> "е"); empty for most
 * @param inflectsNames whether names take case endings (Latvian, Russian): "Anna" -> "Annai", "Анне"
 * @param suggestions   how a suggested wording is put together in the language
 * @param greetings     how a message to a customer may open ("Dear", "Hej", "Здравствуйте"), so that the follow-up
 *                      email does not greet a second time when the agent's apology already does ({@link Greetings});
 *                      empty when the file lists none
 * @param phrases       the phrase lists
 * @param meaning       the meaning lists
 */
record LanguageProfile(String language, boolean writesSpaces, Stemmer stemmer, Map<String, String> folds,
        boolean inflectsNames, SuggestionRules suggestions, List<String> greetings, PhraseBook.PhraseLists phrases,
        MeaningFiles.MeaningLists meaning) {

    LanguageProfile {
        folds = folds == null ? Map.of() : Map.copyOf(folds);
        greetings = greetings == null ? List.of() : List.copyOf(greetings);
    }

    /**
     * The language's ways of a suggested wording ({@link Suggestions}).
     *
     * @param address           the first sentence addressed to the customer: {@code {name}, {sentence}}; Thai
     *                          {@code คุณ{name} {sentence}}
     * @param fullStop          what ends a sentence that ends without punctuation ("." ; Thai none)
     * @param keepsCapital      first words that keep their capital after the name ("I": "Ana, I am sorry")
     * @param ownershipSentence a sentence that takes ownership, to add
     * @param apologySentence   a sentence that apologizes, to add
     */
    record SuggestionRules(String address, String fullStop, List<String> keepsCapital, String ownershipSentence,
            String apologySentence) {

        SuggestionRules {
            keepsCapital = keepsCapital == null ? List.of() : List.copyOf(keepsCapital);
            fullStop = fullStop == null ? "" : fullStop;
        }
    }
}
