package io.servicerecovery.apology;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.servicerecovery.apology.Finding.Lapse;
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
        Optional<Sentence> where = facts.isEmpty()
                ? Suggestions.sentenceContaining(reading, tokenizer, found.iterator().next())
                : Optional.of(facts.get(0).sentence());
        return Optional.of(Finding.blocking(new Finding.BlamesCustomer(List.copyOf(found),
                ApologyChecks.examples(book.ownership())), where.map(reading::text).orElse(null),
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
        Lapse lapse = problem.map(p -> switch (p.kind()) {
            case DISOWNED -> Lapse.DISOWNED;
            case DEFLECTED -> Lapse.DEFLECTED;
            case CONDITIONAL -> Lapse.CONDITIONAL;
            default -> Lapse.UNATTRIBUTED;
        }).orElse(Lapse.UNSAID);
        Finding.NoOwnership why = new Finding.NoOwnership(lapse, problem.map(Fact::cue).orElse(null),
                ApologyChecks.examples(book.ownership()));
        return Finding.blocking(why, sentence.map(reading::text).orElse(null),
                Suggestions.withOwnership(book.meaning(), reading, sentence, problem));
    }
}
