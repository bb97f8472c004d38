package io.servicerecovery.cases;

public enum FailureStage {
    PRE_PURCHASE, PURCHASE, POST_PURCHASE
}
