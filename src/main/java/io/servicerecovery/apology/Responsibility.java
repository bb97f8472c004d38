package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.servicerecovery.apology.Lexicon.Clause;
import io.servicerecovery.apology.Lexicon.Role;
import io.servicerecovery.apology.Lexicon.Sentence;
import io.servicerecovery.apology.Lexicon.Unit;

/**
 * Who a text says is at fault, judged by structure rather than by fixed phrases.
 * <p>
 * In each clause every fault word (mistake, fault, blame, responsible, failed, ...; see {@link Lexicon}) is bound
 * to a party: the nearest first person, customer or third party before it in the clause (the subject, or a
 * possessive: "we failed", "our mistake"), else the nearest after it ("the mistake was ours", "the blame lies with
 * us", "виноваты мы"). The search backwards stops at an apology ("sorry for the mistake" says nothing about whose
 * it was) and at a subject that is not a person ("what went wrong", "det gick fel"). Then:
 * <ul>
 * <li>bound to us, and neither the fault nor "us" negated or conditional: <b>ownership</b>;</li>
 * <li>bound to us but negated ("not our fault", "the error, not ours", "vi ansvarar inte"): <b>disowned</b>,
 * which outweighs any ownership elsewhere in the text;</li>
 * <li>under a condition ("if we made a mistake", "any errors we may have made", a question): <b>conditional</b>;</li>
 * <li>bound to a third party ("the courier's error", "our courier made a mistake"): <b>deflected</b>;</li>
 * <li>a strong fault word bound to the customer, not negated or conditional ("your fault", "the mistake was
 * yours", "вы виноваты"): <b>blame</b>; so is an apology for the customer's feelings ("sorry you feel",
 * "ledsen att du upplever", "жаль, что вам показалось").</li>
 * </ul>
 * A short clause with only "ours"/"us" in it stands for "our fault" when the sentence names a fault elsewhere
 * ("It was not the courier's fault, it was ours"). Negation covers the next few words of its clause (and, in
 * Swedish and Danish, the verb before it: "vi ansvarar inte"); an even number of negations cancels out.
 * <p>
 * Stateless and thread-safe.
 */
final class Responsibility {

    /** How far back a subject or possessive is looked for. */
    static final int BACK_WINDOW = 8;
    /**
     * How far ahead ("the mistake was entirely and only ours"); the fault noun may carry its own complement first
     * ("the responsibility for your lost evening rests with us", "ansvaret för den förlorade kvällen ligger hos oss").
     */
    static final int FORWARD_WINDOW = 8;
    /** The customer is only at fault when close to the fault word ("you made a mistake", "your fault"). */
    static final int CUSTOMER_WINDOW = 4;
    /** A clause this short with only "ours" in it stands for "our fault". */
    static final int ELLIPSIS_UNITS = 4;

    private Responsibility() {
    }

    enum Kind {
        OWNED, DISOWNED, DEFLECTED, CONDITIONAL, UNATTRIBUTED, BLAME, NOT_AN_APOLOGY
    }

    /**
     * One thing found.
     *
     * @param kind     what it is
     * @param sentence the sentence it is in
     * @param clause   the clause it is in
     * @param start    where the quoted words start in the display text
     * @param end      where they end
     * @param cue      the word that decided it ("not", "if", "courier"), or the fault word
     */
    record Fact(Kind kind, Sentence sentence, Clause clause, int start, int end, String cue) {
    }

    /**
     * What a text says about who is at fault.
     *
     * @param display   the text as quoted (see {@link Words#display})
     * @param sentences its sentences
     * @param found     everything found, in text order
     */
    record Reading(String display, List<Sentence> sentences, List<Fact> found) {

        /** Whether the text takes ownership: something owned, nothing disowned. */
        boolean owned() {
            return has(Kind.OWNED) && !has(Kind.DISOWNED);
        }

        boolean has(Kind kind) {
            return found.stream().anyMatch(f -> f.kind() == kind);
        }

        List<Fact> all(Kind... kinds) {
            return found.stream().filter(f -> List.of(kinds).contains(f.kind())).toList();
        }

        /** The words of the display text between two offsets. */
        String quote(int start, int end) {
            return display.substring(start, end);
        }

        /** A sentence as the agent wrote it, with its closing punctuation. */
        String text(Sentence sentence) {
            int end = sentence.end();
            while (end < display.length() && ".!?…".indexOf(display.charAt(end)) >= 0) {
                end++;
            }
            return display.substring(sentence.start(), end).strip();
        }

        /** The first sentence with an apology in it. */
        Optional<Sentence> apologySentence() {
            return sentences.stream()
                    .filter(s -> s.clauses().stream().anyMatch(c -> c.units().stream().anyMatch(u -> u.is(Role.APOLOGY))))
                    .findFirst();
        }
    }

