package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.apology.PhraseBook.Match;
import io.servicerecovery.apology.PhraseBook.Phrase;
import io.servicerecovery.apology.PhraseBook.Phrases;
import io.servicerecovery.apology.Tokenizer.Text;

/**
 * Checks what an agent writes to a customer and answers with {@link Finding}s instead of a bare error.
 * <p>
 * The rules follow what wins customers back: a personal apology (names the customer, refers to the actual
 * failure, is not a copy of another case's apology), that apologizes and takes ownership, and never blames the
 * customer. All checks run in the customer's language, with that language's {@link PhraseBook}.
 * <p>
 * Stateless and thread-safe.
 */
@ApplicationScoped
public class ApologyChecks {

    /**
     * Fewer words than this cannot name the customer, refer to the failure, apologize and take ownership at
     * once; a one-liner ("Sorry for the inconvenience.") is what customers call a brush-off. For Thai the words
     * are dictionary segments, which are shorter than English words, so the same number is a lower bar there.
     */
    public static final int MIN_WORDS = 8;

    /**
     * Apologies for the same kind of failure share phrases ("I am sorry", "our mistake"), so some overlap is
     * normal; measured on 3-word shingles, two apologies written separately stay far below 0.5, while a copy
     * with the name and a detail changed stays above 0.8. 0.8 flags the copy and leaves room for phrasing
     * habits.
     */
    public static final double CANNED_SIMILARITY = 0.8;

    /** Three words keep word order (unlike single words) but are not so long that one edit hides a copy. */
    public static final int SHINGLE_SIZE = 3;

    /** Words shorter than this ("the", "och", "и") say nothing about the failure. */
    public static final int MIN_CONTENT_LETTERS = 4;

    /** Thai segments are short; a segment of 3+ characters (with its vowel and tone marks) is a real word. */
    public static final int MIN_THAI_SEGMENT = 3;

    /**
     * A name longer than this is matched on its first {@code max(4, length - 2)} letters, so that case endings
     * still count: "Jānis" -> "Jāni" (vocative), "Ozola" -> "Ozolas", "Алексей" -> "Алексею".
     */
    public static final int NAME_STEM_FROM = 4;

    /** How many phrases to quote as examples in a finding. */
    private static final int EXAMPLES = 2;

    private final PhraseBook phraseBook;

    public ApologyChecks(PhraseBook phraseBook) {
        this.phraseBook = phraseBook;
    }

    /**
     * Runs every check on an apology draft against apology texts (tests, and callers without a cache).
     *
     * @param draft                       the apology and what the checks need to know about the case
     * @param recentApologiesOfOtherCases apology texts recently sent in other cases (may be empty or null)
     * @return findings in a stable order, empty when the apology is fine
     */
    public List<Finding> check(ApologyDraft draft, List<String> recentApologiesOfOtherCases) {
        List<ShingleFingerprint> recent = draft == null || recentApologiesOfOtherCases == null ? List.of()
                : recentApologiesOfOtherCases.stream().map(text -> fingerprint(draft.locale(), text)).toList();
        return checkAgainst(draft, recent);
    }

