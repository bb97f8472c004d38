package io.servicerecovery.notify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Header values built so that what a customer or CRM sent can never become a header of its own: text that
 * is not plain printable ASCII travels as RFC 2047 encoded words (UTF-8, base64, each word cut at a whole
 * character, so an emoji arrives whole), display names as quoted strings or encoded words, and anything
 * else that is put into a header must already be one line of printable ASCII.
 * <p>
 * The mail client the service uses encodes subjects one UTF-16 unit at a time (an emoji becomes "??") and
 * writes display names as comments; these values replace its own.
 */
public final class MailHeaders {

    /** Bytes per encoded word: base64 of 45 bytes is 60 characters, with "=?UTF-8?B?" and "?=" 72 (< 75). */
    private static final int WORD_BYTES = 45;
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+");

    private MailHeaders() {
    }

    /** An unstructured header value such as the Subject: as it is when that is safe, else encoded words. */
    public static String text(String value) {
        if (isPlainAscii(value) && !value.contains("=?") && value.length() <= 900 && !value.isBlank()) {
            return value;
        }
        return encodedWords(value);
    }

    /** A mailbox for From, To or Reply-To: {@code "Ana Ozola" <ana@example.com>}, or just the address. */
    public static String mailbox(String displayName, String address) {
        requireAddress(address);
        if (displayName == null || displayName.isBlank()) {
            return address;
        }
        if (isPlainAscii(displayName) && !displayName.contains("=?")) {
            return "\"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + address + ">";
        }
        return encodedWords(displayName) + " <" + address + ">";
    }

    /**
     * Splits {@code Name <address>} (as configured for the sender) into its two parts; a bare address has no
     * name. The address is the text in the last angle brackets.
     */
    public static String[] parseMailbox(String mailbox) {
        String trimmed = mailbox.strip();
        int open = trimmed.lastIndexOf('<');
        if (open >= 0 && trimmed.endsWith(">")) {
            String name = trimmed.substring(0, open).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            return new String[] { name, trimmed.substring(open + 1, trimmed.length() - 1).strip() };
        }
        return new String[] { "", trimmed };
    }

    /** A header the service adds itself (Message-ID, Content-Language): one line of printable ASCII or refused. */
    public static void requireSafe(String name, String value) {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a header name: " + name.length() + " characters");
        }
        if (value == null || !isPlainAscii(value)) {
            throw new IllegalArgumentException("Header " + name + " must be one line of printable ASCII");
        }
    }

    static void requireAddress(String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("Not a plain e-mail address");
        }
    }

    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** RFC 2047 B-encoded words, folded onto continuation lines; a word never splits a character. */
    static String encodedWords(String value) {
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        int wordBytes = 0;
        for (int i = 0; i < value.length();) {
            int codePoint = value.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            if (wordBytes + bytes > WORD_BYTES) {
                appendWord(out, word);
                word.setLength(0);
                wordBytes = 0;
            }
            word.append(character);
            wordBytes += bytes;
            i += Character.charCount(codePoint);
        }
        if (!word.isEmpty() || out.isEmpty()) {
            appendWord(out, word);
        }
        return out.toString();
    }

    private static void appendWord(StringBuilder out, CharSequence word) {
        if (!out.isEmpty()) {
            out.append("\n "); // folding; the mail client sends it as CRLF SP
        }
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(word.toString().getBytes(StandardCharsets.UTF_8)))
                .append("?=");
    }
}
