package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits per level and each agent's level, from configuration. A first step: managed
 * limits with budgets and an audit trail replace this.
 */
@ConfigMapping(prefix = "recovery.empowerment")
public interface EmpowermentConfig {

    /** Limits by level name (AGENT, SENIOR_AGENT, TEAM_LEAD, MANAGER, DIRECTOR). */
    Map<String, LevelLimits> levels();

    /** Level by agent id; agents not listed are at {@link #defaultLevel()}. */
    Map<String, Level> agents();

    @WithDefault("AGENT")
    Level defaultLevel();

    interface LevelLimits {
        /** No cap at all (for example a director). */
        @WithDefault("false")
        boolean unlimited();

        @WithDefault("0")
        int maxDiscountPercent();

        /** The largest credit per case, by ISO 4217 currency. A currency not listed has no credit at this level. */
        Map<String, BigDecimal> maxCreditPerCase();
    }
}
