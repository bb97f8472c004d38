package io.servicerecovery.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.servicerecovery.common.DomainException;

/**
 * The report's period from the {@code from} and {@code to} query parameters: ISO instants
 * ({@code 2026-11-01T00:00:00Z}) or dates ({@code 2026-11-01}, UTC). A date as {@code to} includes that whole
 * day. Without {@code to} the period ends now; without {@code from} it starts {@link #DEFAULT_LENGTH} before
 * its end.
 */
final class ReportPeriod {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    /** Longer periods are a mistake more often than a need, and make the budget comparison meaningless. */
    static final Duration LONGEST = Duration.ofDays(366 * 5);

    private ReportPeriod() {
    }

    static Instant[] of(String from, String to, Clock clock) {
        Instant end = to == null || to.isBlank() ? clock.instant() : parse("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_LENGTH) : parse("from", from, false);
        if (!start.isBefore(end)) {
            throw DomainException.invalid("from", "must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw DomainException.invalid("from", "the period may be at most " + LONGEST.toDays() + " days long");
        }
        return new Instant[] { start, end };
    }

    private static Instant parse(String name, String value, boolean endOfDay) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "must be an ISO 8601 instant (2026-11-01T00:00:00Z) or date (2026-11-01)");
        }
    }
}
