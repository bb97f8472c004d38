package io.servicerecovery.empowerment;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How empowerment behaves; the limits themselves live in the database and are managed through the API. */
@ConfigMapping(prefix = "recovery.empowerment")
public interface EmpowermentConfig {

    /** The level of someone who has no empowerment record yet. */
    @WithDefault("AGENT")
    Level defaultLevel();

    /** The currency whose limits apply to a discount on a case without an order value. */
    @WithDefault("EUR")
    String defaultCurrency();

    /**
     * The currencies the business trades in: the level form offers each one a level has no limits in, to be
     * added. Any currency some level has limits in is offered as well.
     */
    @WithDefault("EUR,SEK,DKK,NOK")
    java.util.List<String> currencies();

    /** How long an approval waits at a level before it escalates to the next, by level. */
    Map<String, Duration> escalateAfter();

    /**
     * A person made DIRECTOR at start-up when they have no empowerment record yet: how a
     * new installation gets its first manager, who then manages everyone else.
     */
    Optional<String> bootstrapDirector();
}
