package io.servicerecovery.security.session;

/**
 * Where to go after signing in: a console page of this service, given as a path. Anything else (another host,
 * a scheme, "//", a backslash, control characters, the sign-in page itself) is ignored, so the sign-in form
 * can never be made to send a person elsewhere.
 */
public final class NextPage {

    private static final int MAX_LENGTH = 1000;

    private NextPage() {
    }

    /** The path if it is a console page to come back to, else null. */
    public static String of(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH) {
            return null;
        }
        boolean consolePage = candidate.equals("/console") || candidate.startsWith("/console/")
                || candidate.startsWith("/console?");
        if (!consolePage || candidate.startsWith("/console/login") || candidate.startsWith("/console/logout")
                || candidate.contains("\\") || candidate.contains("//")
                || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return candidate;
    }
}
