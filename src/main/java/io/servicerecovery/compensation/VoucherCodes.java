package io.servicerecovery.compensation;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Voucher codes customers type in: no look-alike characters (0/O, 1/I/L), grouped for
 * reading aloud on the phone, 60 bits of randomness so they cannot be guessed.
 */
@ApplicationScoped
public class VoucherCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder code = new StringBuilder("SR");
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
