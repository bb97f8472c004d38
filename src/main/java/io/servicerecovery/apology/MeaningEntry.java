package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.List;

import io.servicerecovery.apology.Words.Word;

/**
 * One entry of a role's list in a profile's meaning lists, compiled: words matched on stems, or with '*' as a prefix, suffix or
 * infix; for Thai a character sequence.
 */
record MeaningEntry(Role role, List<WordPattern> words, String thai) {

    static MeaningEntry compile(Words words, Role role, String source, String where) {
        String text = words.lower(words.display(source).trim());
        if (text.isEmpty()) {
            throw new IllegalStateException(where + " " + role + ": empty entry");
        }
        if (words.spaceless()) {
            if (text.contains("*")) {
                throw new IllegalStateException(where + " " + role + ": no '*' in Thai entries: " + source);
            }
            return new MeaningEntry(role, List.of(), text.replaceAll("\\s+", ""));
        }
        List<WordPattern> patterns = new ArrayList<>();
        for (String piece : text.split("\\s+")) {
            boolean prefix = piece.endsWith("*");
            boolean suffix = piece.startsWith("*");
            String core = piece.replace("*", "");
            if (prefix || suffix) {
                if (core.codePointCount(0, core.length()) < PhraseBook.MIN_STEM) {
                    throw new IllegalStateException(where + " " + role + ": '*' on fewer than "
                            + PhraseBook.MIN_STEM + " letters: " + source);
                }
                patterns.add(new WordPattern(core, prefix, suffix, false));
                continue;
            }
            List<Word> parts = words.split(core);
            if (parts.isEmpty()) {
                throw new IllegalStateException(where + " " + role + ": no word in '" + piece + "' of " + source);
            }
            boolean exact = !role.byStem();
            parts.forEach(part -> patterns.add(new WordPattern(exact ? part.text() : part.stem(), false, false, exact)));
        }
        return new MeaningEntry(role, List.copyOf(patterns), "");
    }

    int size() {
        return thai.isEmpty() ? words.size() : thai.length();
    }

    boolean matchesAt(List<Word> text, int start) {
        if (start + words.size() > text.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!words.get(k).matches(text.get(start + k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One word of an entry: a stem, or with '*' a prefix, suffix or infix of the lower-case word; for the small
     * closed classes (pronouns, negations, conjunctions) the word itself, as stems of function words collide
     * ("yours" and "your" share the English stem "your").
     */
    record WordPattern(String text, boolean prefix, boolean suffix, boolean exact) {

        boolean matches(Word word) {
            if (prefix && suffix) {
                return word.text().contains(text);
            }
            if (prefix) {
                return word.text().startsWith(text);
            }
            if (suffix) {
                return word.text().endsWith(text);
            }
            return exact ? word.text().equals(text) : word.stem().equals(text);
        }
    }
}
