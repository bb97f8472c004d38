package io.servicerecovery.console.manager;

import java.time.Duration;

/** Time spans as a person reads them on a page: "2 d 3 h", "3 h 20 min", "5 min", "−5 min" when past. */
final class Durations {

    private Durations() {
    }

    static String words(Duration d) {
        String sign = d.isNegative() ? "−" : "";
        Duration abs = d.abs();
        if (abs.toDays() > 0) {
            return sign + abs.toDays() + " d " + abs.toHoursPart() + " h";
        }
        if (abs.toHours() > 0) {
            return sign + abs.toHours() + " h " + abs.toMinutesPart() + " min";
        }
        return sign + abs.toMinutes() + " min";
    }
}
