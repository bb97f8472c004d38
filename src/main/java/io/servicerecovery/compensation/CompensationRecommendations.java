package io.servicerecovery.compensation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.servicerecovery.common.Actor;
import io.servicerecovery.common.Money;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;

/** Keeps the matrix' recommendation for a case, turned into money or percent for that case. */
@ApplicationScoped
public class CompensationRecommendations {

    private final RecommendationRepository stored;
    private final Timeline timeline;
    private final Clock clock;

    public CompensationRecommendations(RecommendationRepository stored, Timeline timeline, Clock clock) {
        this.stored = stored;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** @param orderValue the case's order value, or null: a percent of it becomes the recommended credit */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recommendation record(UUID caseId, CompensationType matrixType, int matrixPercent, Money orderValue) {
        Recommendation recommendation = Recommendation.of(matrixType, matrixPercent,
                orderValue == null ? null : orderValue.amount(), orderValue == null ? null : orderValue.currency());
        StoredRecommendation row = stored.findById(caseId);
        boolean isNew = row == null;
        if (isNew) {
            row = new StoredRecommendation();
            row.caseId = caseId;
        }
        row.type = recommendation.type();
        row.amount = recommendation.amount();
        row.currency = recommendation.currency();
        row.matrixPercent = matrixPercent;
        row.recommendedAt = clock.instant();
        if (isNew) {
            stored.persist(row);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", recommendation.type().name());
        if (recommendation.amount() != null) {
            details.put("amount", recommendation.amount().toPlainString());
        }
        if (recommendation.currency() != null) {
            details.put("currency", recommendation.currency());
        }
        timeline.record(caseId, TimelineKind.COMPENSATION_RECOMMENDED, Actor.SYSTEM,
                "The compensation matrix recommends " + describe(recommendation), details);
        return recommendation;
    }

    public Optional<Recommendation> forCase(UUID caseId) {
        return stored.findByIdOptional(caseId)
                .map(s -> new Recommendation(s.type, s.amount, s.currency, s.matrixPercent));
    }

    private static String describe(Recommendation r) {
        return switch (r.type()) {
            case NONE -> "no compensation";
            case CREDIT -> "a credit of " + r.amount().toPlainString() + " " + r.currency();
            case DISCOUNT_PERCENT -> "a " + r.percent() + "% discount";
        };
    }
}
