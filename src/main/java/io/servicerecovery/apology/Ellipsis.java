package io.servicerecovery.apology;

import java.util.Optional;

import io.servicerecovery.apology.Lexicon.Unit;
import io.servicerecovery.apology.Responsibility.Fact;
import io.servicerecovery.apology.Responsibility.Kind;

/**
 * A short clause that leaves the fault word out: "It was not the courier's fault, it was ours", "..., not ours",
 * "..., det var vi". It stands for "our fault" when its sentence (or the one before) names a fault.
 */
final class Ellipsis {

    /** A clause this short with only "ours" in it stands for "our fault". */
    static final int MAX_UNITS = 4;

    private Ellipsis() {
    }

    /** "..., it was ours" / "..., not ours": a short clause whose only party is "ours" stands for "our fault". */
    static Optional<Fact> of(ScopedClause c, boolean sentenceHasFault) {
        if (c.units.size() > MAX_UNITS) {
            return Optional.empty();
        }
        int ours = -1;
        boolean hedged = false;
        for (int i = 0; i < c.units.size(); i++) {
            Unit u = c.unit(i);
            if (u.is(Role.FAULT, Role.FAULT_WEAK, Role.FAULT_OBJECT, Role.IDIOM, Role.APOLOGY)) {
                return Optional.empty();
            }
            hedged |= u.is(Role.CONDITIONAL, Role.QUESTION) || c.conditional[i];
            if (u.is(Role.FIRST_PERSON_ALONE) || u.is(Role.FIRST_PERSON) && c.negated(i)) {
                ours = i;
            }
        }
        // a cleft: "..., det var vi", "..., it was we", "это были мы": the first person after "it"; "мы это
        // проверяем" (we are checking it) has it before
        boolean subjectSeen = false;
        for (int i = 0; ours < 0 && i < c.units.size(); i++) {
            subjectSeen |= c.unit(i).is(Role.SUBJECT);
            if (subjectSeen && c.unit(i).is(Role.FIRST_PERSON)) {
                ours = i;
            }
        }
        if (ours < 0) {
            return Optional.empty();
        }
        if (c.negated(ours)) {
            return Optional.of(c.finding(Kind.DISOWNED, 0, c.units.size() - 1, c.unit(c.negation(ours)).text()));
        }
        if (sentenceHasFault && !hedged) {
            return Optional.of(c.finding(Kind.OWNED, 0, c.units.size() - 1, c.unit(ours).text()));
        }
        return Optional.empty();
    }
}
