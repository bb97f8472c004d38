package io.servicerecovery.console;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the case page says about each timeline entry, in the page's language. The entries keep their English
 * {@code summary} for the API and the webhooks; the console words them again from their kind and details
 * ({@link TimelineText}). Texts in {@code messages/timeline_en.properties} and {@code timeline_sv.properties}.
 */
@MessageBundle(value = "timeline", locale = "en")
public interface TimelineWords {

    String case_opened(String category, String severity, String reference);
    String repeat_failure();
    String task_claimed(String step);
    String task_claimed_any();
    String task_released(String step);
    String task_released_any();
    String accountability_taken(String rootCause, String statement);
    String apology_given(String via, String message);
    String email_sent(String to, String language);
    String email_failed(Object attempt, String error);
    String incident_retried(String step, Object attempts);
    String recommended(String what);
    String proposed(String what, String reason);
    String approved_at_once(String what);
    String waits_for(String level);
    String escalated(String from, String to);
    String still_waiting(String level);
    String approved(String what);
    String approved_less(String what, String proposed);
    String rejected(String note);
    String granted(String what);
    String granted_voucher(String what, String voucher);
    String recovered();
    String cancelled(String reason);
    String note(String note);
    String what_credit(String money);
    String what_discount(String percent);
    String what_none();
    String actor_system();
}
