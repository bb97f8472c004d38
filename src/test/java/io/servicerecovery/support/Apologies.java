package io.servicerecovery.support;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Personal apologies for test cases, as different from each other as real agents' are:
 * the service refuses a near-copy of another case's apology as canned, so a test suite
 * that sent the same text twice would be refused too. Each one names Ana, refers to the
 * late sofa, apologizes and owns the failure.
 */
public final class Apologies {

    private static final List<List<String>> SLOTS = List.of(
            List.of("Ana, I am truly sorry that your sofa arrived nine days late.",
                    "Ana, I am so sorry about the late delivery of your sofa.",
                    "I am sorry, Ana, that the delivery was more than a week late.",
                    "Ana, please accept my apology: your sofa came nine days late.",
                    "Ana, I apologize for the delay with your sofa delivery.",
                    "I am really sorry, Ana, that we kept you waiting nine days for the delivery."),
            List.of("That was our failure, not yours.",
                    "This is our mistake and I own it.",
                    "We made a promise we did not keep, and that is on us.",
                    "The fault is entirely ours.",
                    "We got this wrong and I take responsibility.",
                    "It was our mistake to give you a date we could not hold."),
            List.of("I have asked our carrier to explain what went wrong.",
                    "I checked the route plan myself this morning.",
                    "Our dispatch team now reviews every late order by hand.",
                    "I spoke with the warehouse lead about your order.",
                    "We changed how we confirm dates with the transport company.",
                    "I have flagged your address so it gets priority."),
            List.of("Your next delivery is tracked by me personally.",
                    "You will get a call from me before anything is shipped again.",
                    "I will keep an eye on every order you place with us this year.",
                    "You have my direct number for anything at all.",
                    "Next time you will hear from me before the driver leaves.",
                    "I will check in with you next week to hear how the sofa is."),
            List.of("Thank you for your patience with us.",
                    "I know your time matters and we wasted it.",
                    "You took a day off for nothing, and I understand how annoying that is.",
                    "Waiting at home for a delivery that never came is exhausting.",
                    "I can only imagine how frustrating those nine days were.",
                    "You deserved better than that from us."),
            List.of("Warm regards from the whole team.",
                    "Once again, my sincere apologies.",
                    "I hope we can make this right.",
                    "Please reply any time if something is still wrong.",
                    "Thank you for giving us another chance.",
                    "We want to earn back your trust."));

    private Apologies() {
    }

    public static String unique() {
        StringBuilder text = new StringBuilder();
        for (List<String> slot : SLOTS) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(slot.get(ThreadLocalRandom.current().nextInt(slot.size())));
        }
        return text.toString();
    }
}
