package io.servicerecovery.apology;

/**
 * An apology an agent is about to give, with what the checks need to know about the case.
 *
 * @param locale             the customer's locale, BCP 47 ({@code sv-SE}, {@code th}); decides the phrase book
 * @param customerName       the customer's name as the CRM sent it ({@code Ana Ozola}); the first word is the
 *                           first name
 * @param failureCategory    the case's failure category ({@code LATE_DELIVERY}); unknown categories are allowed
 * @param failureDescription the case's free-text description of the failure, usually in the customer's language
 * @param message            the apology text
 */
public record ApologyDraft(String locale, String customerName, String failureCategory, String failureDescription,
        String message) {
}
