package io.servicerecovery.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.servicerecovery.common.DomainException;

/**
 * A report's period, from {@code start} (inclusive) to {@code end} (exclusive), read in one of the two ways
 * people give it: the API's query parameters ({@link #of}) or the console's two date fields ({@link #ofDays}).
 * Both refuse a period that ends before it starts with the field and the reason.
 */
public record ReportPeriod(Instant start, Instant end) {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    /** Longer periods are a mistake more often than a need, and make the budget comparison meaningless. */
    static final Duration LONGEST = Duration.ofDays(366 * 5);

    /**
     * The API's {@code from} and {@code to}: ISO instants ({@code 2026-11-01T00:00:00Z}) or dates
     * ({@code 2026-11-01}, UTC). A date as {@code to} includes that whole day. Without {@code to} the period
     * ends now; without {@code from} it starts {@link #DEFAULT_LENGTH} before its end.
     */
    static ReportPeriod of(String from, String to, Clock clock) {
        Instant end = blank(to) ? clock.instant() : instant("to", to, true);
        Instant start = blank(from) ? end.minus(DEFAULT_LENGTH) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw DomainException.invalid("from", "must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw DomainException.invalid("from", "the period may be at most " + LONGEST.toDays() + " days long");
        }
        return new ReportPeriod(start, end);
    }

    /**
     * The console's two dates ({@code 2026-11-01}, UTC), both days included, so a period of one day has the
     * same date twice.
     */
    public static ReportPeriod ofDays(String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw DomainException.invalid("to", "must not be before from");
        }
        return new ReportPeriod(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whole days covered (a period of dates covers at least one). */
    public long days() {
        return Duration.between(start, end).toDays();
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
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

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "must be a date such as 2026-11-01");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
