package io.servicerecovery.apology;

/**
 * One thing an agent should change in an apology or accountability statement.
 *
 * @param code     stable, machine-readable code (one of the constants below); clients may switch on it
 * @param message  what to change, in English, written for the agent
 * @param blocking whether the text must not be submitted as it is
 */
public record Finding(String code, String message, boolean blocking) {

    /** The message is below {@link ApologyChecks#MIN_WORDS} words. */
    public static final String TOO_SHORT = "TOO_SHORT";
    /** Neither the customer's first name nor their full name appears. */
    public static final String CUSTOMER_NOT_NAMED = "CUSTOMER_NOT_NAMED";
    /** Nothing in the message refers to the failure (category words or words of the case description). */
    public static final String FAILURE_NOT_REFERENCED = "FAILURE_NOT_REFERENCED";
    /** No apology phrase ("sorry", "förlåt", "извините", ...). */
    public static final String NO_APOLOGY = "NO_APOLOGY";
    /** No ownership phrase ("our mistake", "vårt fel", "mūsu kļūda", ...). */
    public static final String NO_OWNERSHIP = "NO_OWNERSHIP";
    /** A phrase that puts the blame on the customer ("you should have", "as stated in our terms", ...). */
    public static final String BLAMES_CUSTOMER = "BLAMES_CUSTOMER";
    /** A near-duplicate of an apology sent in another case. */
    public static final String CANNED = "CANNED";

    public static Finding blocking(String code, String message) {
        return new Finding(code, message, true);
    }
}
