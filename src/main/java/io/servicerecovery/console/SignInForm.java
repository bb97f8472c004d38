package io.servicerecovery.console;

/**
 * What the sign-in page shows.
 *
 * @param refusal why the last attempt did not sign in, or null: failed (wrong name or password), held (too many
 *        attempts, with {@code minutes}), expired (the page was too old or came from elsewhere)
 * @param signedInAs the name of the person whose session this browser holds, when someone else signs in: the
 *        page asks before replacing it
 * @param token the sign-in form's own CSRF token (SignInPage)
 * @param next the console page to go on to afterwards, or null
 */
public record SignInForm(String lang, String refusal, long minutes, String user, String signedInAs, String token,
        String next) {

    public boolean asksToReplace() {
        return signedInAs != null;
    }
}
