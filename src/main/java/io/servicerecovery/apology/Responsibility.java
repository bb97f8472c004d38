package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.servicerecovery.apology.Lexicon.Clause;
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
 * This class gives the verdict; the parts live beside it: {@link PartyBinding} finds who a fault word is bound to,
 * {@link ScopedClause} works out what negations and conditions cover, {@link Ellipsis} reads "..., it was ours",
 * and {@link SorryYouFeel} finds apologies for the customer's feelings.
 * <p>
 * Stateless and thread-safe.
 */
final class Responsibility {

    /** The customer is only at fault when close to the fault word ("you made a mistake", "your fault"). */
    static final int CUSTOMER_WINDOW = 4;

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
            List<ScopedClause> scoped = sentence.clauses().stream().map(c -> ScopedClause.of(lexicon, sentence, c)).toList();
            for (int k = 0; k + 1 < scoped.size(); k++) {
                if (scoped.get(k).onlyHedge()) {
                    // "Perhaps, we ...", "Возможно, мы ошиблись": the hedge covers the clause after it
                    scoped.get(k + 1).hedgeAll(scoped.get(k).unit(0).text());
                }
            }
            boolean sentenceHasFault = false;
            for (ScopedClause clause : scoped) {
                for (int i = 0; i < clause.units.size(); i++) {
                    if (clause.unit(i).is(Role.FAULT, Role.FAULT_WEAK, Role.FAULT_OBJECT, Role.IDIOM)) {
                        sentenceHasFault = true;
                        judge(clause, i).ifPresent(found::add);
                    }
                }
            }
            for (ScopedClause clause : scoped) {
                // "It was not the courier's fault. It was ours." refers back one sentence at most
                Ellipsis.of(clause, sentenceHasFault || previousHasFault).ifPresent(found::add);
            }
            previousHasFault = sentenceHasFault;
            SorryYouFeel.find(sentence).ifPresent(found::add);
        }
        found.sort(Comparator.comparingInt(Fact::start));
        return new Reading(display, sentences, List.copyOf(found));
    }

    /** Who a fault word at {@code i} is bound to, and what that makes it. */
    private static Optional<Fact> judge(ScopedClause c, int i) {
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
            agent = PartyBinding.forward(c, i, 3);
        }
        if (agent < 0) {
            agent = PartyBinding.backward(c, i);
        }
        if (agent < 0) {
            agent = PartyBinding.forward(c, i, PartyBinding.FORWARD_WINDOW);
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

    private static int firstCondition(ScopedClause c, int from) {
        for (int j = from; j < c.units.size(); j++) {
            if (c.unit(j).is(Role.CONDITIONAL)) {
                return j;
            }
        }
        return -1;
    }


}
