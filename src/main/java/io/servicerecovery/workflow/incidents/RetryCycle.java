package io.servicerecovery.workflow.incidents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How many attempts a failedJobRetryTimeCycle gives: {@code R5/PT1M} five, {@code PT1M,PT5M,PT10M} three. */
final class RetryCycle {

    /** The engine's own default when a step has no cycle of its own. */
    static final int ENGINE_DEFAULT = 3;
    private static final Pattern REPEATING = Pattern.compile("R(\\d{1,4})/.+");

    private RetryCycle() {
    }

    static int attempts(String cycle) {
        if (cycle == null || cycle.isBlank()) {
            return ENGINE_DEFAULT;
        }
        Matcher repeating = REPEATING.matcher(cycle.strip());
        if (repeating.matches()) {
            return Math.max(1, Integer.parseInt(repeating.group(1)));
        }
        return (int) java.util.Arrays.stream(cycle.split(",")).filter(part -> !part.isBlank()).count();
    }
}
