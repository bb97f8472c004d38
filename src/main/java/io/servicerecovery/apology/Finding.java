package io.servicerecovery.apology;

import java.util.List;

/**
 * One thing an agent should change in an apology or accountability statement: a code and its typed arguments,
 * never a sentence. {@link FindingTexts} turns it into words in a language (the API's English, the console page's
 * language).
 *
 * @param arguments  what the finding is (its type says the code) and the facts its text quotes
 * @param blocking   whether the text must not be submitted as it is
 * @param sentence   the agent's own sentence the finding is about, as written; absent when it is about the whole text
 * @param suggestion a wording for that sentence in the customer's language, built from the agent's sentence; absent
 *                   when there is none to offer
 */
public record Finding(Arguments arguments, boolean blocking, String sentence, String suggestion) {

    public FindingCode code() {
        return arguments.code();
    }

    public static Finding blocking(Arguments arguments) {
        return new Finding(arguments, true, null, null);
    }

    public static Finding blocking(Arguments arguments, String sentence, String suggestion) {
        return new Finding(arguments, true, sentence, suggestion);
    }

    /**
     * The facts a finding's text quotes, one record per code; the record's component names are the names the
     * bundles' texts use ({@code {minimum}}, {@code {quotes}}).
     */
    public sealed interface Arguments {
        FindingCode code();
    }

    /** @param minimum the fewest words an apology may have; @param words how many the draft has */
    public record TooShort(int minimum, int words) implements Arguments {
        public FindingCode code() {
            return FindingCode.TOO_SHORT;
        }
    }

    /** @param firstName the name to use; @param fullName the same when the customer has one name only */
    public record CustomerNotNamed(String firstName, String fullName) implements Arguments {
        public FindingCode code() {
            return FindingCode.CUSTOMER_NOT_NAMED;
        }
    }

    /** @param hints words of the case and of its failure category to refer to (may be empty) */
    public record FailureNotReferenced(List<String> hints) implements Arguments {
        public FindingCode code() {
            return FindingCode.FAILURE_NOT_REFERENCED;
        }
    }

    /** @param examples apology phrases of the customer's language to offer (may be empty) */
    public record NoApology(List<String> examples) implements Arguments {
        public FindingCode code() {
            return FindingCode.NO_APOLOGY;
        }
    }

    /**
     * @param lapse    what the sentence does instead of owning the mistake
     * @param cue      the word that showed it ("not", "if", "courier"); null for {@link Lapse#UNSAID}
     * @param examples ownership phrases of the customer's language to offer (may be empty)
     */
    public record NoOwnership(Lapse lapse, String cue, List<String> examples) implements Arguments {
        public FindingCode code() {
            return FindingCode.NO_OWNERSHIP;
        }
    }

    /** How an apology failed to own the mistake. */
    public enum Lapse {
        /** "it was not our fault" */
        DISOWNED,
        /** "the courier's error" */
        DEFLECTED,
        /** "if we made a mistake" */
        CONDITIONAL,
        /** "the parcel was late", without saying it was ours */
        UNATTRIBUTED,
        /** no sentence says whose mistake it was */
        UNSAID
    }

    /**
     * @param quotes   the agent's blaming words, each once, in text order
     * @param examples ownership phrases of the customer's language to offer instead (may be empty)
     */
    public record BlamesCustomer(List<String> quotes, List<String> examples) implements Arguments {
        public FindingCode code() {
            return FindingCode.BLAMES_CUSTOMER;
        }
    }

    /** @param percent how much of the draft is the same as an apology of another case, rounded */
    public record Canned(int percent) implements Arguments {
        public FindingCode code() {
            return FindingCode.CANNED;
        }
    }
}
