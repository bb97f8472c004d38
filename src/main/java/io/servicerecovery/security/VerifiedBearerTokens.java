package io.servicerecovery.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token's signature once, not on every request that carries it.
 * <p>
 * A CRM and an agent's browser send the same token with every call until it expires, and checking an RS256
 * signature is the single most expensive thing a request does here: with the C1-only JIT the image runs (see
 * docs/operations.md), {@code BigInteger.modPow} has no intrinsic and took about a fifth of the service's CPU in
 * the benchmark. So the token the verifier accepted is remembered, keyed by its exact text, and served again
 * until its {@code exp} or {@code max-age}, whichever comes first; then it is verified again. Only accepted
 * tokens are remembered: a token whose text differs in one character (another signature, altered claims) is a
 * different key and goes through the full check. At most {@code max-size} tokens are kept per replica;
 * {@code max-size = 0} verifies every request.
 * <p>
 * The other calls of {@link JWTParser} (explicit keys, decryption) are passed through unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedBearerTokens implements JWTParser {

    /** How many verified tokens a replica keeps, and for how long at most (a key rotation is seen within it). */
    @ConfigMapping(prefix = "recovery.security.verified-tokens")
    public interface Settings {
        @WithDefault("1000")
        int maxSize();

        @WithDefault("5m")
        Duration maxAge();
    }

    private record Verified(JsonWebToken token, Instant until) {
    }

    private final JWTParser verifier;
    private final Clock clock;
    private final int maxSize;
    private final Duration maxAge;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedBearerTokens(DefaultJWTParser verifier, Clock clock, Settings settings) {
        this((JWTParser) verifier, clock, settings.maxSize(), settings.maxAge());
    }

    VerifiedBearerTokens(JWTParser verifier, Clock clock, int maxSize, Duration maxAge) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxSize = maxSize;
        this.maxAge = maxAge;
    }

    /** The bearer token of a request: verified by the configured key, issuer and audience, or known to be. */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken accepted = verifier.parse(token);
        remember(token, accepted, now);
        return accepted;
    }

    private void remember(String token, JsonWebToken accepted, Instant now) {
        if (maxSize <= 0 || accepted.getExpirationTime() <= 0) {
            return;
        }
        Instant expires = Instant.ofEpochSecond(accepted.getExpirationTime());
        Instant until = expires.isBefore(now.plus(maxAge)) ? expires : now.plus(maxAge);
        if (!now.isBefore(until)) {
            // Accepted only thanks to the allowed clock skew: verify it again next time.
            return;
        }
        if (verified.size() >= maxSize) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= maxSize) {
                // Full of tokens still valid: this one is verified each time, the others keep their place.
                return;
            }
        }
        verified.put(token, new Verified(accepted, until));
    }

    /** How many tokens are remembered now (for tests). */
    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
