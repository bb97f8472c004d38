package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides whether a compensation lies inside someone's empowerment and, when it does
 * not, which approving level is the lowest that may approve it.
 */
@ApplicationScoped
public class EmpowermentService {

    private final EmpowermentConfig config;

    public EmpowermentService(EmpowermentConfig config) {
        this.config = config;
    }

    public Level levelOf(String userId) {
        return config.agents().getOrDefault(userId, config.defaultLevel());
    }

    public Limits limitsOf(Level level) {
        EmpowermentConfig.LevelLimits configured = config.levels().get(level.name());
        if (configured == null) {
            // A level nobody configured may grant nothing on its own.
            return new Limits(level, false, 0, Map.of());
        }
        return new Limits(level, configured.unlimited(), configured.maxDiscountPercent(),
                Map.copyOf(configured.maxCreditPerCase()));
    }

    public Limits limitsOfUser(String userId) {
        return limitsOf(levelOf(userId));
    }

    /** Whether {@code level} may grant this on its own. NONE is always inside. */
    public boolean covers(Level level, Ask ask) {
        Limits limits = limitsOf(level);
        return switch (ask.kind()) {
            case NONE -> true;
            case CREDIT -> limits.coversCredit(ask.amount(), ask.currency());
            case DISCOUNT_PERCENT -> limits.coversDiscount(ask.amount());
        };
    }

    /** The lowest approving level whose limits cover the ask; the top level when none does. */
    public Level lowestApproverFor(Ask ask) {
        return Level.approvingLevels().stream()
                .filter(level -> covers(level, ask))
                .findFirst()
                .orElse(Level.DIRECTOR);
    }

    /** A compensation being asked for: for a discount the amount is the percent. */
    public record Ask(Kind kind, BigDecimal amount, String currency) {
        public enum Kind {
            CREDIT,
            DISCOUNT_PERCENT,
            NONE
        }
    }
}
