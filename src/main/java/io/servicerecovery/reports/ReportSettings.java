package io.servicerecovery.reports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the recovery report is computed ({@code recovery.reports.*}). */
@ConfigMapping(prefix = "recovery.reports")
public interface ReportSettings {

    /**
     * How many of the report's figure queries run at the same time, each on a connection of its own. They are
     * the report's whole cost (about 100 ms each over 100,000 cases) and independent, so on two cores two to
     * three at once halve the answer time; the pool is shared by every report request, so a burst of reports
     * never takes more than this many connections from the pool of 20.
     */
    @WithDefault("3")
    int parallelQueries();
}
