package io.servicerecovery.bench;

import java.util.List;

/**
 * Personal apologies for the benchmark's cases (customer Ana, a sofa delivered nine days
 * late), as different from each other as real agents' are: the service refuses a
 * near-copy of a recent apology of another case as canned (Jaccard index of 3-word
 * shingles at or above 0.8 against the last 500).
 * <p>
 * Apology {@code n} takes one sentence from each of six banks of eight. The first five
 * choices are the base-8 digits of a bijective scramble of {@code n}, the sixth is their
 * sum modulo 8, so any two apologies with {@code n < 32768} differ in at least two whole
 * sentences (well below 0.8). A sentence naming the case's reference makes each one unique.
 * Every combination names the customer, refers to the late delivery, apologizes and owns it.
 */
public final class Apologies {

    private static final int BANKS = 6;
    private static final int OPTIONS = 8;
    private static final int SPACE = 32768; // 8^5

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

    /** The n-th apology of a run, for the case with this CRM reference. */
    public static String nth(long n, String caseReference) {
        int m = (int) ((Math.floorMod(n, SPACE) * 7919L + 12345L) % SPACE); // odd multiplier: a bijection of 0..2^15-1
        StringBuilder text = new StringBuilder();
        int sum = 0;
        for (int bank = 0; bank < BANKS; bank++) {
            int choice;
            if (bank < BANKS - 1) {
                choice = m % OPTIONS;
                m /= OPTIONS;
                sum += choice;
            } else {
                choice = sum % OPTIONS;
            }
            if (bank == 3) {
                text.append(" I have put a note on your case ").append(caseReference)
                        .append(" so that everyone here knows the full story.");
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(SENTENCES.get(bank).get(choice));
        }
        return text.toString();
    }
}
