package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Problem;
import io.servicerecovery.common.Wording;

/**
 * The rules every change of limits obeys: one entry per currency, nobody gives more than
 * they have, and a lower level never has more than a higher one.
 */
@ApplicationScoped
public class LimitRules {

    private final EntityManager em;
    private final EmpowermentService empowerment;

    public LimitRules(EntityManager em, EmpowermentService empowerment) {
        this.em = em;
        this.empowerment = empowerment;
    }

    static Map<String, LimitsInput> byCurrency(List<LimitsInput> limits, String field) {
        Map<String, LimitsInput> byCurrency = new LinkedHashMap<>();
        for (LimitsInput limit : limits) {
            if (byCurrency.put(limit.currency(), limit) != null) {
                throw DomainException.invalid(field, "lists " + limit.currency() + " twice")
                        .worded(Wording.of("limits.twice", limit.currency()));
            }
        }
        return byCurrency;
    }

    /**
     * Nobody gives more than they have: every field at most the manager's own effective value. A manager with no
     * limits in the currency gives none in it (a DIRECTOR has limits in every currency, so adds any).
     */
    void notAboveOwn(String manager, LimitsInput limits, String field) {
        String currency = limits.currency();
        Optional<EffectiveLimits> own = empowerment.effectiveLimits(manager, currency);
        if (own.isEmpty()) {
            throw DomainException.notAllowed("You have no limits in " + currency + " and cannot give any.")
                    .worded(Wording.of("limits.none-own", currency));
        }
        EffectiveLimits mine = own.get();
        if (above(limits.maxCreditPerCase(), mine.maxCreditPerCase())) {
            throw aboveOwn(field + ".maxCreditPerCase", "is above your own limit.", limits.maxCreditPerCase(),
                    money(mine.maxCreditPerCase(), currency));
        }
        if (limits.maxDiscountPercent() != null && limits.maxDiscountPercent() > mine.maxDiscountPercent()) {
            throw aboveOwn(field + ".maxDiscountPercent", "is above your own limit.", limits.maxDiscountPercent(),
                    mine.maxDiscountPercent() + " %");
        }
        if (above(limits.dailyBudget(), mine.dailyBudget())) {
            throw aboveOwn(field + ".dailyBudget", "is above your own budget.", limits.dailyBudget(),
                    money(mine.dailyBudget(), currency));
        }
    }

    /** Left out is "none", above any number: said as such, not as a number that is too high. */
    private static DomainException aboveOwn(String path, String english, Object given, String own) {
        Wording.Field field = new Wording.Field(path);
        return DomainException.notAllowed(path + " " + english)
                .worded(given == null ? Wording.of("limits.none-above-own", field, own)
                        : Wording.of("limits.above-own", field, own));
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.toPlainString() + " " + currency;
    }

    /** Null is "no cap": above any number. */
    private static boolean above(BigDecimal value, BigDecimal cap) {
        if (cap == null) {
            return false;
        }
        return value == null || value.compareTo(cap) > 0;
    }

    /** Lower levels never have more than higher ones, in any currency and any field. */
    void checkOrder(Level level, Map<String, LimitsInput> proposed) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<Wording> wordings = new ArrayList<>();
        for (LevelRecord other : em.createQuery("from LevelRecord", LevelRecord.class).getResultList()) {
            if (other.level == level) {
                continue;
            }
            Set<String> currencies = new HashSet<>(proposed.keySet());
            other.limits.forEach(l -> currencies.add(l.currency));
            for (String currency : currencies) {
                LimitsInput mine = proposed.get(currency);
                LevelLimit theirs = other.limits.stream().filter(l -> l.currency.equals(currency)).findFirst()
                        .orElse(null);
                // The top level has no limit in a currency it stores nothing for.
                LimitsInput theirInput = theirs == null && other.level == Level.DIRECTOR
                        ? new LimitsInput(currency, null, 100, null) : input(theirs);
                LimitsInput lower = other.level.compareTo(level) < 0 ? theirInput : mine;
                LimitsInput higher = other.level.compareTo(level) < 0 ? mine : theirInput;
                if (lower == null) {
                    continue;
                }
                String lowerLevel = other.level.compareTo(level) < 0 ? other.level.name() : level.name();
                String higherLevel = other.level.compareTo(level) < 0 ? level.name() : other.level.name();
                if (higher == null) {
                    violations.add(new Problem.Violation("limits", lowerLevel + " has limits in " + currency
                            + " but " + higherLevel + " has none"));
                    wordings.add(Wording.of("limits.higher-has-none", lower(other.level, level), higher(other.level,
                            level), currency));
                } else if (aboveOrUnlimited(lower.maxCreditPerCase(), higher.maxCreditPerCase())
                        || lower.maxDiscountPercent() > higher.maxDiscountPercent()
                        || aboveOrUnlimited(lower.dailyBudget(), higher.dailyBudget())) {
                    violations.add(new Problem.Violation("limits[" + currency + "]",
                            lowerLevel + " would have more than " + higherLevel + " in " + currency));
                    wordings.add(Wording.of("limits.more-than-higher", lower(other.level, level),
                            higher(other.level, level), currency));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Refused("limits-out-of-order", "Limits out of order",
                    "A lower level may never have higher limits than a higher level.", violations)
                    .worded(wordings.toArray(Wording[]::new));
        }
    }

    private static Level lower(Level a, Level b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static Level higher(Level a, Level b) {
        return a.compareTo(b) < 0 ? b : a;
    }

    private static boolean aboveOrUnlimited(BigDecimal lower, BigDecimal higher) {
        if (higher == null) {
            return false;
        }
        return lower == null || lower.compareTo(higher) > 0;
    }

    static LimitsInput input(LevelLimit limit) {
        return limit == null ? null
                : new LimitsInput(limit.currency, limit.maxCreditPerCase, limit.maxDiscountPercent, limit.dailyBudget);
    }

    static LimitsInput merged(LevelLimit base, LimitsInput override) {
        return new LimitsInput(base.currency,
                override.maxCreditPerCase() != null ? override.maxCreditPerCase() : base.maxCreditPerCase,
                override.maxDiscountPercent() != null ? override.maxDiscountPercent() : base.maxDiscountPercent,
                override.dailyBudget() != null ? override.dailyBudget() : base.dailyBudget);
    }

    static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }
}
