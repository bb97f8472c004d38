package io.servicerecovery.console.manager;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;
import io.servicerecovery.empowerment.EffectiveLimits;
import io.servicerecovery.empowerment.EmpowermentViews.AuditView;
import io.servicerecovery.empowerment.LimitsInput;

/** How the manager pages write an audited empowerment document: one line a person can compare. */
@TemplateExtension
public final class ManagerFormat {

    private ManagerFormat() {
    }

    /** {@code {entry.beforeText}}: the audited value before the change ("—" for a person's first record). */
    static String beforeText(AuditView entry) {
        return limitsText(entry.oldValue());
    }

    /** {@code {entry.afterText}} */
    static String afterText(AuditView entry) {
        return limitsText(entry.newValue());
    }

    /**
     * The document as one line: "AGENT · EUR: credit ≤ 50.00, discount ≤ 10 %, budget 200.00 / 24 h";
     * a value left out reads "inherited" (an override) or "none" (a level).
     */
    private static String limitsText(Map<String, Object> document) {
        if (document == null) {
            return "—";
        }
        Object rows = document.containsKey("limits") ? document.get("limits") : document.get("overrides");
        String missing = document.containsKey("overrides") ? "inherited" : "none";
        String level = String.valueOf(document.getOrDefault("level", ""));
        if (!(rows instanceof List<?> list) || list.isEmpty()) {
            return level + (document.containsKey("overrides") ? " · no overrides" : "");
        }
        return level + " · " + list.stream().map(r -> row((Map<?, ?>) r, missing)).collect(Collectors.joining("; "));
    }

    // The fields of limits as text, "—" where a value is left out (no cap, or the level's for an override).
    // They take the limits, never the field, as their base: Qute cannot call an extension on a null value.

    static String creditText(LimitsInput limits) {
        return orDash(limits.maxCreditPerCase());
    }

    static String discountText(LimitsInput limits) {
        return limits.maxDiscountPercent() == null ? DASH : limits.maxDiscountPercent().toString();
    }

    static String budgetText(LimitsInput limits) {
        return orDash(limits.dailyBudget());
    }

    static String creditText(EffectiveLimits limits) {
        return orDash(limits.maxCreditPerCase());
    }

    static String discountText(EffectiveLimits limits) {
        return Integer.toString(limits.maxDiscountPercent());
    }

    static String budgetText(EffectiveLimits limits) {
        return orDash(limits.dailyBudget());
    }

    static String usedText(EffectiveLimits limits) {
        return orDash(limits.usedInWindow()) + " " + limits.currency();
    }

    private static final String DASH = "—";

    private static String orDash(java.math.BigDecimal amount) {
        return amount == null ? DASH : amount.toPlainString();
    }

    private static String row(Map<?, ?> limit, String missing) {
        return limit.get("currency") + ": credit ≤ " + or(limit.get("maxCreditPerCase"), missing)
                + ", discount ≤ " + (limit.get("maxDiscountPercent") == null ? missing : limit.get("maxDiscountPercent") + " %")
                + ", budget " + or(limit.get("dailyBudget"), missing) + " / 24 h";
    }

    private static String or(Object value, String missing) {
        return value == null ? missing : value.toString();
    }
}
