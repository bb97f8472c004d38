package io.servicerecovery.notify;

import java.time.Instant;

/**
 * A case's follow-up email as the customer got it (or will get it: every attempt sends these words), for the
 * case page.
 *
 * @param recipient the address it goes to
 * @param language  the language it is written in (ISO 639)
 * @param subject   null (and the bodies too) for an email sent before the words were kept
 * @param state     where its delivery stands
 * @param attempts  how often it was tried
 * @param sentAt    when the mail server accepted it; null until then
 */
public record SentEmail(String recipient, String language, String subject, String text, String html, EmailState state,
        int attempts, Instant sentAt) {

    /** Where a delivery stands, as the console words it ({@code labels: EmailState.<STATE>}). */
    public enum EmailState {
        /** Prepared, not tried yet. */
        QUEUED,
        /** Tried and not accepted; tried again, or waiting for an operator once its retries are spent. */
        FAILED,
        /** Accepted by the mail server. */
        SENT
    }

    static SentEmail of(EmailDelivery d) {
        EmailState state = d.status == EmailDelivery.Status.ACCEPTED ? EmailState.SENT
                : d.attempts == 0 ? EmailState.QUEUED : EmailState.FAILED;
        return new SentEmail(d.recipient, d.locale, d.subject, d.textBody, d.htmlBody, state, d.attempts,
                d.acceptedAt);
    }

    /** Whether the words are kept (not for an email sent before they were). */
    public boolean hasWords() {
        return subject != null;
    }
}
