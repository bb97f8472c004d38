package io.servicerecovery.apology;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing an agent should change in an apology or accountability statement.
 *
 * @param code       stable, machine-readable code (one of the constants below); clients may switch on it
 * @param message    what to change, in English, written for the agent
 * @param blocking   whether the text must not be submitted as it is
 * @param sentence   the agent's own sentence the finding is about, as written; absent when it is about the whole text
 * @param suggestion a wording for that sentence in the customer's language, built from the agent's sentence; absent
 *                   when there is none to offer
 */
public record Finding(String code, String message, boolean blocking,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sentence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suggestion) {

    /** The message is below {@link ApologyChecks#MIN_WORDS} words. */
    public static final String TOO_SHORT = "TOO_SHORT";
    /** Neither the customer's first name nor their full name appears. */
    public static final String CUSTOMER_NOT_NAMED = "CUSTOMER_NOT_NAMED";
    /** Nothing in the message refers to the failure (category words or words of the case description). */
    public static final String FAILURE_NOT_REFERENCED = "FAILURE_NOT_REFERENCED";
    /** No apology phrase ("sorry", "förlåt", "извините", ...). */
    public static final String NO_APOLOGY = "NO_APOLOGY";
    /**
     * Nothing says the mistake was ours: no first person bound to a fault ("our mistake", "vi gjorde fel", "мы
     * виноваты"), or it is denied ("not our fault"), conditional ("if we made a mistake") or put on someone else
     * ("the courier's error").
     */
    public static final String NO_OWNERSHIP = "NO_OWNERSHIP";
    /** The customer is put at fault ("you should have", "the mistake was yours") or apologized to for their feelings. */
    public static final String BLAMES_CUSTOMER = "BLAMES_CUSTOMER";
    /** A near-duplicate of an apology sent in another case. */
    public static final String CANNED = "CANNED";

    /** A finding about the whole text, without a sentence or suggestion (as before those fields existed). */
    public Finding(String code, String message, boolean blocking) {
        this(code, message, blocking, null, null);
    }

    public static Finding blocking(String code, String message) {
        return new Finding(code, message, true);
    }

    public static Finding blocking(String code, String message, String sentence, String suggestion) {
        return new Finding(code, message, true, sentence, suggestion);
    }
}
