package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.servicerecovery.apology.PhraseBook.Phrases;
import io.servicerecovery.apology.Tokenizer.Text;

/**
 * Whether an apology is a near-copy of one recently sent in another case: 3-word shingles compared with the
 * fingerprints of the recent ones, the customer's name replaced by a slot that matches any word, so that a copy
 * with only the name changed is still found.
 */
final class CannedCheck {

    /** Stands for the customer's name in shingles: matches any word, so a copy with the name changed is found. */
    private static final String NAME_SLOT = "\u0000";

    private CannedCheck() {
    }

    static Optional<Finding> check(Phrases book, Text message, List<String> name,
            List<ShingleFingerprint> recentApologies) {
        if (recentApologies == null || recentApologies.isEmpty()) {
            return Optional.empty();
        }
        long[] draft = draftShingles(book, message, name);
        if (draft.length == 0) {
            return Optional.empty();
        }
        double highest = 0;
        for (ShingleFingerprint other : recentApologies) {
            highest = Math.max(highest, other.similarity(draft, ApologyChecks.CANNED_SIMILARITY));
        }
        if (highest < ApologyChecks.CANNED_SIMILARITY) {
            return Optional.empty();
        }
        // rounded as the text always showed it (half up), not Math.round's way
        int percent = Integer.parseInt(String.format(Locale.ROOT, "%.0f", highest * 100));
        return Optional.of(Finding.blocking(new Finding.Canned(percent)));
    }

    static long[] draftShingles(Phrases book, Text message, List<String> name) {
        return ShingleFingerprint.draft(maskName(book, message, name), NAME_SLOT);
    }

    /** The words of the message with the customer's name replaced by a slot that matches any word. */
    private static List<String> maskName(Phrases book, Text message, List<String> name) {
        List<String> words = new ArrayList<>(message.words());
        if (name.isEmpty()) {
            return words;
        }
        if (!message.spaceless()) {
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (name.stream().anyMatch(part -> CustomerName.sameName(part, word, book.inflectsNames()))) {
                    words.set(i, NAME_SLOT);
                }
            }
            return words;
        }
        // Thai: the dictionary splits a name into pieces; replace each run of pieces spelling a name part.
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < words.size();) {
            int end = nameRunEnd(words, i, name);
            if (end > i) {
                masked.add(NAME_SLOT);
                i = end;
            } else {
                masked.add(words.get(i++));
            }
        }
        return masked;
    }

    private static int nameRunEnd(List<String> words, int start, List<String> name) {
        for (String part : name) {
            StringBuilder spelled = new StringBuilder();
            for (int j = start; j < words.size() && spelled.length() < part.length(); j++) {
                spelled.append(words.get(j));
                if (spelled.toString().equals(part)) {
                    return j + 1;
                }
            }
        }
        return start;
    }
}
