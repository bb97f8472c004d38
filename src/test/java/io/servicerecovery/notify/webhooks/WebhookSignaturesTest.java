package io.servicerecovery.notify.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    @Test
    void reproducesTheStandardWebhooksReferenceSignature() {
        // The published test vector: what any Standard Webhooks library verifies.
        String signature = WebhookSignatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationBothSecretsSignSeparatedByASpace() {
        String current = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String previous = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        long now = Instant.now().getEpochSecond();
        byte[] body = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

        String header = WebhookSignatures.header(List.of(current, previous), "e1", now, body);

        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(WebhookReceiver.verifies(current, "e1", Long.toString(now), body, header)).isTrue();
        assertThat(WebhookReceiver.verifies(previous, "e1", Long.toString(now), body, header)).isTrue();
        assertThat(WebhookReceiver.verifies(current, "e2", Long.toString(now), body, header)).isFalse();
    }
}
