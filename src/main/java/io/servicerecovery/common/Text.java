package io.servicerecovery.common;

/** What may be in text that the service accepts, and how text from outside is written into a log line. */
public final class Text {

    private static final int LOG_LIMIT = 300;

    private Text() {
    }

    /**
     * The index of the first character that is not allowed, or -1. Refused are C0 and C1 control characters
     * (CR, LF and tab only where {@code lineBreaks} allows them), U+2028 and U+2029 in single lines, and
     * unpaired surrogates, which no mail, database or JSON encoder can carry intact.
     */
    public static int firstUnsafe(String value, boolean lineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (lineBreak && lineBreaks) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL || (!lineBreaks && (c == '\u2028' || c == '\u2029'))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Text from a caller as one log line: control characters and line separators are escaped (so no one can
     * forge a log line), and long text is cut.
     */
    public static String forLog(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), LOG_LIMIT) + 16);
        for (int i = 0; i < text.length() && out.length() < LOG_LIMIT; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
                            || (Character.isSurrogate(c) && !pairedAt(text, i))) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (out.length() >= LOG_LIMIT && text.length() > LOG_LIMIT) {
            out.append("...");
        }
        return out.toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
