package io.servicerecovery.apology;

import java.util.List;

import io.servicerecovery.apology.PhraseBook.Phrases;
import io.servicerecovery.apology.Tokenizer.Text;

/**
 * Whether an apology names the customer: the first name or the full name, with the tolerance that possessives and
 * case endings need ("Ana's", "Jāni", "Анне"); in Thai as a substring, since the dictionary splits names.
 */
final class CustomerName {

    private CustomerName() {
    }

    /** The parts of the name, normalized; in Thai split at spaces only (the dictionary would split names). */
    static List<String> nameWords(Tokenizer tokenizer, String customerName) {
        if (customerName == null || customerName.isBlank()) {
            return List.of();
        }
        if (tokenizer.spaceless()) {
            return List.of(tokenizer.normalize(customerName).split(" "));
        }
        return tokenizer.words(customerName);
    }

    static String displayName(String customerName) {
        return customerName.trim().replaceAll("\\s+", " ");
    }

    /**
     * Whether the first name or the full name appears. The full name starts with the first name, so finding the
     * first name (with the tolerance of {@link #sameName}) is enough. In Thai the name is looked up as a
     * substring, since the dictionary splits names it does not know ("สมชาย" -> "สม", "ชาย").
     */
    static boolean namesCustomer(Phrases book, Text message, List<String> name) {
        if (message.spaceless()) {
            return message.compact().contains(name.get(0)) || message.compact().contains(String.join("", name));
        }
        String first = name.get(0);
        return message.words().stream().anyMatch(word -> sameName(first, word, book.inflectsNames()));
    }

    /**
     * Whether a word of the message is the name {@code name}, allowing:
     * a possessive ("Ana's", "Anas");
     * for names longer than {@value ApologyChecks#NAME_STEM_FROM} letters, any ending on the first
     * {@code max(4, length - 2)}
     * letters, at most 3 letters longer than the name ("Jānis" -> "Jāni", "Ozola" -> "Ozolai");
     * in languages that inflect names, for shorter names, an ending of up to 3 letters (2 for three-letter names)
     * on all but the last letter ("Anna" -> "Annai", "Анна" -> "Анне", "Иван" -> "Ивану").
     */
    static boolean sameName(String name, String word, boolean inflects) {
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
}
