package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.servicerecovery.apology.Words.Word;

/**
 * What the words of one language mean to the ownership and blame checks: which words are the first person, the
 * customer, a third party, a fault, a negation, a condition, and so on ({@link Role}), read from
 * the {@code meaning} of the language's profile ({@code src/main/resources/apology/languages/<language>.json}). It turns a text into {@link Sentence}s of
 * {@link Clause}s of tagged {@link Unit}s; {@link Responsibility} then judges who the text says is at fault.
 * <p>
 * Entries are words separated by spaces and match on stems ({@link Words}), so "mistake" also matches
 * "mistakes", "ошибка" also "ошибку". A word written {@code x*} matches every word starting with x, {@code *x}
 * every word ending with x (compounds: Swedish "*fel" matches "konfigurationsfel"), {@code *x*} every word
 * containing x. In Thai, entries match as character sequences wherever they occur (Thai has no spaces between
 * words); between matches, Lucene's Thai segmentation gives the units. At each place the longest entry wins, so
 * "no excuse" (not a negation) wins over "no", and "ทำให้คุณผิดหวัง" (we let you down) over "ผิดหวัง".
 * <p>
 * Immutable and thread-safe.
 */
final class Lexicon {

    private final Words words;
    private final List<MeaningEntry> entries;
    private final int negationScope;
    private final boolean negationLooksBack;
    private final LanguageProfile.SuggestionRules suggestions;

    Lexicon(Words words, Map<Role, List<String>> lists, int negationScope, boolean negationLooksBack,
            LanguageProfile.SuggestionRules suggestions, String where) {
        this.words = words;
        this.negationScope = negationScope;
        this.negationLooksBack = negationLooksBack;
        this.suggestions = suggestions;
        List<MeaningEntry> compiled = new ArrayList<>();
        lists.forEach((role, list) -> list.forEach(
                text -> compiled.add(MeaningEntry.compile(words, role, text, where))));
        // longest first: at one place, "no excuse" before "no", "ความผิดพลาด" before "ความผิด"
        compiled.sort(Comparator.comparingInt(MeaningEntry::size).reversed());
        this.entries = List.copyOf(compiled);
    }

    Words words() {
        return words;
    }

    int negationScope() {
        return negationScope;
    }

    boolean negationLooksBack() {
        return negationLooksBack;
    }

    /** A sentence in the customer's language that takes ownership, to suggest. */
    String ownershipSuggestion() {
        return suggestions.ownershipSentence();
    }

    /** A sentence in the customer's language that apologizes, to suggest. */
    String apologySuggestion() {
        return suggestions.apologySentence();
    }

    /** How the language puts a suggested wording together. */
    LanguageProfile.SuggestionRules suggestions() {
        return suggestions;
    }

    /** The display text (see {@link Words#display}) split into sentences, clauses and tagged units. */
    List<Sentence> read(String display) {
        List<Unit> units = words.spaceless() ? thaiUnits(display) : units(words.split(display));
        return ClauseSplitter.split(display, units, words.spaceless());
    }

    /** Tags words with the longest entry that matches at each word. */
    private List<Unit> units(List<Word> text) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < text.size();) {
            MeaningEntry match = null;
            for (MeaningEntry entry : entries) {
                if (entry.matchesAt(text, i)) {
                    match = entry; // entries are sorted longest first
                    break;
                }
            }
            int n = match == null ? 1 : match.size();
            Word first = text.get(i);
            Word last = text.get(i + n - 1);
            StringBuilder joined = new StringBuilder();
            for (int k = i; k < i + n; k++) {
                joined.append(k > i ? " " : "").append(text.get(k).text());
            }
            units.add(new Unit(joined.toString(), match == null ? null : match.role(), first.start(), last.end()));
            i += n;
        }
        return units;
    }

    /**
     * Thai: entries match as character sequences anywhere; the rest is cut at Lucene's segment boundaries and
     * where the next entry starts.
     */
    private List<Unit> thaiUnits(String display) {
        String lower = words.lower(display);
        List<Word> segments = words.split(display);
        boolean[] boundary = new boolean[lower.length() + 1];
        for (Word segment : segments) {
            boundary[segment.start()] = true;
            boundary[segment.end()] = true;
        }
        MeaningEntry[] longest = new MeaningEntry[lower.length()];
        for (int p = 0; p < lower.length(); p++) {
            for (MeaningEntry entry : entries) {
                if (lower.startsWith(entry.thai(), p)) {
                    longest[p] = entry;
                    break;
                }
            }
        }
        List<Unit> units = new ArrayList<>();
        int p = 0;
        while (p < lower.length()) {
            if (Character.isWhitespace(lower.charAt(p)) || !Tokenizer.hasLetterOrDigit(lower.substring(p, p + 1))
                    && longest[p] == null) {
                p++;
                continue;
            }
            if (longest[p] != null) {
                int end = p + longest[p].thai().length();
                units.add(new Unit(lower.substring(p, end), longest[p].role(), p, end));
                p = end;
                continue;
            }
            int end = p + 1;
            while (end < lower.length() && !boundary[end] && longest[end] == null
                    && !Character.isWhitespace(lower.charAt(end))) {
                end++;
            }
            units.add(new Unit(lower.substring(p, end), null, p, end));
            p = end;
        }
        return units;
    }

    /**
     * A word (or several, when an entry spans them) with what it does.
     *
     * @param text  lower case
     * @param role  what it does, {@code null} for an ordinary word
     * @param start offset in the display text
     * @param end   offset after it
     */
    record Unit(String text, Role role, int start, int end) {

        boolean is(Role... roles) {
            for (Role r : roles) {
                if (role == r) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A clause: the words between two commas, semicolons, colons, dashes, sentence ends or conjunctions.
     *
     * @param units    its units
     * @param barriers unit indexes where a relative clause was joined to it: negation and condition stop there
     */
    record Clause(List<Unit> units, List<Integer> barriers) {

        int start() {
            return units.get(0).start();
        }

        int end() {
            return units.get(units.size() - 1).end();
        }

        /** The first barrier after unit {@code i}, or the clause's end. */
        int limit(int i) {
            return barriers.stream().filter(b -> b > i).findFirst().orElse(units.size());
        }
    }

    /** @param question whether it ends with a question mark */
    record Sentence(List<Clause> clauses, boolean question) {

        int start() {
            return clauses.get(0).start();
        }

        int end() {
            return clauses.get(clauses.size() - 1).end();
        }
    }

    /** The meaning lists of a language profile, by role. */
    static Map<Role, List<String>> lists() {
        return new EnumMap<>(Role.class);
    }
}
