package io.servicerecovery.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Json;
import io.servicerecovery.common.Text;
import io.servicerecovery.common.TransactionConflict;

/**
 * Case creation as a CRM experiences it: retries with the same Idempotency-Key are safe,
 * and an externalRef opens at most one case per CRM client, even under concurrency.
 */
@ApplicationScoped
public class CaseIntake {

    private static final Logger LOG = Logger.getLogger(CaseIntake.class);

    private final CaseService cases;
    private final CaseRepository repository;
    private final IdempotencyKeys keys;
    private final CaseCreationRateLimit rateLimit;
    private final Json json;
    private final ObjectMapper canonical;

    public CaseIntake(CaseService cases, CaseRepository repository, IdempotencyKeys keys,
            CaseCreationRateLimit rateLimit, Json json) {
        this.cases = cases;
        this.repository = repository;
        this.keys = keys;
        this.rateLimit = rateLimit;
        this.json = json;
        this.canonical = json.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** What became of a request to open a case: a case opened now, or the answer of the key's first request again. */
    public enum Outcome {
        CREATED, REPLAYED
    }

    public record Answer(Outcome outcome, String body, java.util.UUID caseId) {
    }

    public Answer open(String clientId, String idempotencyKey, OpenCaseRequest request) {
        String hash = fingerprint(request);
        // Only a request that would open a case counts against the rate limit: a replay, a reused key and a retry
        // in flight take no token. A refusal (429) rolls the claim back with it, so the key stays free.
        IdempotencyKeys.Claim claim = keys.claim(clientId, idempotencyKey, hash,
                () -> rateLimit.acquireInCurrentTransaction(clientId));
        if (claim instanceof IdempotencyKeys.Replay replay) {
            return new Answer(Outcome.REPLAYED, replay.body(), replay.caseId());
        }
        if (claim instanceof IdempotencyKeys.Mismatch) {
            throw new DomainException.Refused("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request body.", java.util.List.of());
        }
        if (claim instanceof IdempotencyKeys.InFlight) {
            throw IdempotencyKeys.inFlight(
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        IdempotencyKeys.Claimed claimed = (IdempotencyKeys.Claimed) claim;
        try {
            return openCase(clientId, idempotencyKey, claimed, request);
        } catch (RuntimeException failure) {
            try {
                keys.release(clientId, idempotencyKey, claimed);
            } catch (RuntimeException notReleased) {
                // The database went away meanwhile: answer for the first failure (a 503 then); the key is
                // taken over once its in-flight timeout has passed.
                failure.addSuppressed(notReleased);
                throw failure;
            }
            throw explain(clientId, request, failure);
        }
    }

    /** How often the case's transaction runs when the database rolls it back for a collision. */
    static final int ATTEMPTS_ON_CONFLICT = 3;

    /**
     * The case, its process and the key's answer in one transaction. A deadlock or serialization failure
     * rolls all of it back, so the transaction simply runs again (the key stays claimed by this request).
     */
    private Answer openCase(String clientId, String idempotencyKey, IdempotencyKeys.Claimed claimed,
            OpenCaseRequest request) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    CaseView view = cases.open(clientId, request);
                    String body = json.write(view);
                    keys.complete(clientId, idempotencyKey, claimed, body, view.id());
                    return new Answer(Outcome.CREATED, body, view.id());
                });
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS_ON_CONFLICT || !TransactionConflict.causedBy(failure)) {
                    throw failure;
                }
                LOG.infof("Case of %s collided with another transaction (attempt %d); running it again",
                        Text.forLog(request.externalRef()), attempt);
            }
        }
    }

    /**
     * A concurrent request with another key may have taken the externalRef after our check:
     * the unique constraint stops it, and the client learns which case has it.
     */
    private RuntimeException explain(String clientId, OpenCaseRequest request, RuntimeException failure) {
        if (failure instanceof DomainException) {
            return failure;
        }
        Optional<RecoveryCase> existing = QuarkusTransaction.requiringNew()
                .call(() -> repository.findByExternalRef(clientId, request.externalRef()));
        return existing.<RuntimeException>map(c -> cases.externalRefTaken(c.id)).orElse(failure);
    }

    /** SHA-256 of the request in canonical form: the same request, however formatted, has one fingerprint. */
    String fingerprint(OpenCaseRequest request) {
        try {
            byte[] canonicalJson = canonical.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