    static Reading read(Lexicon lexicon, String text) {
        String display = lexicon.words().display(text);
        List<Sentence> sentences = lexicon.read(display);
        List<Fact> found = new ArrayList<>();
        boolean previousHasFault = false;
        for (Sentence sentence : sentences) {
            List<Scoped> scoped = sentence.clauses().stream().map(c -> Scoped.of(lexicon, sentence, c)).toList();
            for (int k = 0; k + 1 < scoped.size(); k++) {
                if (scoped.get(k).onlyHedge()) {
                    // "Perhaps, we ...", "Возможно, мы ошиблись": the hedge covers the clause after it
                    scoped.get(k + 1).hedgeAll(scoped.get(k).unit(0).text());
                }
            }
            boolean sentenceHasFault = false;
            for (Scoped clause : scoped) {
                for (int i = 0; i < clause.units.size(); i++) {
                    if (clause.unit(i).is(Role.FAULT, Role.FAULT_WEAK, Role.FAULT_OBJECT, Role.IDIOM)) {
                        sentenceHasFault = true;
                        judge(clause, i).ifPresent(found::add);
                    }
                }
            }
            for (Scoped clause : scoped) {
                // "It was not the courier's fault. It was ours." refers back one sentence at most
                ellipsis(clause, sentenceHasFault || previousHasFault).ifPresent(found::add);
            }
            previousHasFault = sentenceHasFault;
            notAnApology(sentence).ifPresent(found::add);
        }
        found.sort(Comparator.comparingInt(Fact::start));
        return new Reading(display, sentences, List.copyOf(found));
    }

    /** Who a fault word at {@code i} is bound to, and what that makes it. */
    private static Optional<Fact> judge(Scoped c, int i) {
        Unit fault = c.unit(i);
        if (fault.is(Role.IDIOM)) {
            if (c.negated(i)) {
                return Optional.of(c.finding(Kind.DISOWNED, i, i, c.unit(c.negation(i)).text()));
            }
            if (c.conditional[i]) {
                return Optional.of(c.finding(Kind.CONDITIONAL, i, i,
                        c.condition(i) < 0 ? c.questionOrHedge() : c.unit(c.condition(i)).text()));
            }
            return Optional.of(c.finding(Kind.OWNED, i, i, fault.text()));
        }
        int agent = -1;
        if (fault.is(Role.FAULT_OBJECT)) {
            agent = forward(c, i, 3);
        }
        if (agent < 0) {
            agent = backward(c, i);
        }
        if (agent < 0) {
            agent = forward(c, i, FORWARD_WINDOW);
        }
        boolean negated = c.negated(i) || agent >= 0 && c.negated(agent);
        boolean conditional = c.conditional[i] || agent >= 0 && c.conditional[agent];
        if (agent > i) {
            // "the mistakes we may have made", "ข้อผิดพลาดใดๆ ที่เราอาจทำไว้": a modal right after "we" hedges it
            for (int j = i + 1; j < Math.min(c.units.size(), agent + 3); j++) {
                conditional |= c.unit(j).is(Role.CONDITIONAL);
            }
        }
        int from = agent < 0 ? i : Math.min(agent, i);
        int to = agent < 0 ? i : Math.max(agent, i);
        Role party = agent < 0 ? null : c.unit(agent).role();
        if (party == Role.FIRST_PERSON || party == Role.FIRST_PERSON_ALONE || party == Role.FIRST_PERSON_BEFORE) {
            if (negated) {
                int cue = c.negated(i) ? c.negation(i) : c.negation(agent);
                return Optional.of(c.finding(Kind.DISOWNED, Math.min(from, cue), to, c.unit(cue).text()));
            }
            if (conditional) {
                int cue = c.conditional[i] ? c.condition(i) : c.conditional[agent] ? c.condition(agent)
                    : firstCondition(c, i);
                return Optional.of(c.finding(Kind.CONDITIONAL, Math.min(from, Math.max(cue, 0)), to,
                        cue < 0 ? c.questionOrHedge() : c.unit(cue).text()));
            }
            return Optional.of(c.finding(Kind.OWNED, from, to, fault.text()));
        }
        if (party == Role.THIRD_PARTY) {
            return negated ? Optional.empty()
                    : Optional.of(c.finding(Kind.DEFLECTED, from, to, c.unit(agent).text()));
        }
        if (party == Role.CUSTOMER || party == Role.CUSTOMER_BEFORE || party == Role.CUSTOMER_AFTER) {
            boolean strong = !fault.is(Role.FAULT_WEAK) && Math.abs(agent - i) <= CUSTOMER_WINDOW;
            return strong && !negated && !conditional
                    ? Optional.of(c.finding(Kind.BLAME, from, to, fault.text()))
                    : Optional.empty();
        }
        if (conditional) {
            int cue = c.condition(i);
            return Optional.of(c.finding(Kind.CONDITIONAL, Math.max(0, Math.min(i, cue)), i,
                    cue < 0 ? c.questionOrHedge() : c.unit(cue).text()));
        }
        return negated ? Optional.empty() : Optional.of(c.finding(Kind.UNATTRIBUTED, i, i, fault.text()));
    }

