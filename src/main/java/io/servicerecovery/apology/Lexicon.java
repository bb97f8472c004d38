package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.servicerecovery.apology.Words.Word;

/**
 * What the words of one language mean to the ownership and blame checks: which words are the first person, the
 * customer, a third party, a fault, a negation, a condition, and so on ({@link Role}), read from
 * {@code src/main/resources/apology/meaning/<language>.json}. It turns a text into {@link Sentence}s of
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

    /** What a unit of text does for the ownership and blame checks. */
    enum Role {
        /** we, I; binds a fault before or after it. */
        FIRST_PERSON,
        /** ours, us, vårt, нас: also stands for "our fault" in a short clause ("..., not ours"). */
        FIRST_PERSON_ALONE,
        /** our, my: binds only a fault after it ("our mistake"). */
        FIRST_PERSON_BEFORE,
        CUSTOMER,
        /**
         * свой, savs: the possessive of the clause's own subject, whoever that is ("я считаю это своим промахом");
         * it binds a fault after it to the subject before it.
         */
        REFLEXIVE,
        /** your: binds only the fault right after it ("your fault"). */
        CUSTOMER_BEFORE,
        /**
         * Thai ของคุณ (of you) after its noun: binds a fault before it ("ความผิดของคุณ", your fault), but is never
         * the subject of one after it ("ทางเราทำคำสั่งซื้อของคุณพัง": we broke your order).
         */
        CUSTOMER_AFTER,
        /** courier, bank, supplier: someone else to be at fault. */
        THIRD_PARTY,
        /** mistake, fault, blame, responsible, failed: owned by us it is ownership, by the customer blame. */
        FAULT,
        /** wrong, careless: ownership when ours, never blame on its own ("you got the wrong size"). */
        FAULT_WEAK,
        /** blame (the verb): who follows is at fault ("we blame the courier"). */
        FAULT_OBJECT,
        /** "on us", "my bad": ownership on their own. */
        IDIOM,
        /** not, never, no: negates what follows in the clause. */
        NEGATION,
        /** Thai ไม่: negates the next unit only. */
        NEGATION_WORD,
        /** "no excuse", "not only": look like a negation but negate nothing. */
        NOT_NEGATION,
        /** if, maybe, any, may have: what follows in the clause is not stated as fact. */
        CONDITIONAL,
        /**
         * should, skulle: a condition only as the first word of its clause, where the verb before the subject
         * makes the clause conditional ("Should it turn out that we erred", "Skulle det visa sig att ..."); elsewhere
         * an ordinary word ("we should have tested it").
         */
        CONDITIONAL_FIRST,
        /** Thai question particles: the clause asks. */
        QUESTION,
        /** feel, think, upset: after the customer, a feeling, not a fact ("sorry you feel"). */
        FEELING,
        /** it, something, what: a subject that is not a person; ends the search for who is at fault. */
        SUBJECT,
        CONJUNCTION,
        /** which, som, который: a clause that starts with one belongs to the clause before. */
        RELATIVE,
        APOLOGY,
        /** words that contain an entry but mean something else (Thai ขอบคุณ, "thank you", contains คุณ). */
        NEUTRAL;

        /** Content words match on their stem ("mistakes", "ошибку"); closed classes on the word itself. */
        boolean byStem() {
            return this == FAULT || this == FAULT_WEAK || this == FAULT_OBJECT || this == IDIOM
                    || this == THIRD_PARTY || this == FEELING || this == APOLOGY || this == NOT_NEGATION;
        }
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]");
    private static final Pattern CLAUSE_MARK = Pattern.compile("[,;:—–()\"“”«»„]|\\s-\\s");

    private final Words words;
    private final List<Entry> entries;
    private final int negationScope;
    private final boolean negationLooksBack;
    private final String ownershipSuggestion;
    private final String apologySuggestion;

    Lexicon(Words words, Map<Role, List<String>> lists, int negationScope, boolean negationLooksBack,
            String ownershipSuggestion, String apologySuggestion, String where) {
        this.words = words;
        this.negationScope = negationScope;
        this.negationLooksBack = negationLooksBack;
        this.ownershipSuggestion = ownershipSuggestion;
        this.apologySuggestion = apologySuggestion;
        List<Entry> compiled = new ArrayList<>();
        lists.forEach((role, list) -> list.forEach(text -> compiled.add(Entry.compile(words, role, text, where))));
        // longest first: at one place, "no excuse" before "no", "ความผิดพลาด" before "ความผิด"
        compiled.sort(Comparator.comparingInt(Entry::size).reversed());
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
        return ownershipSuggestion;
    }

    /** A sentence in the customer's language that apologizes, to suggest. */
    String apologySuggestion() {
        return apologySuggestion;
    }

    /** The display text (see {@link Words#display}) split into sentences, clauses and tagged units. */
    List<Sentence> read(String display) {
        List<Unit> units = words.thai() ? thaiUnits(display) : units(words.split(display));
        List<Sentence> sentences = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        List<Unit> clause = new ArrayList<>();
        List<Integer> barriers = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (!clause.isEmpty()) {
                String gap = display.substring(units.get(i - 1).end(), unit.start());
                boolean sentenceEnds = SENTENCE_END.matcher(gap).find() || (words.thai() && gap.isBlank()
                        && !gap.isEmpty());
                boolean clauseEnds = sentenceEnds || CLAUSE_MARK.matcher(gap).find()
                        || unit.role() == Role.CONJUNCTION;
                boolean contactRelative = clauseEnds && !sentenceEnds && unit.role() != Role.CONJUNCTION
                        && contactRelative(clause, unit);
                if (clauseEnds && !sentenceEnds && (unit.role() == Role.RELATIVE || contactRelative)) {
                    // "..., which was our mistake": the relative clause belongs to the one before; scopes stop here.
                    // Never across a sentence end: Danish "Der kan være sket en fejl" starts a sentence with "der"
                    barriers.add(clause.size());
                } else if (clauseEnds) {
                    clauses.add(new Clause(List.copyOf(clause), List.copyOf(barriers)));
                    clause.clear();
                    barriers.clear();
                    if (sentenceEnds) {
                        sentences.add(new Sentence(List.copyOf(clauses), gap.contains("?")));
                        clauses.clear();
                    }
                }
            }
            clause.add(clauseInitial(clause, unit));
        }
        if (!clause.isEmpty()) {
            clauses.add(new Clause(List.copyOf(clause), List.copyOf(barriers)));
        }
        if (!clauses.isEmpty()) {
            sentences.add(new Sentence(List.copyOf(clauses), display.stripTrailing().endsWith("?")));
        }
        return sentences;
    }

    /**
     * A relative clause without a relative pronoun, set off by a comma as Danish and Swedish write it: a fault
     * noun, then a subject pronoun ("en fejl, vi begik under en opdatering"; "a mistake, we made"). Not after an
     * apology, which says nothing about whose the fault was ("sorry for the error, we will fix it").
     */
    private static boolean contactRelative(List<Unit> clause, Unit unit) {
        return unit.is(Role.FIRST_PERSON, Role.CUSTOMER)
                && clause.get(clause.size() - 1).is(Role.FAULT, Role.FAULT_WEAK)
                && clause.stream().noneMatch(u -> u.is(Role.APOLOGY));
    }

    /** A {@link Role#CONDITIONAL_FIRST} word is a condition first in its clause (after conjunctions), else nothing. */
    private static Unit clauseInitial(List<Unit> clause, Unit unit) {
        if (unit.role() != Role.CONDITIONAL_FIRST) {
            return unit;
        }
        boolean first = clause.stream().allMatch(u -> u.is(Role.CONJUNCTION));
        return new Unit(unit.text(), first ? Role.CONDITIONAL : null, unit.start(), unit.end());
    }

    /** Tags words with the longest entry that matches at each word. */
    private List<Unit> units(List<Word> text) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < text.size();) {
            Entry match = null;
            for (Entry entry : entries) {
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
        Entry[] longest = new Entry[lower.length()];
        for (int p = 0; p < lower.length(); p++) {
            for (Entry entry : entries) {
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

    /** One entry of a role's list, compiled. */
    record Entry(Role role, List<WordPattern> words, String thai) {

        static Entry compile(Words words, Role role, String source, String where) {
            String text = words.lower(words.display(source).trim());
            if (text.isEmpty()) {
                throw new IllegalStateException(where + " " + role + ": empty entry");
            }
            if (words.thai()) {
                if (text.contains("*")) {
                    throw new IllegalStateException(where + " " + role + ": no '*' in Thai entries: " + source);
                }
                return new Entry(role, List.of(), text.replaceAll("\\s+", ""));
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
            return new Entry(role, List.copyOf(patterns), "");
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

    /** The lists of a meaning file, by role. */
    static Map<Role, List<String>> lists() {
        return new EnumMap<>(Role.class);
    }
}
