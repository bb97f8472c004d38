package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.RepeatedTest;

import io.servicerecovery.support.Apologies;

/**
 * The suite's own apologies (support.Apologies) must pass the checks they run into, or
 * the flow tests would fail at random: every generated one is a good apology.
 */
class TestApologiesPassTheChecksTest {

    private final ApologyChecks checks = new ApologyChecks(new PhraseBook());

    @RepeatedTest(200)
    void everyGeneratedApologyPassesAndIsNotACopyOfAnother() {
        String first = Apologies.unique();
        String second = Apologies.unique();
        ApologyDraft draft = new ApologyDraft("en", "Ana Ozola", "LATE_DELIVERY",
                "The sofa arrived nine days late and the customer took a day off for nothing.", first);
        List<Finding> findings = checks.check(draft, first.equals(second) ? List.of() : List.of(second));
        assertThat(findings).as(first).isEmpty();
    }
}
