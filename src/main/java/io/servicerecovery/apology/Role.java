package io.servicerecovery.apology;

/** What a unit of text does for the ownership and blame checks. */
enum Role {
    /** we, I; binds a fault before or after it. */
    FIRST_PERSON,
    /** ours, us, vårt, нас: also stands for "our fault" in a short clause ("..., not ours"). */
    FIRST_PERSON_ALONE,
    /** our, my: binds only a fault after it ("our mistake"). */
    FIRST_PERSON_BEFORE,
    CUSTOMER,
    /**
     * свой, savs: the possessive of the clause's own subject, whoever that is ("я считаю это своим промахом");
     * it binds a fault after it to the subject before it.
     */
    REFLEXIVE,
    /** your: binds only the fault right after it ("your fault"). */
    CUSTOMER_BEFORE,
    /**
     * Thai ของคุณ (of you) after its noun: binds a fault before it ("ความผิดของคุณ", your fault), but is never
     * the subject of one after it ("ทางเราทำคำสั่งซื้อของคุณพัง": we broke your order).
     */
    CUSTOMER_AFTER,
    /** courier, bank, supplier: someone else to be at fault. */
    THIRD_PARTY,
    /** mistake, fault, blame, responsible, failed: owned by us it is ownership, by the customer blame. */
    FAULT,
    /** wrong, careless: ownership when ours, never blame on its own ("you got the wrong size"). */
    FAULT_WEAK,
    /** blame (the verb): who follows is at fault ("we blame the courier"). */
    FAULT_OBJECT,
    /** "on us", "my bad": ownership on their own. */
    IDIOM,
    /** not, never, no: negates what follows in the clause. */
    NEGATION,
    /** Thai ไม่: negates the next unit only. */
    NEGATION_WORD,
    /** "no excuse", "not only": look like a negation but negate nothing. */
    NOT_NEGATION,
    /** if, maybe, any, may have: what follows in the clause is not stated as fact. */
    CONDITIONAL,
    /**
     * should, skulle: a condition only as the first word of its clause, where the verb before the subject
     * makes the clause conditional ("Should it turn out that we erred", "Skulle det visa sig att ..."); elsewhere
     * an ordinary word ("we should have tested it").
     */
    CONDITIONAL_FIRST,
    /** Thai question particles: the clause asks. */
    QUESTION,
    /** feel, think, upset: after the customer, a feeling, not a fact ("sorry you feel"). */
    FEELING,
    /** it, something, what: a subject that is not a person; ends the search for who is at fault. */
    SUBJECT,
    CONJUNCTION,
    /** which, som, который: a clause that starts with one belongs to the clause before. */
    RELATIVE,
    APOLOGY,
    /** words that contain an entry but mean something else (Thai ขอบคุณ, "thank you", contains คุณ). */
    NEUTRAL;

    /** Content words match on their stem ("mistakes", "ошибку"); closed classes on the word itself. */
    boolean byStem() {
        return this == FAULT || this == FAULT_WEAK || this == FAULT_OBJECT || this == IDIOM
                || this == THIRD_PARTY || this == FEELING || this == APOLOGY || this == NOT_NEGATION;
    }
}
