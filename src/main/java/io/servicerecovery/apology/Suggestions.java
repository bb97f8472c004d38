package io.servicerecovery.apology;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;

import io.servicerecovery.apology.Lexicon.Clause;
import io.servicerecovery.apology.Lexicon.Sentence;
import io.servicerecovery.apology.Responsibility.Fact;
import io.servicerecovery.apology.Responsibility.Kind;
import io.servicerecovery.apology.Responsibility.Reading;

/**
 * Wording to offer an agent whose apology was refused, built from the agent's own sentence and written in the
 * customer's language: the clauses that caused the finding are left out and the language's ownership or apology
 * sentence is added; how a sentence is addressed and ended is the language profile's ({@code suggestions}). "Ana, I'm sorry
 * the parcel was late, but that was the courier's error, not ours." becomes "Ana, I'm sorry the parcel was late.
 * That was our mistake, and I take responsibility for it."
 */
final class Suggestions {

    private static final String NAME = "{name}";
    private static final String SENTENCE = "{sentence}";

    private Suggestions() {
    }

    static Optional<String> firstSentence(Reading reading) {
        return reading.sentences().stream().findFirst().map(reading::text);
    }

    /** The sentence that owns the mistake (an apology belongs next to it), else the first. */
    static Optional<String> ownershipSentence(Reading reading) {
        return reading.all(Kind.OWNED).stream().findFirst().map(Fact::sentence)
                .or(() -> reading.sentences().stream().findFirst()).map(reading::text);
    }

    static String withApology(Lexicon lexicon, String sentence) {
        return join(lexicon, lexicon.apologySuggestion(), sentence);
    }

    /** The sentence addressed to the customer by first name, as the profile's form of address says ("Ana, ..."). */
    static String addressed(Lexicon lexicon, String firstName, String sentence) {
        String address = lexicon.suggestions().address();
        int at = address.indexOf(SENTENCE);
        // the agent's sentence is put in last, so that nothing in it is read as a placeholder
        return address.substring(0, at).replace(NAME, firstName) + lowerFirst(lexicon, sentence)
                + address.substring(at + SENTENCE.length()).replace(NAME, firstName);
    }

    static Optional<Sentence> sentenceContaining(Reading reading, Tokenizer tokenizer, String normalizedQuote) {
        return reading.sentences().stream()
                .filter(s -> tokenizer.normalize(reading.text(s)).contains(normalizedQuote)).findFirst();
    }

    /** The sentence without its blaming clauses, then a sentence that owns the mistake. */
    static String withoutBlame(Lexicon lexicon, Reading reading, Sentence sentence, Tokenizer tokenizer,
            Collection<String> quotes) {
        Map<Clause, Integer> cuts = new HashMap<>();
        for (Clause clause : sentence.clauses()) {
            String text = tokenizer.normalize(reading.quote(clause.start(), clause.end()));
            boolean factHere = reading.all(Kind.BLAME, Kind.NOT_AN_APOLOGY).stream()
                    .anyMatch(f -> f.clause() == clause);
            if (factHere || quotes.stream().anyMatch(q -> text.contains(q) || q.contains(text))) {
                cuts.put(clause, clause.start());
            }
        }
        String kept = rebuild(lexicon, reading, sentence, cuts);
        return join(lexicon, kept, lexicon.ownershipSuggestion());
    }

    /** The sentence without the clauses that deny, deflect or condition the fault, then a sentence that owns it. */
    static String withOwnership(Lexicon lexicon, Reading reading, Optional<Sentence> sentence, Optional<Fact> problem) {
        if (sentence.isEmpty()) {
            return lexicon.ownershipSuggestion();
        }
        List<Fact> facts = reading.all(Kind.DISOWNED, Kind.DEFLECTED, Kind.CONDITIONAL).stream()
                .filter(f -> f.sentence() == sentence.get()).toList();
        Map<Clause, Integer> cuts = new HashMap<>();
        for (Fact fact : facts) {
            // "we apologize if we made a mistake": keep what comes before the condition; otherwise drop the clause
            int cut = fact.kind() == Kind.CONDITIONAL && fact.start() > fact.clause().start() ? fact.start()
                    : fact.clause().start();
            cuts.merge(fact.clause(), cut, Math::min);
        }
        String kept = rebuild(lexicon, reading, sentence.get(), cuts);
        return join(lexicon, kept, lexicon.ownershipSuggestion());
    }

    /**
     * The sentence as written, each clause in {@code cuts} kept only up to its cut (dropped when the cut is its
     * start), closed as a sentence; "" if nothing is left.
     */
    private static String rebuild(Lexicon lexicon, Reading reading, Sentence sentence, Map<Clause, Integer> cuts) {
        List<Clause> clauses = sentence.clauses();
        StringBuilder text = new StringBuilder();
        Clause previousKept = null;
        boolean droppedBefore = false;
        for (int i = 0; i < clauses.size(); i++) {
            Clause clause = clauses.get(i);
            int end = cuts.getOrDefault(clause, clause.end());
            while (end > clause.start() && !Character.isLetterOrDigit(reading.display().charAt(end - 1))) {
                end--;
            }
            if (end <= clause.start()) {
                droppedBefore = true;
                continue;
            }
            int start = clause.start();
            if ((droppedBefore || text.isEmpty()) && clause.units().get(0).is(Role.CONJUNCTION)
                    && clause.units().size() > 1) {
                start = clause.units().get(1).start(); // "but", "and" after a dropped clause has nothing to join
            }
            if (previousKept != null) {
                boolean adjacent = !droppedBefore && clauses.get(i - 1) == previousKept;
                text.append(adjacent ? reading.display().substring(previousKept.end(), start) : ", ");
            }
            text.append(reading.display(), start, end);
            previousKept = clause;
            droppedBefore = end < clause.end();
        }
        String result = text.toString().strip();
        if (result.isEmpty()) {
            return "";
        }
        result = upperFirst(lexicon, result);
        String fullStop = lexicon.suggestions().fullStop();
        if (!fullStop.isEmpty() && ".!?…".indexOf(result.charAt(result.length() - 1)) < 0) {
            result = result + fullStop;
        }
        return result;
    }

    private static String join(Lexicon lexicon, String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return first + " " + second;
    }

    private static String upperFirst(Lexicon lexicon, String s) {
        Locale locale = Locale.forLanguageTag(lexicon.words().language());
        int first = s.codePointAt(0);
        return new String(Character.toChars(first)).toUpperCase(locale) + s.substring(Character.charCount(first));
    }

    private static String lowerFirst(Lexicon lexicon, String s) {
        String firstWord = s.split("[\\s,']", 2)[0];
        if (s.isEmpty() || lexicon.suggestions().keepsCapital().contains(firstWord)) {
            return s; // "I am sorry": English keeps its capital I
        }
        Locale locale = Locale.forLanguageTag(lexicon.words().language());
        int first = s.codePointAt(0);
        return new String(Character.toChars(first)).toLowerCase(locale) + s.substring(Character.charCount(first));
    }
}
