package io.servicerecovery.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves forward instead of waiting a day or a month. Install it for one test with
 * {@code QuarkusMock.installMockForType(clock, Clock.class)}.
 */
public final class MovableClock extends Clock {

    // Microseconds, as the service's own clock and the databases keep them: what is stored reads back equal.
    private volatile Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
