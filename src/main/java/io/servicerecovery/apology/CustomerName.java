package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.List;

import io.servicerecovery.apology.PhraseBook.Phrases;
import io.servicerecovery.apology.Tokenizer.Text;

/**
 * The customer's name in what an agent writes: its parts, whether the message names the
 * customer (with the endings names take in inflecting languages), and the message with the
 * name masked, so that a copy of another case's apology with only the name changed is found.
 */
final class CustomerName {

    /** Stands for the customer's name in shingles: matches any word, so a copy with the name changed is found. */
    static final String SLOT = "\u0000";

    private CustomerName() {
    }

    /** The parts of the name, normalized; in Thai split at spaces only (the dictionary would split names). */
    static List<String> words(Tokenizer tokenizer, String customerName) {
        if (customerName == null || customerName.isBlank()) {
            return List.of();
        }
        if (tokenizer.spaceless()) {
            return List.of(tokenizer.normalize(customerName).split(" "));
        }
        return tokenizer.words(customerName);
    }

    static String display(String customerName) {
        return customerName.trim().replaceAll("\\s+", " ");
    }

    /**
     * Whether the first name or the full name appears. The full name starts with the first name, so finding the
     * first name (with the tolerance of {@link #same}) is enough. In Thai the name is looked up as a
     * substring, since the dictionary splits names it does not know ("สมชาย" -> "สม", "ชาย").
     */
    static boolean isNamedIn(Phrases book, Text message, List<String> name) {
        if (message.spaceless()) {
            return message.compact().contains(name.get(0)) || message.compact().contains(String.join("", name));
        }
        String first = name.get(0);
        return message.words().stream().anyMatch(word -> same(first, word, book.inflectsNames()));
    }

    /**
     * Whether a word of the message is the name {@code name}, allowing:
     * a possessive ("Ana's", "Anas");
     * for names longer than {@value ApologyChecks#NAME_STEM_FROM} letters, any ending on the first {@code max(4, length - 2)}
     * letters, at most 3 letters longer than the name ("Jānis" -> "Jāni", "Ozola" -> "Ozolai");
     * in languages that inflect names, for shorter names, an ending of up to 3 letters (2 for three-letter names)
     * on all but the last letter ("Anna" -> "Annai", "Анна" -> "Анне", "Иван" -> "Ивану").
     */
    static boolean same(String name, String word, boolean inflects) {
        if (word.equals(name) || word.equals(name + "'s") || word.equals(name + "s")) {
            return true;
        }
        int length = Tokenizer.length(name);
        int wordLength = Tokenizer.length(word);
        if (length > ApologyChecks.NAME_STEM_FROM) {
            String stem = Tokenizer.prefix(name, Math.max(ApologyChecks.NAME_STEM_FROM, length - 2));
            return word.startsWith(stem) && wordLength <= length + 3;
        }
        if (inflects && length >= 3) {
            // "Анна" -> "Анне", "Анной"; a three-letter name takes one letter only ("Яна" -> "Яне"), as a
            // two-letter stem plus a longer ending would match ordinary words
            String stem = Tokenizer.prefix(name, length - 1);
            return word.startsWith(stem) && wordLength <= length + (length > 3 ? 2 : 1);
        }
        return false;
    }

    /** The words of the message with the customer's name replaced by a slot that matches any word. */
    static List<String> masked(Phrases book, Text message, List<String> name) {
        List<String> words = new ArrayList<>(message.words());
        if (name.isEmpty()) {
            return words;
        }
        if (!message.spaceless()) {
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (name.stream().anyMatch(part -> same(part, word, book.inflectsNames()))) {
                    words.set(i, SLOT);
                }
            }
            return words;
        }
        // Thai: the dictionary splits a name into pieces; replace each run of pieces spelling a name part.
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < words.size();) {
            int end = nameRunEnd(words, i, name);
            if (end > i) {
                masked.add(SLOT);
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
