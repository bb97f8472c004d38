package io.servicerecovery.notify.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256>} with the decoded key of a
 * {@code whsec_} secret over {@code <webhook-id>.<webhook-timestamp>.<raw body>}; several
 * signatures (during a secret rotation) are separated by spaces.
 */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    /** The webhook-signature header: one signature per secret, in the order given. */
    public static String header(List<String> secrets, String messageId, long timestamp, byte[] body) {
        return secrets.stream().map(secret -> sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    public static String sign(String secret, String messageId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyOf(secret), "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a webhook", e);
        }
    }

    private static byte[] keyOf(String secret) {
        if (!secret.startsWith(WebhookSecretStore.PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + WebhookSecretStore.PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(WebhookSecretStore.PREFIX.length()));
    }
}
