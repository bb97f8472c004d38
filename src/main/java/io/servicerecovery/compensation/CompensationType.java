package io.servicerecovery.compensation;

/** What the customer gets: a credit in money, a discount in percent, or nothing. */
public enum CompensationType {
    CREDIT,
    DISCOUNT_PERCENT,
    NONE
}
