package io.servicerecovery.testkit;

import java.util.List;

/**
 * Personal apologies for the cases of the tests, the benchmark and the fault injection, as different from each
 * other as real agents' are: the service refuses a near-copy of a recent apology of another case as canned
 * (Jaccard index of 3-word shingles at or above 0.8 against the last 500, whoever the client and whatever the
 * language), so a run must never send two near copies within 500 apologies.
 * <p>
 * <b>Different by construction</b>: apology {@code n} takes one sentence from each of six banks of eight. The
 * first four choices are the digits of {@code n mod SPACE} (three in base 8, one in base 4), the fifth is their
 * sum mod 8, the sixth a weighted sum with odd weights mod 8; so two different numbers below {@link #SPACE}
 * differ in at least two whole sentences (three when one digit differs). {@code TestApologiesPassTheChecksTest}
 * checks all {@code SPACE} apologies against each other and against the checks, exhaustively. Two apologies
 * with the same number mod {@code SPACE} are {@code SPACE} apologies apart, far more than the 500 newest the
 * check looks at.
 * <p>
 * Every combination names Ana, refers to the late sofa, apologizes and owns the failure.
 */
public final class Apologies {

    /** Distinct apologies before the numbering wraps around (8 x 8 x 8 x 4). */
    public static final int SPACE = 2048;

    private static final List<List<String>> SENTENCES = List.of(
            List.of("Ana, I am truly sorry that your sofa reached you nine days after the promised date.",
                    "Ana, I am very sorry about the late delivery of your new sofa.",
                    "I am sorry, Ana, that your sofa delivery slipped by more than a week.",
                    "Ana, please accept my sincere apology for the nine day delay with your sofa.",
                    "Ana, I apologize that the sofa you ordered arrived so late.",
                    "I am so sorry, Ana, that you had to wait nine extra days for your sofa.",
                    "Ana, I want to apologize personally for how late your sofa was delivered.",
                    "I am genuinely sorry, Ana, that the delivery of your sofa ran nine days late."),
            List.of("That was our mistake and nothing you could have changed.",
                    "This one is entirely ours to fix, and I take responsibility for it.",
                    "We promised a date that we did not keep, and that is on us.",
                    "The fault lies with us, and I will not hide behind the carrier.",
                    "We got this wrong from the very start and I own it.",
                    "It was our error to confirm a delivery slot we could not honour.",
                    "I take full responsibility for the broken promise on your order.",
                    "We let you down on something simple, and that was our failure."),
            List.of("I have asked our transport partner for a written explanation of the delay.",
                    "This morning I went through the route plan for your area myself.",
                    "Our dispatch team now checks every late order by hand before it leaves.",
                    "I spoke with the warehouse manager about what happened to your order.",
                    "We have changed the way we confirm delivery dates with the haulier.",
                    "I have marked your address so that future orders get priority handling.",
                    "I raised it at our weekly operations review so it gets fixed for good.",
                    "The planning team has added a buffer day to every furniture route."),
            List.of("I will personally track your next delivery from the warehouse to your door.",
                    "You will get a call from me before anything is shipped to you again.",
                    "I will keep an eye on every order you place with us this year.",
                    "You can reach me directly on my own number for anything at all.",
                    "Next time you will hear from me before the driver even sets off.",
                    "I will check in with you next week to hear how the sofa is settling in.",
                    "If anything else goes wrong, write to me and I will answer the same day.",
                    "I have set a reminder to confirm your next order with you in person."),
            List.of("Thank you for being so patient with us through all of this.",
                    "I know your time matters, and we wasted a lot of it.",
                    "Taking a day off for a delivery that never came is maddening, and I understand.",
                    "Waiting at home day after day for a truck is exhausting.",
                    "I can only imagine how frustrating those nine days must have been.",
                    "You deserved far better service than the one we gave you.",
                    "Rearranging a whole week around our schedule was too much to ask.",
                    "I would have been just as upset in your place."),
            List.of("Warm regards from everyone on the customer care team.",
                    "Once again, please accept my sincere apologies.",
                    "I really hope we can make this right for you.",
                    "Please reply at any time if something still is not right.",
                    "Thank you for giving us another chance to do better.",
                    "We want to earn back your trust, one delivery at a time.",
                    "With kind regards and my personal thanks for your understanding.",
                    "I look forward to hearing from you soon."));

    private Apologies() {
    }

    /** Apology number {@code n} (see the class comment); {@code nth(a)} and {@code nth(b)} differ when a != b mod SPACE. */
    public static String nth(long n) {
        return nth(n, null);
    }

    /**
     * Apology number {@code n} with a sentence naming the case's reference (the benchmark's and the fault
     * injection's), which makes every apology of a run unique to its case.
     */
    public static String nth(long n, String caseReference) {
        int m = (int) Math.floorMod(n, SPACE);
        int[] choice = new int[6];
        choice[0] = m % 8;
        choice[1] = (m / 8) % 8;
        choice[2] = (m / 64) % 8;
        choice[3] = m / 512; // 0..3
        choice[4] = (choice[0] + choice[1] + choice[2] + choice[3]) % 8;
        choice[5] = (choice[0] + 3 * choice[1] + 5 * choice[2] + 7 * choice[3]) % 8;
        StringBuilder text = new StringBuilder();
        for (int bank = 0; bank < choice.length; bank++) {
            if (bank == 3 && caseReference != null) {
                text.append(" I have put a note on your case ").append(caseReference)
                        .append(" so that everyone here knows the full story.");
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(SENTENCES.get(bank).get(choice[bank]));
        }
        return text.toString();
    }

    /**
     * {@code count} words that belong to number {@code n} alone (lower-case Latin letters, fixed width), for
     * apologies in other languages: appended to a fixed apology they make every shingle that touches them unique
     * to {@code n}.
     */
    public static String words(long n, int count) {
        StringBuilder words = new StringBuilder();
        long value = Math.floorMod(n, 26L * 26 * 26 * 26 * 26 * 26);
        String number = base26(value, 6);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                words.append(' ');
            }
            words.append('q').append(number).append(base26(i, 2));
        }
        return words.toString();
    }

    private static String base26(long value, int width) {
        char[] letters = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            letters[i] = (char) ('a' + value % 26);
            value /= 26;
        }
        return new String(letters);
    }
}
