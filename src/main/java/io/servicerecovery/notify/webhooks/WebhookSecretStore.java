package io.servicerecovery.notify.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes and keeps subscription secrets. A secret is {@code whsec_} + base64 of 32 random bytes,
 * shown to the client once. With {@code recovery.webhooks.secrets-key} set it is stored
 * encrypted (AES-256-GCM, key = SHA-256 of the configured text), so a copy of the database
 * alone does not let anyone sign webhooks.
 */
@ApplicationScoped
public class WebhookSecretStore {

    static final String PREFIX = "whsec_";
    private static final String SEALED = "aesgcm:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final Optional<SecretKeySpec> key;

    public WebhookSecretStore(WebhookSettings settings) {
        this.key = settings.secretsKey().filter(k -> !k.isBlank()).map(WebhookSecretStore::derive);
    }

    public String newSecret() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** What goes into the database for this secret. */
    public String seal(String secret) {
        if (key.isEmpty()) {
            return secret;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    /** The secret behind what the database holds. */
    public String open(String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("The webhook secret is encrypted but recovery.webhooks.secrets-key is not set");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The webhook secret cannot be decrypted with the configured secrets key", e);
        }
    }

    private static SecretKeySpec derive(String text) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
