package io.servicerecovery.apology;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.servicerecovery.apology.Lexicon.Sentence;
import io.servicerecovery.apology.Phrase.Match;
import io.servicerecovery.apology.PhraseBook.Phrases;
import io.servicerecovery.apology.Responsibility.Fact;
import io.servicerecovery.apology.Responsibility.Kind;
import io.servicerecovery.apology.Responsibility.Reading;
import io.servicerecovery.apology.Tokenizer.Text;

/**
 * The findings about whose fault it was: {@code NO_OWNERSHIP} (what the sentence lacks, and a wording built from
 * it) and {@code BLAMES_CUSTOMER} (the blame phrases of the phrase book and the blame {@link Responsibility} finds,
 * each quoted once).
 */
final class ResponsibilityFindings {

    private ResponsibilityFindings() {
    }

    /**
     * Blame phrases of the phrase book ("you should have", "as stated in our terms") and blame found by
     * {@link Responsibility} (a fault bound to the customer, an apology for their feelings), each quoted once.
     */
    static Optional<Finding> blame(Phrases book, Text text, Reading reading) {
        List<Match> exceptions = book.blameExceptions().stream().flatMap(p -> p.findIn(text).stream()).toList();
        List<Match> matches = book.blame().stream().flatMap(p -> p.findIn(text).stream())
                .filter(m -> exceptions.stream().noneMatch(m::within))
                .sorted(Comparator.comparingInt(Match::start)).toList(); // quoted in text order
        Set<String> found = new LinkedHashSet<>();
        for (Match match : matches) {
            // "сами виноваты" inside "вы сами виноваты" is the same blame, quoted once
            boolean inLonger = matches.stream().anyMatch(o -> o != match && match.within(o)
                    && (o.end() - o.start()) > (match.end() - match.start()));
            if (!inLonger) {
                found.add(match.text());
            }
        }
        Tokenizer tokenizer = book.tokenizer();
        List<Fact> facts = reading.all(Kind.BLAME, Kind.NOT_AN_APOLOGY);
        for (Fact fact : facts) {
            String quote = tokenizer.normalize(reading.quote(fact.start(), fact.end()));
            if (found.stream().noneMatch(f -> f.contains(quote) || quote.contains(f))) {
                found.add(quote);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String quoted = found.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "));
        Optional<Sentence> where = facts.isEmpty()
                ? Suggestions.sentenceContaining(reading, tokenizer, found.iterator().next())
                : Optional.of(facts.get(0).sentence());
        return Optional.of(Finding.blocking(Finding.BLAMES_CUSTOMER, "Remove " + quoted + ": "
                + (found.size() == 1 ? "it puts" : "they put") + " the blame on the customer. Say what we got"
                + " wrong instead" + ApologyChecks.examples(book.ownership()) + ".", where.map(reading::text).orElse(null),
                where.map(w -> Suggestions.withoutBlame(book.meaning(), reading, w, tokenizer, found)).orElse(null)));
    }

    /** What is missing for ownership, in which sentence, and a wording built from the agent's sentence. */
    static Finding noOwnership(Phrases book, Reading reading) {
        Optional<Fact> problem = reading.all(Kind.DISOWNED).stream().findFirst()
                .or(() -> reading.all(Kind.DEFLECTED).stream().findFirst())
                .or(() -> reading.all(Kind.CONDITIONAL).stream().findFirst())
                .or(() -> reading.all(Kind.UNATTRIBUTED).stream().findFirst());
        Optional<Sentence> sentence = problem.map(Fact::sentence).or(reading::apologySentence)
                .or(() -> reading.sentences().stream().findFirst());
        String why = problem.map(p -> switch (p.kind()) {
            case DISOWNED -> "this sentence says the mistake was not ours ('" + p.cue() + "')";
            case DEFLECTED -> "this sentence puts the fault on someone else ('" + p.cue() + "')";
            case CONDITIONAL -> "this sentence only takes ownership under a condition ('" + p.cue() + "')";
            default -> "this sentence names what went wrong ('" + p.cue() + "') but not that it was ours";
        }).orElse("no sentence says whose mistake it was");
        String message = "Take ownership: " + why + ". Say that the mistake was ours" + ApologyChecks.examples(book.ownership())
                + ", instead of only describing what happened.";
        return Finding.blocking(Finding.NO_OWNERSHIP, message, sentence.map(reading::text).orElse(null),
                Suggestions.withOwnership(book.meaning(), reading, sentence, problem));
    }
}
