package io.servicerecovery.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.servicerecovery.support.MovableClock;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The remembered tokens against the real smallrye-jwt verifier and the test key pair: a token is verified once,
 * never served after its exp or the max age, a token with another signature or other claims is verified (and
 * refused) in full, and the memory stays within its size.
 */
class VerifiedBearerTokensTest {

    static final String ISSUER = "https://auth.test.service-recovery";

    /** The verifier, counting the tokens it checks. */
    static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger verified = new AtomicInteger();

        CountingVerifier(JWTAuthContextInfo context) {
            super(context);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.incrementAndGet();
            return super.parse(token);
        }
    }

    private PrivateKey signingKey;
    private CountingVerifier verifier;
    private MovableClock clock;

    @BeforeEach
    void setUp() throws Exception {
        signingKey = KeyUtils.readPrivateKey("jwt/test-private-key.pem");
        JWTAuthContextInfo context = new JWTAuthContextInfo(KeyUtils.readPublicKey("jwt/test-public-key.pem"), ISSUER);
        context.setExpectedAudience(Set.of("service-recovery"));
        verifier = new CountingVerifier(context);
        clock = new MovableClock();
    }

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromMemory() throws Exception {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(verifier, clock, 10, Duration.ofMinutes(5));
        String token = token("crm-initech", Instant.now().plusSeconds(3600));

        assertEquals("crm-initech", tokens.parse(token).getName());
        assertEquals("crm-initech", tokens.parse(token).getName());
        assertEquals(Set.of("crm"), tokens.parse(token).getGroups());

        assertEquals(1, verifier.verified.get());
    }

    @Test
    void aRememberedTokenIsVerifiedAgainOnceItsExpHasPassed() throws Exception {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(verifier, clock, 10, Duration.ofMinutes(5));
        String token = token("crm-initech", clock.instant().plusSeconds(30));
        tokens.parse(token);

        clock.advance(Duration.ofSeconds(31));
        tokens.parse(token);

        assertEquals(2, verifier.verified.get(), "past its exp the verifier decides again");
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheMaxAge() throws Exception {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(verifier, clock, 10, Duration.ofMinutes(1));
        String token = token("crm-initech", Instant.now().plusSeconds(3600));
        tokens.parse(token);
        clock.advance(Duration.ofSeconds(59));
        tokens.parse(token);
        assertEquals(1, verifier.verified.get());

        clock.advance(Duration.ofSeconds(2));
        tokens.parse(token);
        assertEquals(2, verifier.verified.get());
    }

    @Test
    void aTokenWithAlteredClaimsOrAnotherSignatureIsRefusedThoughTheGenuineOneIsRemembered() throws Exception {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(verifier, clock, 10, Duration.ofMinutes(5));
        String genuine = token("crm-initech", Instant.now().plusSeconds(3600));
        tokens.parse(genuine);

        String[] parts = genuine.split("\\.");
        String otherClaims = token("crm-acme", Instant.now().plusSeconds(3600)).split("\\.")[1];
        assertThrows(ParseException.class, () -> tokens.parse(parts[0] + "." + otherClaims + "." + parts[2]));
        String otherSignature = (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        assertThrows(ParseException.class, () -> tokens.parse(parts[0] + "." + parts[1] + "." + otherSignature));
        assertThrows(ParseException.class, () -> tokens.parse(parts[0] + "." + parts[1] + "."));
        assertEquals(1, tokens.size(), "only the genuine token is remembered");
    }

    @Test
    void anExpiredTokenIsRefusedEveryTimeAndNeverRemembered() throws Exception {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(verifier, clock, 10, Duration.ofMinutes(5));
        String expired = token("crm-initech", Instant.now().minusSeconds(600));

        assertThrows(ParseException.class, () -> tokens.parse(expired));
        assertThrows(ParseException.class, () -> tokens.parse(expired));

        assertEquals(2, verifier.verified.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void atMostMaxSizeTokensAreRememberedAndExpiredOnesMakeRoom() throws Exception {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(verifier, clock, 2, Duration.ofMinutes(5));
        String first = token("agent-ana", clock.instant().plusSeconds(60));
        String second = token("agent-ben", Instant.now().plusSeconds(3600));
        String third = token("agent-zoe", Instant.now().plusSeconds(3600));
        tokens.parse(first);
        tokens.parse(second);
        tokens.parse(third);
        tokens.parse(third);
        assertEquals(2, tokens.size());
        assertEquals(4, verifier.verified.get(), "the third token does not fit: verified each time");

        clock.advance(Duration.ofSeconds(61));
        tokens.parse(third);
        tokens.parse(third);
        assertEquals(2, tokens.size());
        assertEquals(5, verifier.verified.get(), "the expired first token made room for the third");
    }

    @Test
    void maxSizeZeroVerifiesEveryRequest() throws Exception {
        VerifiedBearerTokens tokens = new VerifiedBearerTokens(verifier, clock, 0, Duration.ofMinutes(5));
        String token = token("crm-initech", Instant.now().plusSeconds(3600));
        tokens.parse(token);
        tokens.parse(token);
        assertEquals(2, verifier.verified.get());
        assertEquals(0, tokens.size());
    }

    private String token(String subject, Instant expiresAt) {
        return Jwt.issuer(ISSUER).audience("service-recovery").subject(subject).upn(subject).groups(Set.of("crm"))
                .issuedAt(Instant.now().minusSeconds(5)).expiresAt(expiresAt).sign(signingKey);
    }
}
