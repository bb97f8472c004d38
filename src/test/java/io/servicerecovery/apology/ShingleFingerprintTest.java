package io.servicerecovery.apology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The hashed fingerprint gives the same similarity as comparing the shingles as text, which is how the canned
 * check was first written and what {@link ApologyChecksTest} pins down in six languages.
 */
class ShingleFingerprintTest {

    private static final String SLOT = "\u0000";

    /** A small vocabulary, so that random texts share many shingles and the comparison is not trivial. */
    private static final List<String> VOCABULARY = List.of("sorry", "we", "late", "sofa", "delivery", "our",
            "mistake", "credit", "Ana", "Karin", "apologize", "the", "was", "fault", "ours", "day", "week", "promise");

    /** A draft to compare with {@code other}: half the time a near-copy, else random; mostly with a name slot. */
    private static List<String> draftAgainst(Random random, List<String> other) {
        List<String> draft = random.nextBoolean() ? mutate(random, other, VOCABULARY)
                : words(random, VOCABULARY, 2 + random.nextInt(40));
        if (random.nextInt(3) > 0) {
            slotName(draft, random.nextBoolean() ? "Ana" : "Karin");
        }
        return draft;
    }

    @Test
    void givesTheSameSimilarityAsComparingTheShinglesAsText() {
        Random random = new Random(20261123);
        int compared = 0;
        int similar = 0;
        for (int round = 0; round < 2_000; round++) {
            List<String> other = words(random, VOCABULARY, 2 + random.nextInt(40));
            List<String> draft = draftAgainst(random, other);
            double expected = textSimilarity(draft, other);
            double actual = ShingleFingerprint.of(other).similarity(ShingleFingerprint.draft(draft, SLOT));
            assertThat(actual).as("draft %s%nother %s", draft, other).isCloseTo(expected, within(1e-12));
            compared++;
            similar += expected >= ApologyChecks.CANNED_SIMILARITY ? 1 : 0;
        }
        assertThat(compared).isEqualTo(2_000);
        assertThat(similar).as("copies that reach the canned threshold").isGreaterThan(100);
    }

    @Test
    void theComparisonThatStopsEarlyKeepsEverySimilarityAtTheThresholdAndDropsOnlyThoseBelow() {
        Random random = new Random(20261130);
        double threshold = ApologyChecks.CANNED_SIMILARITY;
        int kept = 0;
        int dropped = 0;
        for (int round = 0; round < 5_000; round++) {
            List<String> other = words(random, VOCABULARY, 2 + random.nextInt(40));
            List<String> draft = draftAgainst(random, other);
            ShingleFingerprint fingerprint = ShingleFingerprint.of(other);
            long[] shingles = ShingleFingerprint.draft(draft, SLOT);
            double exact = fingerprint.similarity(shingles);
            double pruned = fingerprint.similarity(shingles, threshold);
            if (exact >= threshold) {
                assertThat(pruned).as("draft %s%nother %s", draft, other).isEqualTo(exact);
                kept++;
            } else {
                assertThat(pruned).as("draft %s%nother %s", draft, other).isZero();
                dropped += exact > 0 ? 1 : 0;
            }
        }
        assertThat(kept).as("pairs at or above the threshold").isGreaterThan(200);
        assertThat(dropped).as("pairs that share shingles but stay below it").isGreaterThan(200);
    }

    @Test
    void aSlotInTheDraftMatchesAnyNameButARealWordDoesNot() {
        List<String> other = List.of("karin", "we", "are", "sorry", "the", "sofa", "was", "late");
        List<String> copy = List.of(SLOT, "we", "are", "sorry", "the", "sofa", "was", "late");
        List<String> other2 = List.of("ana", "we", "are", "sorry", "the", "sofa", "was", "late");
        ShingleFingerprint fingerprint = ShingleFingerprint.of(other);
        assertThat(fingerprint.size()).isEqualTo(6);
        assertThat(fingerprint.similarity(ShingleFingerprint.draft(copy, SLOT))).isEqualTo(1.0);
        assertThat(fingerprint.similarity(ShingleFingerprint.draft(other2, SLOT))).isEqualTo(5.0 / 7);
    }

    @Test
    void textsShorterThanAShingleAreSimilarToNothing() {
        assertThat(ShingleFingerprint.of(List.of("sorry", "ana")).similarity(
                ShingleFingerprint.draft(List.of("sorry", "ana", "again"), SLOT))).isZero();
        assertThat(ShingleFingerprint.of(List.of("sorry", "ana", "again")).similarity(
                ShingleFingerprint.draft(List.of(), SLOT))).isZero();
    }

    // --- the text implementation, kept here as the reference --------------------------------------------------

    private static double textSimilarity(List<String> draftWords, List<String> otherWords) {
        Set<String> draft = shingles(draftWords);
        Set<String> other = shingles(otherWords);
        if (draft.isEmpty() || other.isEmpty()) {
            return 0;
        }
        Set<String> index = new HashSet<>(other);
        for (String shingle : other) {
            String[] words = shingle.split("\u0001", -1);
            for (int mask = 1; mask < 8; mask++) {
                String[] masked = words.clone();
                for (int i = 0; i < 3; i++) {
                    if ((mask & (1 << i)) != 0) {
                        masked[i] = SLOT;
                    }
                }
                index.add(String.join("\u0001", masked));
            }
        }
        long shared = draft.stream().filter(index::contains).count();
        double union = Math.max(Math.max(draft.size(), other.size()), draft.size() + other.size() - shared);
        return shared / union;
    }

    private static Set<String> shingles(List<String> words) {
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            shingles.add(String.join("\u0001", words.subList(i, i + 3)));
        }
        return shingles;
    }

    private static List<String> words(Random random, List<String> vocabulary, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return words;
    }

    /** A copy with a few words changed, inserted or dropped. */
    private static List<String> mutate(Random random, List<String> original, List<String> vocabulary) {
        List<String> copy = new ArrayList<>(original);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits && !copy.isEmpty(); e++) {
            int at = random.nextInt(copy.size());
            switch (random.nextInt(3)) {
                case 0 -> copy.set(at, vocabulary.get(random.nextInt(vocabulary.size())));
                case 1 -> copy.add(at, vocabulary.get(random.nextInt(vocabulary.size())));
                default -> copy.remove(at);
            }
        }
        return copy;
    }

    private static void slotName(List<String> words, String name) {
        words.replaceAll(w -> w.equals(name) ? SLOT : w);
    }
}
