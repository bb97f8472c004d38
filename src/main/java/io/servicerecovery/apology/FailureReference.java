package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.servicerecovery.apology.PhraseBook.Phrases;
import io.servicerecovery.apology.Responsibility.Reading;
import io.servicerecovery.apology.Tokenizer.Text;

/**
 * Whether an apology refers to what actually went wrong: a word or phrase of the failure category, or a content
 * word of the case's failure description (on a crude stem: "paketet" matches "paket", "посылка" "посылку").
 */
final class FailureReference {

    private FailureReference() {
    }

    static Optional<Finding> check(Phrases book, Text message, ApologyDraft draft,
            Reading reading) {
        List<Phrase> categoryWords = book.category(draft.failureCategory());
        List<String> contentWords = contentWords(book, draft.failureDescription());
        if (categoryWords.isEmpty() && contentWords.isEmpty()) {
            return Optional.empty(); // nothing known to refer to
        }
        if (!ApologyChecks.none(categoryWords, message) || refersTo(message, contentWords)) {
            return Optional.empty();
        }
        // the case's own words first: they are what the customer told us
        List<String> hints = new ArrayList<>(contentWords.subList(0, Math.min(3, contentWords.size())));
        Phrases.examples(categoryWords, 2).stream().filter(w -> !hints.contains(w)).forEach(hints::add);
        // the sentence that apologizes is where the customer expects to read what it is for
        Optional<String> sentence = reading.apologySentence().map(reading::text);
        return Optional.of(Finding.blocking(new Finding.FailureNotReferenced(List.copyOf(hints)), sentence.orElse(null),
                null));
    }

    /** Words of the failure description that say something: not stop words, 4+ letters (Thai: 3+ characters). */
    static List<String> contentWords(Phrases book, String description) {
        Tokenizer tokenizer = book.tokenizer();
        Set<String> words = new LinkedHashSet<>();
        for (String word : tokenizer.words(description)) {
            if (book.stopWords().contains(word)) {
                continue;
            }
            boolean content = tokenizer.spaceless()
                    ? Tokenizer.length(word) >= ApologyChecks.MIN_THAI_SEGMENT && Tokenizer.letters(word) > 0
                    : Tokenizer.letters(word) >= ApologyChecks.MIN_CONTENT_LETTERS;
            if (content) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    private static boolean refersTo(Text message, List<String> contentWords) {
        if (message.spaceless()) {
            return contentWords.stream().anyMatch(message.compact()::contains);
        }
        return contentWords.stream().anyMatch(c -> message.words().stream().anyMatch(w -> sameStem(c, w)));
    }

    /**
     * Crude stemming for content words: equal, or the same first {@code max(4, shorter length - 2)} letters.
     * "delivery"/"delivered", "paketet"/"paket", "посылка"/"посылку", "sūtījums"/"sūtījumu" agree; "delivery"
     * and "deliberately" do not.
     */
    static boolean sameStem(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(Tokenizer.length(a), Tokenizer.length(b));
        if (shorter < ApologyChecks.MIN_CONTENT_LETTERS) {
            return false;
        }
        int k = Math.max(ApologyChecks.MIN_CONTENT_LETTERS, shorter - 2);
        return Tokenizer.prefix(a, k).equals(Tokenizer.prefix(b, k));
    }
}