    /**
     * Runs every check on an apology draft.
     *
     * @param draft                     the apology and what the checks need to know about the case
     * @param recentApologiesOfOtherCases fingerprints of apologies recently sent in other cases, made by
     *                                  {@link #fingerprint} in the draft's locale (may be empty)
     * @return findings in a stable order, empty when the apology is fine
     */
    public List<Finding> checkAgainst(ApologyDraft draft, List<ShingleFingerprint> recentApologiesOfOtherCases) {
        if (draft == null) {
            throw new IllegalArgumentException("draft is required");
        }
        Phrases book = phraseBook.forLocale(draft.locale());
        Tokenizer tokenizer = book.tokenizer();
        Text message = tokenizer.analyze(draft.message());
        List<String> name = CustomerName.words(tokenizer, draft.customerName());

        List<Finding> findings = new ArrayList<>();
        if (message.words().size() < MIN_WORDS) {
            findings.add(Finding.blocking(Finding.TOO_SHORT, "Write at least " + MIN_WORDS + " words (this draft has "
                    + message.words().size() + "): name the customer, say what went wrong, apologize, own the"
                    + " mistake and say what you are doing about it."));
        }
        if (!name.isEmpty() && !CustomerName.isNamedIn(book, message, name)) {
            String full = CustomerName.display(draft.customerName());
            String first = full.split(" ")[0];
            findings.add(Finding.blocking(Finding.CUSTOMER_NOT_NAMED, first.equals(full)
                    ? "Name the customer: use '" + first + "'."
                    : "Name the customer: use '" + first + "' or '" + full + "'."));
        }
        FailureReference.missingIn(book, message, draft).ifPresent(findings::add);
        if (none(book.apology(), message)) {
            findings.add(Finding.blocking(Finding.NO_APOLOGY, "Apologize in so many words, in the customer's"
                    + " language" + examples(book.apology()) + "."));
        }
        if (none(book.ownership(), message)) {
            findings.add(Finding.blocking(Finding.NO_OWNERSHIP, "Take ownership: say that the mistake was ours"
                    + examples(book.ownership()) + ", instead of only describing what happened."));
        }
        blame(book, message).ifPresent(findings::add);
        canned(book, message, name, recentApologiesOfOtherCases).ifPresent(findings::add);
        return List.copyOf(findings);
    }

    /**
     * Checks an accountability statement: only that it does not blame the customer.
     *
     * @param locale    the customer's locale (BCP 47)
     * @param statement the statement as the agent wrote it
     */
    public List<Finding> checkStatement(String locale, String statement) {
        Phrases book = phraseBook.forLocale(locale);
        return blame(book, book.tokenizer().analyze(statement)).map(List::of).orElse(List.of());
    }

    /** Whether a word of a message is the customer's name part {@code name}: see {@link CustomerName#same}. */
    static boolean sameName(String name, String word, boolean inflects) {
        return CustomerName.same(name, word, inflects);
    }

    // --- apology, ownership, blame --------------------------------------------------------------------------

    static boolean none(List<Phrase> phrases, Text text) {
        return phrases.stream().allMatch(p -> p.findIn(text).isEmpty());
    }

    private static String examples(List<Phrase> phrases) {
        List<String> examples = Phrases.examples(phrases, EXAMPLES);
        if (examples.isEmpty()) {
            return "";
        }
        return ", e.g. " + examples.stream().map(e -> "'" + e + "'").collect(Collectors.joining(" or "));
    }

    private static Optional<Finding> blame(Phrases book, Text text) {
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
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String quoted = found.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "));
        return Optional.of(Finding.blocking(Finding.BLAMES_CUSTOMER, "Remove " + quoted + ": "
                + (found.size() == 1 ? "it puts" : "they put") + " the blame on the customer. Say what we got"
                + " wrong instead" + examples(book.ownership()) + "."));
    }

    // --- canned ---------------------------------------------------------------------------------------------

    private static Optional<Finding> canned(Phrases book, Text message, List<String> name,
            List<ShingleFingerprint> recentApologies) {
        if (recentApologies == null || recentApologies.isEmpty()) {
            return Optional.empty();
        }
        long[] draft = ShingleFingerprint.draft(CustomerName.masked(book, message, name), CustomerName.SLOT);
        if (draft.length == 0) {
            return Optional.empty();
        }
        double highest = 0;
        for (ShingleFingerprint other : recentApologies) {
            highest = Math.max(highest, other.similarity(draft));
        }
        if (highest < CANNED_SIMILARITY) {
            return Optional.empty();
        }
        String percent = String.format(Locale.ROOT, "%.0f%%", highest * 100);
        return Optional.of(Finding.blocking(Finding.CANNED, "This apology is " + percent
                + " the same as one sent in another case, so it reads as a canned script. Write it for this"
                + " customer and this failure, in your own words."));
    }

    /**
     * The fingerprint of an apology text as a draft in {@code locale} sees it: tokenized by that language's
     * tokenizer, since the draft's shingles are made the same way.
     */
    public ShingleFingerprint fingerprint(String locale, String text) {
        return ShingleFingerprint.of(phraseBook.forLocale(locale).tokenizer().words(text == null ? "" : text));
    }
}
