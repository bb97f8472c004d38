package io.servicerecovery.cases;

/** How bad the failure was; drives the SLA of every task and the base priority. */
public enum Severity {
    LOW(30),
    MEDIUM(50),
    HIGH(70),
    CRITICAL(90);

    private final int basePriority;

    Severity(int basePriority) {
        this.basePriority = basePriority;
    }

    public int basePriority() {
        return basePriority;
    }
}
