package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.servicerecovery.apology.Lexicon.Clause;
import io.servicerecovery.apology.Lexicon.Sentence;
import io.servicerecovery.apology.Lexicon.Unit;

/**
 * Where sentences and clauses end. Sentences end at '.', '!', '?' (in Thai also at a space, which Thai writes
 * between clauses); clauses at commas, semicolons, colons, dashes and conjunctions. A clause that starts with a
 * relative pronoun ("which", "som", "который"), or a comma-set relative clause without one ("en fejl, vi begik"),
 * stays with the clause before, and the scopes of negations stop there.
 */
final class ClauseSplitter {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]");
    private static final Pattern CLAUSE_MARK = Pattern.compile("[,;:—–()\"“”«»„]|\\s-\\s");

    private ClauseSplitter() {
    }

    /**
     * Splits tagged units of the display text into sentences and clauses.
     *
     * @param display the text as quoted (see {@link Words#display})
     * @param units   its units, tagged by the {@link Lexicon}
     * @param thai    whether the text is Thai, where a space between clauses also ends a sentence
     */
    static List<Sentence> split(String display, List<Unit> units, boolean thai) {
        List<Sentence> sentences = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        List<Unit> clause = new ArrayList<>();
        List<Integer> barriers = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (!clause.isEmpty()) {
                String gap = display.substring(units.get(i - 1).end(), unit.start());
                boolean sentenceEnds = SENTENCE_END.matcher(gap).find() || (thai && gap.isBlank()
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
}
