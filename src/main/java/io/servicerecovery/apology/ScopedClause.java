package io.servicerecovery.apology;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.servicerecovery.apology.Lexicon.Clause;
import io.servicerecovery.apology.Lexicon.Sentence;
import io.servicerecovery.apology.Lexicon.Unit;
import io.servicerecovery.apology.Responsibility.Fact;
import io.servicerecovery.apology.Responsibility.Kind;

/**
 * A clause with the scope of its negations and conditions worked out: which words a "not" covers (the next few of
 * its clause, per language; in Swedish and Danish also the verb before it; two negations cancel), which a condition
 * covers ("if", a hedge, "you feel", a question), so that {@link Responsibility} can tell "our fault" from "not our
 * fault" and "if it was our fault".
 */
final class ScopedClause {
    final Sentence sentence;
    final Clause clause;
    final List<Unit> units;
    /** how many negations cover each unit; odd is negated */
    final int[] negations;
    /** the negation word covering each unit (the nearest), or -1 */
    final int[] negationAt;
    final boolean[] conditional;
    /** the condition covering each unit, or -1 (a question, a hedge before the clause) */
    final int[] conditionAt;
    /** a hedge set off before the clause ("perhaps,"), or null */
    String hedge;

    private ScopedClause(Sentence sentence, Clause clause) {
        this.sentence = sentence;
        this.clause = clause;
        this.units = clause.units();
        this.negations = new int[units.size()];
        this.negationAt = new int[units.size()];
        this.conditional = new boolean[units.size()];
        this.conditionAt = new int[units.size()];
        Arrays.fill(negationAt, -1);
        Arrays.fill(conditionAt, -1);
    }

    static ScopedClause of(Lexicon lexicon, Sentence sentence, Clause clause) {
        ScopedClause s = new ScopedClause(sentence, clause);
        int n = s.units.size();
        boolean question = sentence.question() || s.units.stream().anyMatch(u -> u.is(Role.QUESTION));
        for (int k = 0; k < n; k++) {
            Unit u = s.units.get(k);
            int limit = clause.limit(k);
            if (u.is(Role.NEGATION)) {
                for (int j = k + 1; j < Math.min(limit, k + 1 + lexicon.negationScope()); j++) {
                    s.negate(j, k);
                }
                if (lexicon.negationLooksBack() && k > 0 && !clause.barriers().contains(k)) {
                    s.negate(k - 1, k); // Swedish, Danish: "vi ansvarar inte", "vi tog ikke fejl"
                }
            } else if (u.is(Role.NEGATION_WORD) && k + 1 < limit) {
                s.negate(k + 1, k);
            } else if (u.is(Role.CONDITIONAL)) {
                // a condition also covers the clauses that depend on its own: "если выяснится, что ошиблись
                // мы", "skulle det vise sig, at vi har begået en fejl" (a negation stops there, see limit)
                for (int j = k + 1; j < n; j++) {
                    s.condition(j, k);
                }
            } else if (u.is(Role.CUSTOMER)) {
                // "you feel we were wrong": what follows is the customer's view, not ours
                for (int f = k + 1; f < Math.min(n, k + 3); f++) {
                    if (s.units.get(f).is(Role.FEELING)) {
                        for (int j = f + 1; j < clause.limit(f); j++) {
                            s.condition(j, f);
                        }
                        break;
                    }
                }
            }
        }
        if (question) {
            for (int j = 0; j < n; j++) {
                s.conditional[j] = true;
            }
        }
        return s;
    }

    /** Whether the clause is only a hedge ("perhaps", "возможно", "kanske"), set off by a comma. */
    boolean onlyHedge() {
        return units.stream().allMatch(u -> u.is(Role.CONDITIONAL, Role.CONJUNCTION))
                && units.stream().anyMatch(u -> u.is(Role.CONDITIONAL));
    }

    void hedgeAll(String cue) {
        hedge = cue;
        for (int j = 0; j < units.size(); j++) {
            conditional[j] = true;
        }
    }

    private void negate(int j, int by) {
        negations[j]++;
        if (negationAt[j] < 0) {
            negationAt[j] = by;
        }
    }

    private void condition(int j, int by) {
        conditional[j] = true;
        if (conditionAt[j] < 0) {
            conditionAt[j] = by;
        }
    }

    Unit unit(int i) {
        return units.get(i);
    }

    String questionOrHedge() {
        return hedge != null ? hedge : "?";
    }

    boolean negated(int i) {
        return negations[i] % 2 == 1;
    }

    int negation(int i) {
        return negationAt[i];
    }

    int condition(int i) {
        return conditionAt[i];
    }

    Fact finding(Kind kind, int from, int to, String cue) {
        return new Fact(kind, sentence, clause, units.get(from).start(), units.get(to).end(),
                cue == null ? "" : cue.toLowerCase(Locale.ROOT));
    }
}
