package io.servicerecovery.apology;

import static io.servicerecovery.testkit.Apologies.words;

import io.servicerecovery.support.Apologies;

/**
 * A fixture's good apology made unique for one case: the fixture's text and a short case note of
 * {@link #WORDS} words that belong to its number alone ({@link Apologies#words}), numbered like
 * {@link Apologies#unique()} so that a database kept between runs never sees the same apology twice.
 */
final class LocalizedApologies {

    /** Enough unique words that two apologies of one fixture stay well below the canned threshold. */
    static final int WORDS = 12;

    private LocalizedApologies() {
    }

    static String unique(ApologyFixtures.Fixture language) {
        return nth(language, Apologies.next());
    }

    static String nth(ApologyFixtures.Fixture language, long n) {
        return language.good() + " (" + words(n, WORDS) + ")";
    }
}
