package io.servicerecovery.console;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.servicerecovery.cases.CaseView;
import io.servicerecovery.common.Actor;
import io.servicerecovery.timeline.TimelineEntryView;

/**
 * {@code {e.text(c)}} and {@code {e.who(file.names)}} on the case page: a timeline entry in the page's language, worded from
 * its kind and details (what the API keeps as a code stays a code there; its {@code summary} stays English for
 * the API and webhooks). An entry written before a detail existed (a claim without its step) gets the words
 * that need no such detail, never the English summary.
 */
@TemplateExtension
public final class TimelineText {

    private TimelineText() {
    }

    /** Who did it, by the name people know them by; the service itself as "the service". */
    static String who(TimelineEntryView entry, Map<String, String> names,
            @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        if (Actor.SYSTEM.equals(entry.actor())) {
            return words(Labels.localeOf(locale)).actor_system();
        }
        return names.getOrDefault(entry.actor(), entry.actor());
    }

    static String text(TimelineEntryView entry, CaseView c, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        Locale in = Labels.localeOf(locale);
        TimelineWords w = words(in);
        Map<String, Object> d = entry.details() == null ? Map.of() : entry.details();
        return switch (entry.kind()) {
            case CASE_OPENED -> w.case_opened(Labels.of("Category", c.failure().category(), in),
                    Labels.of("Severity", c.failure().severity().name(), in).toLowerCase(in), c.externalRef())
                    + (Boolean.TRUE.equals(d.get("repeatFailure")) ? " " + w.repeat_failure() : "");
            case TASK_CLAIMED -> d.containsKey("step") ? w.task_claimed(Labels.of("RecoveryStep", str(d, "step"), in))
                    : w.task_claimed_any();
            case TASK_RELEASED -> d.containsKey("step") ? w.task_released(Labels.of("RecoveryStep", str(d, "step"), in))
                    : w.task_released_any();
            case ACCOUNTABILITY_TAKEN -> w.accountability_taken(Labels.of("RootCause", str(d, "rootCause"), in),
                    str(d, "statement"));
            case APOLOGY_GIVEN -> w.apology_given(Labels.of("DeliveredVia", str(d, "deliveredVia"), in).toLowerCase(in),
                    str(d, "message"));
            case EMAIL_SENT -> w.email_sent(str(d, "to"), Locale.forLanguageTag(str(d, "language")).getDisplayLanguage(in));
            case EMAIL_FAILED -> w.email_failed(d.get("attempt"), str(d, "error"));
            case INCIDENT_RETRIED -> w.incident_retried(Labels.of("ProcessStep", str(d, "step"), in), d.get("attempts"));
            case COMPENSATION_RECOMMENDED -> w.recommended(what(w, d, "amount"));
            case COMPENSATION_PROPOSED -> w.proposed(what(w, d, "amount"), str(d, "reason"));
            case APPROVED_WITHIN_EMPOWERMENT -> w.approved_at_once(what(w, d, "amount"));
            case ESCALATED -> escalated(w, d, in);
            case APPROVED -> approved(w, d);
            case REJECTED -> w.rejected(str(d, "note"));
            case GRANTED -> d.containsKey("voucherCode") ? w.granted_voucher(what(w, d, "amount"), str(d, "voucherCode"))
                    : w.granted(what(w, d, "amount"));
            case RECOVERED -> w.recovered();
            case CANCELLED -> w.cancelled(str(d, "reason"));
        };
    }

    /** Three kinds of escalation: an agent's proposal above their limits, a timer moving it up, a director's wait. */
    private static String escalated(TimelineWords w, Map<String, Object> d, Locale in) {
        String to = level(str(d, "approverLevel"), in);
        if (!d.containsKey("from")) {
            return w.waits_for(to);
        }
        String from = level(str(d, "from"), in);
        return from.equals(to) ? w.still_waiting(from) : w.escalated(from, to);
    }

    private static String approved(TimelineWords w, Map<String, Object> d) {
        String note = d.containsKey("note") ? " " + w.note(str(d, "note")) : "";
        if (d.get("approvedAmount") != null && d.get("amount") != null
                && new BigDecimal(str(d, "approvedAmount")).compareTo(new BigDecimal(str(d, "amount"))) < 0) {
            String proposed = "DISCOUNT_PERCENT".equals(str(d, "type")) ? ConsoleFormat.plain(new BigDecimal(str(d, "amount"))) + " %"
                    : ConsoleFormat.money(new BigDecimal(str(d, "amount")), str(d, "currency"));
            return w.approved_less(what(w, d, "approvedAmount"), proposed) + note;
        }
        return w.approved(what(w, d, "amount")) + note;
    }

    /** "a credit of 60.00 EUR", "a discount of 15 %", "no compensation". */
    private static String what(TimelineWords w, Map<String, Object> d, String amountKey) {
        String type = str(d, "type");
        BigDecimal amount = d.get(amountKey) == null ? null : new BigDecimal(str(d, amountKey));
        return switch (type) {
            case "CREDIT" -> w.what_credit(ConsoleFormat.money(amount, str(d, "currency")));
            case "DISCOUNT_PERCENT" -> w.what_discount(ConsoleFormat.plain(amount));
            default -> w.what_none();
        };
    }

    private static String level(String code, Locale in) {
        return Labels.of("Level", code, in).toLowerCase(in);
    }

    private static String str(Map<String, Object> details, String key) {
        Object value = details.get(key);
        return value == null ? "" : value.toString();
    }

    /** English is the bundle's default; every other console language has a localized file. */
    static TimelineWords words(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? MessageBundles.get(TimelineWords.class)
                : MessageBundles.get(TimelineWords.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
