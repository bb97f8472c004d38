package io.servicerecovery.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class JobLockTimeTest {

    @Test
    void theDefaultSendTimeoutFitsTheDefaultLock() {
        assertThatCode(() -> JobLockTime.requireSendWithinLock(Duration.ofSeconds(30), Duration.ofSeconds(45)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSendThatMayOutlastTheLockStopsTheStart() {
        assertThatThrownBy(() -> JobLockTime.requireSendWithinLock(Duration.ofSeconds(41), Duration.ofSeconds(45)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recovery.mail.send-timeout (PT41S)")
                .hasMessageContaining("email twice");
    }
}
