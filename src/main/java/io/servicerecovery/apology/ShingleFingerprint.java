package io.servicerecovery.apology;

import java.util.Arrays;
import java.util.List;

/**
 * The 3-word shingles of one apology as 64-bit hashes, ready to be compared with many drafts.
 * <p>
 * Why hashes: the canned check compares each new apology with up to 500 recent ones. Tokenizing those texts and
 * building string shingles on every call was a third of the service's CPU in the benchmark
 * (docs/performance.md). A fingerprint is computed once per apology and kept (see {@link RecentApologies});
 * comparing a draft with it is at most a few dozen binary searches. With 64-bit hashes and a few thousand distinct
 * shingles in play, a collision that changes a similarity is practically impossible.
 * <p>
 * The {@link #index} holds every shingle and its variants with any of the words replaced by the name slot, so a
 * draft whose customer's name was masked to the slot still matches a copy that names another customer.
 */
public final class ShingleFingerprint {

    /** Words per shingle: word order counts, but one edit does not hide a copy. */
    static final int SIZE = ApologyChecks.SHINGLE_SIZE;

    /** The hash of the name slot: even, while every {@link #wordHash} is odd, so no word can be the slot. */
    static final long NAME_SLOT = 0x6A09E667F3BCC908L;

    private static final long MIX = 0x9E3779B97F4A7C15L;

    /** Distinct shingles, sorted. Their number is this text's side of the Jaccard union. */
    private final long[] shingles;
    /** Distinct shingles and their name-slot variants, sorted. */
    private final long[] index;

    private ShingleFingerprint(long[] shingles, long[] index) {
        this.shingles = shingles;
        this.index = index;
    }

    /** The fingerprint of a text's words (as its language's tokenizer gives them). */
    public static ShingleFingerprint of(List<String> words) {
        long[] wordHashes = words.stream().mapToLong(ShingleFingerprint::wordHash).toArray();
        int count = Math.max(0, wordHashes.length - SIZE + 1);
        long[] shingles = new long[count];
        long[] index = new long[count << SIZE];
        int n = 0;
        for (int i = 0; i < count; i++) {
            shingles[i] = shingle(wordHashes, i, 0);
            for (int mask = 0; mask < (1 << SIZE); mask++) {
                index[n++] = shingle(wordHashes, i, mask);
            }
        }
        return new ShingleFingerprint(distinctSorted(shingles), distinctSorted(index));
    }

    /**
     * The distinct shingles of a draft, sorted; words equal to {@code nameSlot} become the name slot.
     *
     * @param words    the draft's words, the customer's name replaced by {@code nameSlot}
     * @param nameSlot the marker the caller used for the name
     */
    static long[] draft(List<String> words, String nameSlot) {
        long[] wordHashes = words.stream().mapToLong(w -> w.equals(nameSlot) ? NAME_SLOT : wordHash(w)).toArray();
        int count = Math.max(0, wordHashes.length - SIZE + 1);
        long[] shingles = new long[count];
        for (int i = 0; i < count; i++) {
            shingles[i] = shingle(wordHashes, i, 0);
        }
        return distinctSorted(shingles);
    }

    /**
     * Jaccard similarity of a draft's shingles and this text's, where a name slot in the draft matches any word.
     * The union counts a shingle of the draft that matched through the slot once, and never less than either
     * side on its own.
     */
    double similarity(long[] draft) {
        return similarity(draft, 0);
    }

    /**
     * {@link #similarity(long[])} where it is at least {@code atLeast}; below that, 0.
     * <p>
     * Why: a draft is compared with hundreds of recent apologies, and almost all of them share little with it.
     * Each shingle of the draft that this text lacks lowers the best similarity the pair can still reach, so
     * the comparison stops as soon as that falls below {@code atLeast} (for the canned check, after about a
     * tenth of the draft's shingles), and a text far longer than the draft is not searched at all.
     */
    double similarity(long[] draft, double atLeast) {
        int d = draft.length;
        int s = shingles.length;
        if (d == 0 || s == 0 || cannotReach(atLeast, d, s, 0)) {
            return 0;
        }
        int shared = 0;
        int misses = 0;
        int from = 0;
        // both sorted: each search starts where the previous one ended
        for (long shingle : draft) {
            int at = Arrays.binarySearch(index, from, index.length, shingle);
            if (at >= 0) {
                shared++;
                from = at + 1;
            } else {
                from = -at - 1;
                misses++;
                if (cannotReach(atLeast, d, s, misses)) {
                    return 0;
                }
            }
        }
        double union = Math.max(Math.max(d, s), d + s - shared);
        return shared / union;
    }

    /**
     * With {@code misses} of the draft's {@code d} shingles not found, at most {@code d - misses} are shared and
     * the union is at least {@code max(d, s + misses)}: whether even that stays below {@code atLeast}.
     */
    private static boolean cannotReach(double atLeast, int d, int s, int misses) {
        return d - misses < atLeast * Math.max(d, s + misses);
    }

    /** Number of distinct shingles (for tests). */
    int size() {
        return shingles.length;
    }

    /** The shingle starting at {@code start}, with the words whose bit is set in {@code slotMask} as the slot. */
    private static long shingle(long[] wordHashes, int start, int slotMask) {
        long h = 0;
        for (int i = 0; i < SIZE; i++) {
            long word = (slotMask & (1 << i)) != 0 ? NAME_SLOT : wordHashes[start + i];
            h = h * MIX + word;
        }
        return finish(h);
    }

    /** FNV-1a over the UTF-16 code units, finished with a strong mix so nearby words spread. */
    static long wordHash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return finish(h) | 1L; // odd: never the slot's even value
    }

    /** The MurmurHash3 64-bit finalizer. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long[] distinctSorted(long[] values) {
        if (values.length == 0) {
            return values;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
