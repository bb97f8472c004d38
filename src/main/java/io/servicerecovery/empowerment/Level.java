package io.servicerecovery.empowerment;

import java.util.Arrays;
import java.util.List;

/** Empowerment levels, lowest first. The last three approve what lies above an agent's limits. */
public enum Level {
    AGENT(false),
    SENIOR_AGENT(false),
    TEAM_LEAD(true),
    MANAGER(true),
    DIRECTOR(true);

    private final boolean approving;

    Level(boolean approving) {
        this.approving = approving;
    }

    public boolean isApproving() {
        return approving;
    }

    public boolean isAtLeast(Level other) {
        return compareTo(other) >= 0;
    }

    public static List<Level> approvingLevels() {
        return Arrays.stream(values()).filter(Level::isApproving).toList();
    }

    /** The candidate group of the approval task for this level: this level and every level above it. */
    public List<String> approverGroupsFromHere() {
        return Arrays.stream(values()).filter(l -> l.isAtLeast(this)).map(Level::group).toList();
    }

    public String group() {
        return "level-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
