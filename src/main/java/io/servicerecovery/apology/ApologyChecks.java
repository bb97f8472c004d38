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

import io.servicerecovery.apology.Lexicon.Sentence;
import io.servicerecovery.apology.Phrase.Match;
import io.servicerecovery.apology.PhraseBook.Phrases;
import io.servicerecovery.apology.Responsibility.Fact;
import io.servicerecovery.apology.Responsibility.Kind;
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

    /** Stands for the customer's name in shingles: matches any word, so a copy with the name changed is found. */
    private static final String NAME_SLOT = "\u0000";

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
        List<String> name = nameWords(tokenizer, draft.customerName());

        Reading reading = Responsibility.read(book.meaning(), draft.message());

        List<Finding> findings = new ArrayList<>();
        if (message.words().size() < MIN_WORDS) {
            findings.add(Finding.blocking(Finding.TOO_SHORT, "Write at least " + MIN_WORDS + " words (this draft has "
                    + message.words().size() + "): name the customer, say what went wrong, apologize, own the"
                    + " mistake and say what you are doing about it."));
        }
        if (!name.isEmpty() && !namesCustomer(book, message, name)) {
            String full = displayName(draft.customerName());
            String first = full.split(" ")[0];
            Optional<String> opening = Suggestions.firstSentence(reading);
            findings.add(Finding.blocking(Finding.CUSTOMER_NOT_NAMED, first.equals(full)
                    ? "Name the customer: use '" + first + "'."
                    : "Name the customer: use '" + first + "' or '" + full + "'.", opening.orElse(null),
                    opening.map(o -> Suggestions.addressed(book.meaning(), first, o)).orElse(null)));
        }
        failureNotReferenced(book, message, draft, reading).ifPresent(findings::add);
        if (none(book.apology(), message)) {
            Optional<String> sentence = Suggestions.ownershipSentence(reading);
            findings.add(Finding.blocking(Finding.NO_APOLOGY, "Apologize in so many words, in the customer's"
                    + " language" + examples(book.apology()) + ".", sentence.orElse(null),
                    sentence.map(s -> Suggestions.withApology(book.meaning(), s)).orElse(null)));
        }
        if (!reading.owned()) {
            findings.add(noOwnership(book, reading));
        }
        blame(book, message, reading).ifPresent(findings::add);
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
        return blame(book, book.tokenizer().analyze(statement), Responsibility.read(book.meaning(), statement))
                .map(List::of).orElse(List.of());
    }

    // --- customer name -------------------------------------------------------------------------------------

    /** The parts of the name, normalized; in Thai split at spaces only (the dictionary would split names). */
    private static List<String> nameWords(Tokenizer tokenizer, String customerName) {
        if (customerName == null || customerName.isBlank()) {
            return List.of();
        }
        if (tokenizer.spaceless()) {
            return List.of(tokenizer.normalize(customerName).split(" "));
        }
        return tokenizer.words(customerName);
    }

    private static String displayName(String customerName) {
        return customerName.trim().replaceAll("\\s+", " ");
    }

    /**
     * Whether the first name or the full name appears. The full name starts with the first name, so finding the
     * first name (with the tolerance of {@link #sameName}) is enough. In Thai the name is looked up as a
     * substring, since the dictionary splits names it does not know ("สมชาย" -> "สม", "ชาย").
     */
    private static boolean namesCustomer(Phrases book, Text message, List<String> name) {
        if (message.spaceless()) {
            return message.compact().contains(name.get(0)) || message.compact().contains(String.join("", name));
        }
        String first = name.get(0);
        return message.words().stream().anyMatch(word -> sameName(first, word, book.inflectsNames()));
    }

    /**
     * Whether a word of the message is the name {@code name}, allowing:
     * a possessive ("Ana's", "Anas");
     * for names longer than {@value #NAME_STEM_FROM} letters, any ending on the first {@code max(4, length - 2)}
     * letters, at most 3 letters longer than the name ("Jānis" -> "Jāni", "Ozola" -> "Ozolai");
     * in languages that inflect names, for shorter names, an ending of up to 3 letters (2 for three-letter names)
     * on all but the last letter ("Anna" -> "Annai", "Анна" -> "Анне", "Иван" -> "Ивану").
     */
    static boolean sameName(String name, String word, boolean inflects) {
        if (word.equals(name) || word.equals(name + "'s") || word.equals(name + "s")) {
            return true;
        }
        int length = Tokenizer.length(name);
        int wordLength = Tokenizer.length(word);
        if (length > NAME_STEM_FROM) {
            String stem = Tokenizer.prefix(name, Math.max(NAME_STEM_FROM, length - 2));
            return word.startsWith(stem) && wordLength <= length + 3;
        }
        if (inflects && length >= 3) {
            // "Анна" -> "Анне", "Анной"; a three-letter name takes one letter only ("Яна" -> "Яне"), as a
            // two-letter stem plus a longer ending would match ordinary words
            String stem = Tokenizer.prefix(name, length - 1);
            return word.startsWith(stem) && wordLength <= length + (length > 3 ? 2 : 1);
        }
        return false;
    }

    // --- failure reference ---------------------------------------------------------------------------------

    private static Optional<Finding> failureNotReferenced(Phrases book, Text message, ApologyDraft draft,
            Reading reading) {
        List<Phrase> categoryWords = book.category(draft.failureCategory());
        List<String> contentWords = contentWords(book, draft.failureDescription());
        if (categoryWords.isEmpty() && contentWords.isEmpty()) {
            return Optional.empty(); // nothing known to refer to
        }
        if (!none(categoryWords, message) || refersTo(message, contentWords)) {
            return Optional.empty();
        }
        // the case's own words first: they are what the customer told us
        List<String> hints = new ArrayList<>(contentWords.subList(0, Math.min(3, contentWords.size())));
        Phrases.examples(categoryWords, 2).stream().filter(w -> !hints.contains(w)).forEach(hints::add);
        String quoted = hints.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
        // the sentence that apologizes is where the customer expects to read what it is for
        Optional<String> sentence = reading.apologySentence().map(reading::text);
        return Optional.of(Finding.blocking(Finding.FAILURE_NOT_REFERENCED,
                "Refer to what actually went wrong" + (quoted.isEmpty() ? "" : ", e.g. " + quoted)
                        + ": the customer must see that you know their case.", sentence.orElse(null), null));
    }

    /** Words of the failure description that say something: not stop words, 4+ letters (Thai: 3+ characters). */
    static List<String> contentWords(Phrases book, String description) {
        Tokenizer tokenizer = book.tokenizer();
        Set<String> words = new LinkedHashSet<>();
        for (String word : tokenizer.words(description)) {
            if (book.stopWords().contains(word)) {
                continue;
            }
            boolean content = tokenizer.spaceless()
                    ? Tokenizer.length(word) >= MIN_THAI_SEGMENT && Tokenizer.letters(word) > 0
                    : Tokenizer.letters(word) >= MIN_CONTENT_LETTERS;
            if (content) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    private static boolean refersTo(Text message, List<String> contentWords) {
        if (message.spaceless()) {
            return contentWords.stream().anyMatch(message.compact()::contains);
        }
        return contentWords.stream().anyMatch(c -> message.words().stream().anyMatch(w -> sameStem(c, w)));
    }

    /**
     * Crude stemming for content words: equal, or the same first {@code max(4, shorter length - 2)} letters.
     * "delivery"/"delivered", "paketet"/"paket", "посылка"/"посылку", "sūtījums"/"sūtījumu" agree; "delivery"
     * and "deliberately" do not.
     */
    static boolean sameStem(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(Tokenizer.length(a), Tokenizer.length(b));
        if (shorter < MIN_CONTENT_LETTERS) {
            return false;
        }
        int k = Math.max(MIN_CONTENT_LETTERS, shorter - 2);
        return Tokenizer.prefix(a, k).equals(Tokenizer.prefix(b, k));
    }

    // --- apology, ownership, blame --------------------------------------------------------------------------

    private static boolean none(List<Phrase> phrases, Text text) {
        return phrases.stream().allMatch(p -> p.findIn(text).isEmpty());
    }

    private static String examples(List<Phrase> phrases) {
        List<String> examples = Phrases.examples(phrases, EXAMPLES);
        if (examples.isEmpty()) {
            return "";
        }
        return ", e.g. " + examples.stream().map(e -> "'" + e + "'").collect(Collectors.joining(" or "));
    }

    /**
     * Blame phrases of the phrase book ("you should have", "as stated in our terms") and blame found by
     * {@link Responsibility} (a fault bound to the customer, an apology for their feelings), each quoted once.
     */
    private static Optional<Finding> blame(Phrases book, Text text, Reading reading) {
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
                + " wrong instead" + examples(book.ownership()) + ".", where.map(reading::text).orElse(null),
                where.map(w -> Suggestions.withoutBlame(book.meaning(), reading, w, tokenizer, found)).orElse(null)));
    }

    /** What is missing for ownership, in which sentence, and a wording built from the agent's sentence. */
    private static Finding noOwnership(Phrases book, Reading reading) {
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
        String message = "Take ownership: " + why + ". Say that the mistake was ours" + examples(book.ownership())
                + ", instead of only describing what happened.";
        return Finding.blocking(Finding.NO_OWNERSHIP, message, sentence.map(reading::text).orElse(null),
                Suggestions.withOwnership(book.meaning(), reading, sentence, problem));
    }

    // --- canned ---------------------------------------------------------------------------------------------

    private static Optional<Finding> canned(Phrases book, Text message, List<String> name,
            List<ShingleFingerprint> recentApologies) {
        if (recentApologies == null || recentApologies.isEmpty()) {
            return Optional.empty();
        }
        long[] draft = draftShingles(book, message, name);
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

    /** A draft's shingles as the canned check compares them (tests compare many drafts at once). */
    long[] draftShingles(ApologyDraft draft) {
        Phrases book = phraseBook.forLocale(draft.locale());
        Tokenizer tokenizer = book.tokenizer();
        return draftShingles(book, tokenizer.analyze(draft.message()), nameWords(tokenizer, draft.customerName()));
    }

    private static long[] draftShingles(Phrases book, Text message, List<String> name) {
        return ShingleFingerprint.draft(maskName(book, message, name), NAME_SLOT);
    }

    /** The words of the message with the customer's name replaced by a slot that matches any word. */
    private static List<String> maskName(Phrases book, Text message, List<String> name) {
        List<String> words = new ArrayList<>(message.words());
        if (name.isEmpty()) {
            return words;
        }
        if (!message.spaceless()) {
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (name.stream().anyMatch(part -> sameName(part, word, book.inflectsNames()))) {
                    words.set(i, NAME_SLOT);
                }
            }
            return words;
        }
        // Thai: the dictionary splits a name into pieces; replace each run of pieces spelling a name part.
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < words.size();) {
            int end = nameRunEnd(words, i, name);
            if (end > i) {
                masked.add(NAME_SLOT);
                i = end;
            } else {
                masked.add(words.get(i++));
            }
        }
        return masked;
    }

    private static int nameRunEnd(List<String> words, int start, List<String> name) {
        for (String part : name) {
            StringBuilder spelled = new StringBuilder();
            for (int j = start; j < words.size() && spelled.length() < part.length(); j++) {
                spelled.append(words.get(j));
                if (spelled.toString().equals(part)) {
                    return j + 1;
                }
            }
        }
        return start;
    }

    /**
     * The fingerprint of an apology text as a draft in {@code locale} sees it: tokenized by that language's
     * tokenizer, since the draft's shingles are made the same way.
     */
    public ShingleFingerprint fingerprint(String locale, String text) {
        return ShingleFingerprint.of(phraseBook.forLocale(locale).tokenizer().words(text == null ? "" : text));
    }
}
