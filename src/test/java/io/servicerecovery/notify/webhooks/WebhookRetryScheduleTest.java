package io.servicerecovery.notify.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookRetryScheduleTest {

    private static final Duration BASE = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void theWaitDoublesFromFiveSecondsUpToAnHour() {
        // random = 0.5 is the middle of the jitter: no spread.
        assertThat(WebhookDeliveries.backoff(1, BASE, MAX, 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(WebhookDeliveries.backoff(2, BASE, MAX, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookDeliveries.backoff(5, BASE, MAX, 0.5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(WebhookDeliveries.backoff(10, BASE, MAX, 0.5)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(WebhookDeliveries.backoff(11, BASE, MAX, 0.5)).isEqualTo(MAX);
        assertThat(WebhookDeliveries.backoff(40, BASE, MAX, 0.5)).isEqualTo(MAX);
    }

    @Test
    void jitterSpreadsTheWaitByAFifthEitherWayButNeverBeyondTheCap() {
        assertThat(WebhookDeliveries.backoff(3, BASE, MAX, 0.0)).isEqualTo(Duration.ofSeconds(16));
        assertThat(WebhookDeliveries.backoff(3, BASE, MAX, 0.999999)).isBetween(Duration.ofMillis(23_999),
                Duration.ofSeconds(24));
        assertThat(WebhookDeliveries.backoff(11, BASE, MAX, 0.0)).isEqualTo(Duration.ofMinutes(48));
        assertThat(WebhookDeliveries.backoff(11, BASE, MAX, 0.999999)).isEqualTo(MAX);
    }
}
