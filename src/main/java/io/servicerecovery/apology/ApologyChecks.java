package io.servicerecovery.apology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.apology.PhraseBook.Phrases;
import io.servicerecovery.apology.Responsibility.Reading;
import io.servicerecovery.apology.Tokenizer.Text;

/**
 * Checks what an agent writes to a customer and answers with {@link Finding}s instead of a bare error.
 * <p>
 * The rules follow what wins customers back: a personal apology (names the customer, refers to the actual
 * failure, is not a copy of another case's apology), that apologizes and takes ownership, and never blames the
 * customer. All checks run in the customer's language, with that language's {@link PhraseBook}. Ownership and
 * blame are judged by structure ({@link Responsibility}: who a fault word is bound to, and whether it is negated,
 * conditional or put on someone else), not by a fixed list of phrases; a finding about one sentence quotes it and,
 * where it can, suggests a wording built from it ({@link Suggestions}).
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
        List<String> name = CustomerName.nameWords(tokenizer, draft.customerName());

        Reading reading = Responsibility.read(book.meaning(), draft.message());

        List<Finding> findings = new ArrayList<>();
        if (message.words().size() < MIN_WORDS) {
            findings.add(Finding.blocking(new Finding.TooShort(MIN_WORDS, message.words().size())));
        }
        if (!name.isEmpty() && !CustomerName.namesCustomer(book, message, name)) {
            String full = CustomerName.displayName(draft.customerName());
            String first = full.split(" ")[0];
            Optional<String> opening = Suggestions.firstSentence(reading);
            findings.add(Finding.blocking(new Finding.CustomerNotNamed(first, full), opening.orElse(null),
                    opening.map(o -> Suggestions.addressed(book.meaning(), first, o)).orElse(null)));
        }
        FailureReference.check(book, message, draft, reading).ifPresent(findings::add);
        if (none(book.apology(), message)) {
            Optional<String> sentence = Suggestions.ownershipSentence(reading);
            findings.add(Finding.blocking(new Finding.NoApology(examples(book.apology())), sentence.orElse(null),
                    sentence.map(s -> Suggestions.withApology(book.meaning(), s)).orElse(null)));
        }
        if (!reading.owned()) {
            findings.add(ResponsibilityFindings.noOwnership(book, reading));
        }
        ResponsibilityFindings.blame(book, message, reading).ifPresent(findings::add);
        CannedCheck.check(book, message, name, recentApologiesOfOtherCases).ifPresent(findings::add);
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
        return ResponsibilityFindings.blame(book, book.tokenizer().analyze(statement), Responsibility.read(book.meaning(), statement))
                .map(List::of).orElse(List.of());
    }

    /** Whether none of the phrases occurs in the text. */
    static boolean none(List<Phrase> phrases, Text text) {
        return phrases.stream().allMatch(p -> p.findIn(text).isEmpty());
    }

    /** Up to two phrases to quote to the agent as examples (none when the language has none to quote). */
    static List<String> examples(List<Phrase> phrases) {
        return Phrases.examples(phrases, EXAMPLES);
    }

    /** A draft's shingles as the canned check compares them (tests compare many drafts at once). */
    long[] draftShingles(ApologyDraft draft) {
        Phrases book = phraseBook.forLocale(draft.locale());
        Tokenizer tokenizer = book.tokenizer();
        return CannedCheck.draftShingles(book, tokenizer.analyze(draft.message()),
                CustomerName.nameWords(tokenizer, draft.customerName()));
    }

    /**
     * The fingerprint of an apology text as a draft in {@code locale} sees it: tokenized by that language's
     * tokenizer, since the draft's shingles are made the same way.
     */
    public ShingleFingerprint fingerprint(String locale, String text) {
        return ShingleFingerprint.of(phraseBook.forLocale(locale).tokenizer().words(text == null ? "" : text));
    }
}
