package io.servicerecovery.apology;

import io.servicerecovery.apology.Lexicon.Unit;

/**
 * Who a fault word is bound to: the nearest first person, customer or third party before it in its clause (the
 * subject, or a possessive: "we failed", "our mistake"), else the nearest after it ("the mistake was ours", "the
 * blame lies with our team", "виноваты мы"). Object pronouns, possessives of a noun and reflexives are told apart
 * from subjects here ("мы вас подвели", "your order was wrong", "я считаю это своим промахом").
 */
final class PartyBinding {

    /** How far back a subject or possessive is looked for. */
    static final int BACK_WINDOW = 8;
    /**
     * How far ahead ("the mistake was entirely and only ours"); the fault noun may carry its own complement first
     * ("the responsibility for your lost evening rests with us", "ansvaret för den förlorade kvällen ligger hos oss").
     */
    static final int FORWARD_WINDOW = 8;

    private PartyBinding() {
    }

    /** The nearest party before the fault word, or -1. */
    static int backward(ScopedClause c, int i) {
        for (int j = i - 1; j >= 0 && i - j <= BACK_WINDOW; j--) {
            Unit u = c.unit(j);
            if (u.is(Role.REFLEXIVE)) {
                return subjectOf(c, j);
            }
            if (u.is(Role.SUBJECT) && j > 0 && isParty(c.unit(j - 1))) {
                continue; // "мы всё испортили", "mēs visu sabojājām": after the subject, "all" is the object
            }
            if (u.is(Role.APOLOGY, Role.SUBJECT)) {
                return -1;
            }
            if (u.is(Role.CUSTOMER_AFTER)) {
                continue; // "คำสั่งซื้อของคุณ": the customer owns the noun before, and is not the subject
            }
            if (u.is(Role.CUSTOMER_BEFORE) && i - j > 1) {
                continue; // "your order was wrong": your goes with order, not with the fault
            }
            if (u.is(Role.CUSTOMER) && i - j > Responsibility.CUSTOMER_WINDOW) {
                continue;
            }
            if (u.is(Role.CUSTOMER) && j > 0
                    && c.unit(j - 1).is(Role.FIRST_PERSON, Role.FIRST_PERSON_ALONE, Role.THIRD_PARTY)) {
                return j - 1; // "мы вас подвели", "mēs jūs pievīlām": we are the subject, the customer the object
            }
            if (u.is(Role.CUSTOMER) && j > 1 && c.unit(j - 2).is(Role.FIRST_PERSON_BEFORE, Role.FIRST_PERSON_ALONE)
                    && !isParty(c.unit(j - 1))) {
                return j - 2; // "наша сеть вас подвела", "mūsu tīkls jūs pievīla": our network, the customer
            }
            if (isParty(u)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The nearest party after the fault word, or -1: "ours", "us", the courier, "with our team"; not "your", as
     * "the mistake with your order" puts nothing on the customer.
     */
    static int forward(ScopedClause c, int i, int window) {
        for (int j = i + 1; j < c.units.size() && j - i <= window; j++) {
            Unit u = c.unit(j);
            if (u.is(Role.APOLOGY)) {
                return -1;
            }
            if (u.is(Role.FIRST_PERSON_ALONE, Role.FIRST_PERSON_BEFORE)) {
                int owned = ownedThirdParty(c, j);
                if (owned >= 0) {
                    return owned; // "the fault was with our hosting provider": theirs, not ours
                }
            }
            if (u.is(Role.FIRST_PERSON, Role.FIRST_PERSON_ALONE, Role.FIRST_PERSON_BEFORE, Role.CUSTOMER,
                    Role.CUSTOMER_AFTER, Role.THIRD_PARTY)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The subject a reflexive possessive at {@code j} refers to: the nearest person before it in the clause, past
     * an object ("я считаю это своим промахом"), or -1.
     */
    private static int subjectOf(ScopedClause c, int j) {
        for (int k = j - 1; k >= 0; k--) {
            if (c.unit(k).is(Role.APOLOGY)) {
                return -1;
            }
            if (c.unit(k).is(Role.FIRST_PERSON, Role.FIRST_PERSON_ALONE, Role.CUSTOMER, Role.THIRD_PARTY)) {
                return k;
            }
        }
        return -1;
    }

    /** A third party that a possessive at {@code j} goes with ("our (hosting) provider"), or -1. */
    private static int ownedThirdParty(ScopedClause c, int j) {
        for (int k = j + 1; k < c.units.size() && k - j <= 2; k++) {
            if (c.unit(k).is(Role.THIRD_PARTY)) {
                return k;
            }
            if (c.unit(k).role() != null) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isParty(Unit u) {
        return u.is(Role.FIRST_PERSON, Role.FIRST_PERSON_ALONE, Role.FIRST_PERSON_BEFORE, Role.CUSTOMER,
                Role.CUSTOMER_BEFORE, Role.CUSTOMER_AFTER, Role.THIRD_PARTY);
    }
}
