package io.servicerecovery.security.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The hold after too many failed sign-ins grows with each further failure and never passes its maximum. */
class SignInThrottleHoldTest {

    @Test
    void theHoldDoublesUpToFifteenMinutes() {
        SignInThrottle throttle = new SignInThrottle(null, null, new Settings());
        assertThat(throttle.hold(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.hold(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.hold(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(throttle.hold(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.hold(10_000)).isEqualTo(Duration.ofMinutes(15));
    }

    /** The defaults of application.properties. */
    private static final class Settings implements ConsoleSettings, ConsoleSettings.Throttle {
        public boolean formSignIn() {
            return true;
        }

        public Duration sessionLifetime() {
            return Duration.ofHours(8);
        }

        public Optional<String> csrfKey() {
            return Optional.empty();
        }

        public Optional<String> publicUrl() {
            return Optional.empty();
        }

        public Throttle throttle() {
            return this;
        }

        public int userFailures() {
            return 5;
        }

        public int addressFailures() {
            return 20;
        }

        public Duration delay() {
            return Duration.ofSeconds(30);
        }

        public Duration maxDelay() {
            return Duration.ofMinutes(15);
        }

        public Duration window() {
            return Duration.ofHours(1);
        }
    }
}
