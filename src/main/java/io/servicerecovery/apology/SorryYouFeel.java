package io.servicerecovery.apology;

import java.util.List;
import java.util.Optional;

import io.servicerecovery.apology.Lexicon.Clause;
import io.servicerecovery.apology.Lexicon.Sentence;
import io.servicerecovery.apology.Lexicon.Unit;
import io.servicerecovery.apology.Responsibility.Fact;
import io.servicerecovery.apology.Responsibility.Kind;

/**
 * An apology for the customer's feelings rather than for what we did: an apology followed within three words by
 * the customer and within two more by a feeling ("sorry you feel", "sorry if you were upset", "жаль, что у вас
 * сложилось впечатление", "เสียใจที่คุณรู้สึก"). Customers read it as blame.
 */
final class SorryYouFeel {

    private SorryYouFeel() {
    }

    /** "Sorry you feel...", "sorry if you were upset": an apology for the customer's feelings. */
    static Optional<Fact> find(Sentence sentence) {
        List<Unit> units = sentence.clauses().stream().flatMap(c -> c.units().stream()).toList();
        for (int a = 0; a < units.size(); a++) {
            if (!units.get(a).is(Role.APOLOGY)) {
                continue;
            }
            for (int c = a + 1; c < units.size() && c - a <= 3; c++) {
                if (!units.get(c).is(Role.CUSTOMER)) {
                    continue;
                }
                for (int f = c + 1; f < units.size() && f - c <= 2; f++) {
                    if (units.get(f).is(Role.FEELING)) {
                        Unit apology = units.get(a);
                        Clause clause = sentence.clauses().stream()
                                .filter(cl -> cl.units().contains(apology)).findFirst()
                                .orElse(sentence.clauses().get(0));
                        return Optional.of(new Fact(Kind.NOT_AN_APOLOGY, sentence, clause, units.get(a).start(),
                                units.get(f).end(), units.get(f).text()));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
