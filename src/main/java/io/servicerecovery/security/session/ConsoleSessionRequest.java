package io.servicerecovery.security.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The console's session cookie, to be looked up in the database (FormSessionIdentityProvider). */
final class ConsoleSessionRequest extends BaseAuthenticationRequest {

    private final String secret;

    ConsoleSessionRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
