package io.servicerecovery.notify.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.servicerecovery.timeline.TimelineKind;

/** The case events a CRM can subscribe to, by their name on the wire. */
public enum WebhookEventType {
    CASE_OPENED("case.opened"),
    ACCOUNTABILITY_TAKEN("case.accountability_taken"),
    APOLOGY_SENT("case.apology_sent"),
    COMPENSATION_APPROVED("case.compensation_approved"),
    ESCALATED("case.escalated"),
    COMPENSATION_GRANTED("case.compensation_granted"),
    RECOVERED("case.recovered"),
    CANCELLED("case.cancelled");

    /** Subscribes to every type, including types added later. */
    public static final String ALL = "*";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The event a timeline entry announces; steps that only matter inside the service announce none. */
    public static Optional<WebhookEventType> of(TimelineKind kind) {
        return Optional.ofNullable(switch (kind) {
            case CASE_OPENED -> CASE_OPENED;
            case ACCOUNTABILITY_TAKEN -> ACCOUNTABILITY_TAKEN;
            case EMAIL_SENT -> APOLOGY_SENT;
            case APPROVED_WITHIN_EMPOWERMENT, APPROVED -> COMPENSATION_APPROVED;
            case ESCALATED -> ESCALATED;
            case GRANTED -> COMPENSATION_GRANTED;
            case RECOVERED -> RECOVERED;
            case CANCELLED -> CANCELLED;
            default -> null;
        });
    }

    public static Optional<WebhookEventType> named(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
