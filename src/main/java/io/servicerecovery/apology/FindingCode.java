package io.servicerecovery.apology;

/**
 * What a {@link Finding} is about: stable and machine-readable (clients may switch on it, the refusal report counts
 * it). Each code has a text in every finding bundle ({@link FindingTexts}).
 */
public enum FindingCode {
    /** The message is below {@link ApologyChecks#MIN_WORDS} words. */
    TOO_SHORT,
    /** Neither the customer's first name nor their full name appears. */
    CUSTOMER_NOT_NAMED,
    /** Nothing in the message refers to the failure (category words or words of the case description). */
    FAILURE_NOT_REFERENCED,
    /** No apology phrase ("sorry", "förlåt", "извините", ...). */
    NO_APOLOGY,
    /**
     * Nothing says the mistake was ours: no first person bound to a fault ("our mistake", "vi gjorde fel", "мы
     * виноваты"), or it is denied ("not our fault"), conditional ("if we made a mistake") or put on someone else
     * ("the courier's error").
     */
    NO_OWNERSHIP,
    /** The customer is put at fault ("you should have", "the mistake was yours") or apologized to for their feelings. */
    BLAMES_CUSTOMER,
    /** A near-duplicate of an apology sent in another case. */
    CANNED
}
