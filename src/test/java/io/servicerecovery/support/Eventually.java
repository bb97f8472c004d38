package io.servicerecovery.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits for an asynchronous step (a job of the engine) to show its effect. Polls gently:
 * a tight loop would compete with the engine for the two cores.
 */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