    private static int firstCondition(Scoped c, int from) {
        for (int j = from; j < c.units.size(); j++) {
            if (c.unit(j).is(Role.CONDITIONAL)) {
                return j;
            }
        }
        return -1;
    }

    /** The nearest party before the fault word, or -1. */
    private static int backward(Scoped c, int i) {
        for (int j = i - 1; j >= 0 && i - j <= BACK_WINDOW; j--) {
            Unit u = c.unit(j);
            if (u.is(Role.REFLEXIVE)) {
                return subjectOf(c, j);
            }
            if (u.is(Role.SUBJECT) && j > 0 && isParty(c.unit(j - 1))) {
                continue; // "мы всё испортили", "mēs visu sabojājām": after the subject, "all" is the object
            }
            if (u.is(Role.APOLOGY, Role.SUBJECT)) {
                return -1;
            }
            if (u.is(Role.CUSTOMER_AFTER)) {
                continue; // "คำสั่งซื้อของคุณ": the customer owns the noun before, and is not the subject
            }
            if (u.is(Role.CUSTOMER_BEFORE) && i - j > 1) {
                continue; // "your order was wrong": your goes with order, not with the fault
            }
            if (u.is(Role.CUSTOMER) && i - j > CUSTOMER_WINDOW) {
                continue;
            }
            if (u.is(Role.CUSTOMER) && j > 0
                    && c.unit(j - 1).is(Role.FIRST_PERSON, Role.FIRST_PERSON_ALONE, Role.THIRD_PARTY)) {
                return j - 1; // "мы вас подвели", "mēs jūs pievīlām": we are the subject, the customer the object
            }
            if (u.is(Role.CUSTOMER) && j > 1 && c.unit(j - 2).is(Role.FIRST_PERSON_BEFORE, Role.FIRST_PERSON_ALONE)
                    && !isParty(c.unit(j - 1))) {
                return j - 2; // "наша сеть вас подвела", "mūsu tīkls jūs pievīla": our network, the customer
            }
            if (isParty(u)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The nearest party after the fault word, or -1: "ours", "us", the courier, "with our team"; not "your", as
     * "the mistake with your order" puts nothing on the customer.
     */
    private static int forward(Scoped c, int i, int window) {
        for (int j = i + 1; j < c.units.size() && j - i <= window; j++) {
            Unit u = c.unit(j);
            if (u.is(Role.APOLOGY)) {
                return -1;
            }
            if (u.is(Role.FIRST_PERSON_ALONE, Role.FIRST_PERSON_BEFORE)) {
                int owned = ownedThirdParty(c, j);
                if (owned >= 0) {
                    return owned; // "the fault was with our hosting provider": theirs, not ours
                }
            }
            if (u.is(Role.FIRST_PERSON, Role.FIRST_PERSON_ALONE, Role.FIRST_PERSON_BEFORE, Role.CUSTOMER,
                    Role.CUSTOMER_AFTER, Role.THIRD_PARTY)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The subject a reflexive possessive at {@code j} refers to: the nearest person before it in the clause, past
     * an object ("я считаю это своим промахом"), or -1.
     */
    private static int subjectOf(Scoped c, int j) {
        for (int k = j - 1; k >= 0; k--) {
            if (c.unit(k).is(Role.APOLOGY)) {
                return -1;
            }
            if (c.unit(k).is(Role.FIRST_PERSON, Role.FIRST_PERSON_ALONE, Role.CUSTOMER, Role.THIRD_PARTY)) {
                return k;
            }
        }
        return -1;
    }

    /** A third party that a possessive at {@code j} goes with ("our (hosting) provider"), or -1. */
    private static int ownedThirdParty(Scoped c, int j) {
        for (int k = j + 1; k < c.units.size() && k - j <= 2; k++) {
            if (c.unit(k).is(Role.THIRD_PARTY)) {
                return k;
            }
            if (c.unit(k).role() != null) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isParty(Unit u) {
        return u.is(Role.FIRST_PERSON, Role.FIRST_PERSON_ALONE, Role.FIRST_PERSON_BEFORE, Role.CUSTOMER,
                Role.CUSTOMER_BEFORE, Role.CUSTOMER_AFTER, Role.THIRD_PARTY);
    }

    /** "..., it was ours" / "..., not ours": a short clause whose only party is "ours" stands for "our fault". */
    private static Optional<Fact> ellipsis(Scoped c, boolean sentenceHasFault) {
        if (c.units.size() > ELLIPSIS_UNITS) {
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

    /** "Sorry you feel...", "sorry if you were upset": an apology for the customer's feelings. */
    private static Optional<Fact> notAnApology(Sentence sentence) {
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

    /** A clause with the scope of its negations and conditions worked out. */
    private static final class Scoped {
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

        private Scoped(Sentence sentence, Clause clause) {
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

        static Scoped of(Lexicon lexicon, Sentence sentence, Clause clause) {
            Scoped s = new Scoped(sentence, clause);
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
}
