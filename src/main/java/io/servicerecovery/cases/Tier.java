package io.servicerecovery.cases;

public enum Tier {
    STANDARD, SILVER, GOLD, PLATINUM
}
