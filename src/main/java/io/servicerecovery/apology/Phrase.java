package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.List;

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
                    if (Tokenizer.letters(parts.get(i)) < PhraseBook.MIN_STEM) {
                        throw new IllegalStateException(where + ": stem shorter than " + PhraseBook.MIN_STEM
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
