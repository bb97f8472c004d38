package io.servicerecovery.apology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.CaseRepository.ApologyRef;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The apologies a new apology must not copy: those given on other cases in the last
 * {@code recovery.apology.canned-window}, newest first, at most {@code recovery.apology.canned-sample}, as
 * {@link ShingleFingerprint}s.
 * <p>
 * An apology never changes once given, so its fingerprint is computed once and kept in a bounded cache, keyed by
 * the case, the time it was given and the language that tokenized it. Each check then reads only the ids of the
 * recent apologies and loads the texts it has not seen yet (usually none or one). Each replica keeps its own
 * cache; a replica that starts cold fills it on its first check. The cache holds derived data only: losing it
 * costs time, never a finding.
 */
@ApplicationScoped
public class RecentApologies {

    private final CaseRepository cases;
    private final ApologyChecks checks;
    private final Clock clock;
    private final Duration window;
    private final int sample;
    private final Cache<Key, ShingleFingerprint> fingerprints;

    public RecentApologies(CaseRepository cases, ApologyChecks checks, Clock clock, Settings settings) {
        this.cases = cases;
        this.checks = checks;
        this.clock = clock;
        this.window = settings.cannedWindow();
        this.sample = settings.cannedSample();
        this.fingerprints = Caffeine.newBuilder().maximumSize(settings.fingerprintCacheSize()).build();
    }

    /** Which apologies a new one is compared with, and how many fingerprints are kept. */
    @ConfigMapping(prefix = "recovery.apology")
    public interface Settings {
        /** Apologies of other cases from this period. */
        @WithDefault("P30D")
        Duration cannedWindow();

        /** At most this many of them. */
        @WithDefault("500")
        int cannedSample();

        @WithDefault("2000")
        long fingerprintCacheSize();
    }

    /** Fingerprints, in {@code locale}'s language, of the recent apologies of every case but {@code caseId}. */
    @Transactional
    public List<ShingleFingerprint> otherThan(UUID caseId, String locale) {
        String language = PhraseBook.language(locale);
        List<ApologyRef> refs = cases.recentApologies(caseId, clock.instant().minus(window), sample);
        List<ShingleFingerprint> found = new ArrayList<>(refs.size());
        List<UUID> missing = new ArrayList<>();
        for (ApologyRef ref : refs) {
            ShingleFingerprint known = fingerprints.getIfPresent(new Key(ref.caseId(), ref.apologizedAt(), language));
            if (known != null) {
                found.add(known);
            } else {
                missing.add(ref.caseId());
            }
        }
        if (!missing.isEmpty()) {
            Map<UUID, String> texts = cases.apologyTexts(missing);
            for (ApologyRef ref : refs) {
                String text = texts.get(ref.caseId());
                if (text != null) {
                    ShingleFingerprint made = checks.fingerprint(locale, text);
                    fingerprints.put(new Key(ref.caseId(), ref.apologizedAt(), language), made);
                    found.add(made);
                }
            }
        }
        return found;
    }

    /** The apology of a case as given at a time, tokenized for a language. */
    private record Key(UUID caseId, Instant apologizedAt, String language) {
    }
}
