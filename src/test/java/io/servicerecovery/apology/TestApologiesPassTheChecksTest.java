package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.servicerecovery.testkit.Apologies;

/**
 * The suite's own apologies (support.Apologies, LocalizedApologyEmailTest) must pass the checks they run into, or
 * the flow tests would fail by chance. Checked exhaustively, not by sampling: every one of the
 * {@link Apologies#SPACE} generated apologies is a good apology, and no two of them are near copies.
 */
class TestApologiesPassTheChecksTest {

    private static final String DESCRIPTION = "The sofa arrived nine days late and the customer took a day off for nothing.";

    private final ApologyChecks checks = new ApologyChecks(new PhraseBook());

    @Test
    void everyGeneratedApologyPassesEveryCheck() {
        for (int n = 0; n < Apologies.SPACE; n++) {
            String text = Apologies.nth(n);
            assertThat(checks.check(draft(text), List.of())).as("apology %d: %s", n, text).isEmpty();
        }
    }

    @Test
    void noTwoGeneratedApologiesAreNearCopiesOfEachOther() {
        int count = Apologies.SPACE;
        List<ShingleFingerprint> given = new ArrayList<>(count);
        List<long[]> drafts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String text = Apologies.nth(n);
            given.add(checks.fingerprint("en", text));
            drafts.add(checks.draftShingles(draft(text)));
        }
        // Every ordered pair: the canned check compares a draft with apologies already given.
        double highest = IntStream.range(0, count).parallel().mapToDouble(i -> {
            double max = 0;
            for (int j = 0; j < count; j++) {
                if (i != j) {
                    max = Math.max(max, given.get(j).similarity(drafts.get(i)));
                }
            }
            return max;
        }).max().orElseThrow();
        assertThat(highest).as("highest similarity of two generated apologies")
                .isLessThan(ApologyChecks.CANNED_SIMILARITY);
        // ...and the same number always gives the same text, a different one another text.
        assertThat(Apologies.nth(5)).isEqualTo(Apologies.nth(5 + Apologies.SPACE)).isNotEqualTo(Apologies.nth(6));
    }

    @Test
    void theWordsOfOneNumberAreNeverTheWordsOfAnother() {
        assertThat(Apologies.words(0, 3)).isNotEqualTo(Apologies.words(1, 3));
        List<String> a = List.of(Apologies.words(41, LocalizedApologies.WORDS).split(" "));
        List<String> b = List.of(Apologies.words(42, LocalizedApologies.WORDS).split(" "));
        assertThat(a).doesNotHaveDuplicates().doesNotContainAnyElementsOf(b);
    }

    /**
     * The localized apologies share their fixture's text and differ in {@link LocalizedApologies#WORDS} words of
     * their own: every shingle touching those words is unique, which bounds the similarity of any two of them.
     * Two consecutive numbers reach that bound; it must stay below the canned threshold in every language.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.servicerecovery.apology.ApologyFixtures#all")
    void twoLocalizedApologiesAreNeverNearCopies(ApologyFixtures.Fixture language) {
        String first = LocalizedApologies.nth(language, 1000);
        String second = LocalizedApologies.nth(language, 1001);
        assertThat(checks.check(language.draft(first), List.of())).as(first).isEmpty();
        double similarity = checks.fingerprint(language.locale(), second)
                .similarity(checks.draftShingles(language.draft(first)));
        assertThat(similarity).as("similarity in " + language).isLessThan(ApologyChecks.CANNED_SIMILARITY - 0.1);
        assertThat(checks.check(language.draft(first), List.of(second))).isEmpty();
    }

    private static ApologyDraft draft(String text) {
        return new ApologyDraft("en", "Ana Ozola", "LATE_DELIVERY", DESCRIPTION, text);
    }
}
