package io.servicerecovery.console.manager;

import java.math.BigDecimal;

/**
 * What the proposing agent may still grant on their own today in the currency asked for, so that the
 * approver sees whether the ask is above the agent's power or only above what is left of their day.
 *
 * @param left what is left of the daily budget, or null when the agent has no daily budget in it
 * @param noLimits the agent's level has no limits in this currency at all: every credit in it needs approval
 */
public record BudgetLeft(String currency, BigDecimal left, boolean noLimits) {

    public boolean unlimited() {
        return !noLimits && left == null;
    }
}
