package io.servicerecovery.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The seeded week (2020-03-02 to 2020-03-09, long before any other test's cases) and its known answers, worked
 * out by hand in {@link ReportResourceTest}. Times are minutes after each case was opened.
 * <pre>
 * case client severity status     agent    touch acc apology email comp  closed  proposals
 * C1   A      HIGH     RECOVERED  rep-ana  10    30  60      61    71    120     credit 40 EUR within (AGENT)
 * C2   A      HIGH     RECOVERED  rep-ana  20    20  50      52    72    180     credit 120 EUR -> TEAM_LEAD, rep-lead approves 100 after 60
 * C3   A      MEDIUM   CANCELLED  rep-ben  30    40  -       -     -     120     -
 * C4   A      LOW      AWAITING_ACCOUNTABILITY (owner rep-ben, untouched)
 * C5   A      CRITICAL RECOVERED  rep-ben  5     15  165     170   190   330     discount 30% -> TEAM_LEAD rejected after 120; 10% within (order 200 EUR)
 * C6   B      HIGH     AWAITING_APPROVAL rep-ben 60 90 100   101   111   -       credit 300 EUR -> DIRECTOR after 2 timer escalations, pending
 * C8   A      MEDIUM   RECOVERED  rep-sam  25    25  35      36    46    60      credit 20 USD within (SENIOR_AGENT)
 * C7 (opened a minute before the week) and C9 (at its end) are outside it.
 * </pre>
 * C5 and C6 are repeat failures. Refusals: C1 twice in en (NO_OWNERSHIP + CANNED, NO_OWNERSHIP), C6 once in lv
 * (CUSTOMER_NOT_NAMED). Locales: C6 lv, C8 sv-SE, the others en. rep-ben's daily EUR budget is overridden to 200, rep-sam's USD
 * budget is 300; rep-ana and rep-lead have their level's (AGENT 500, TEAM_LEAD 5,000 EUR).
 */
public final class ReportFixture {

    static final Instant WEEK = Instant.parse("2020-03-02T00:00:00Z");
    static final Instant T0 = Instant.parse("2020-03-02T08:00:00Z");
    static final String CLIENT_A = "crm-rep-a";
    static final String CLIENT_B = "crm-rep-b";
    static final List<String> CASES = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9");
    static final List<String> PEOPLE = List.of("rep-ana", "rep-ben", "rep-lead", "rep-sam");

    private ReportFixture() {
    }

    static Instant at(Instant created, long minutes) {
        return created.plus(Duration.ofMinutes(minutes));
    }

    public static void seed(DataSource dataSource) throws Exception {
        try (ReportSeed s = new ReportSeed(dataSource)) {
            s.clear(CASES, PEOPLE);
            s.person("rep-ana", "AGENT");
            s.person("rep-ben", "AGENT");
            s.person("rep-lead", "TEAM_LEAD");
            s.person("rep-sam", "SENIOR_AGENT");
            s.dailyBudgetOverride("rep-ben", "EUR", "200.00");
            // Seniors' limits are changed by another test; an override keeps this budget known.
            s.dailyBudgetOverride("rep-sam", "USD", "300.00");

            Instant c1 = T0;
            s.aCase("C1", CLIENT_A, "K-1", "en", "HIGH", "RECOVERED", false, "100.00", "EUR", c1, "rep-ana", null,
                    at(c1, 60), at(c1, 120));
            steps(s, "C1", c1, "rep-ana", 10L, 30, 60, 61, 61, 71, 120L);
            UUID p1 = s.proposal("C1", "p", "CREDIT", "40.00", "EUR", "rep-ana", "AGENT", at(c1, 71),
                    "APPROVED_WITHIN_EMPOWERMENT", null, 0, "rep-ana", at(c1, 71), "40.00");
            s.grant("C1", p1, "CREDIT", "40.00", "EUR", "rep-ana", at(c1, 72));
            s.refusal("C1", "1", "rep-ana", "en", at(c1, 40), "NO_OWNERSHIP", "CANNED");
            s.refusal("C1", "2", "rep-ana", "en", at(c1, 50), "NO_OWNERSHIP");

            Instant c2 = T0.plus(Duration.ofHours(1));
            s.aCase("C2", CLIENT_A, "K-2", "en", "HIGH", "RECOVERED", false, "500.00", "EUR", c2, "rep-ana", null,
                    at(c2, 50), at(c2, 180));
            steps(s, "C2", c2, "rep-ana", null, 20, 50, 52, 52, 72, 180L);
            UUID p2 = s.proposal("C2", "p", "CREDIT", "120.00", "EUR", "rep-ana", "AGENT", at(c2, 72), "APPROVED",
                    "TEAM_LEAD", 0, "rep-lead", at(c2, 132), "100.00");
            s.grant("C2", p2, "CREDIT", "100.00", "EUR", "rep-lead", at(c2, 132));

            Instant c3 = T0.plus(Duration.ofDays(1));
            s.aCase("C3", CLIENT_A, "K-3", "en", "MEDIUM", "CANCELLED", false, null, null, c3, "rep-ben", null, null,
                    at(c3, 120));
            s.timeline("C3", "CASE_OPENED", CLIENT_A, c3);
            s.timeline("C3", "TASK_CLAIMED", "rep-ben", at(c3, 30));
            s.timeline("C3", "ACCOUNTABILITY_TAKEN", "rep-ben", at(c3, 40));

            Instant c4 = T0.plus(Duration.ofDays(2));
            s.aCase("C4", CLIENT_A, "K-4", "en", "LOW", "AWAITING_ACCOUNTABILITY", false, null, null, c4, null,
                    "rep-ben", null, null);
            s.timeline("C4", "CASE_OPENED", CLIENT_A, c4);

            Instant c5 = T0.plus(Duration.ofDays(3));
            s.aCase("C5", CLIENT_A, "K-1", "en", "CRITICAL", "RECOVERED", true, "200.00", "EUR", c5, "rep-ben", null,
                    at(c5, 165), at(c5, 330));
            steps(s, "C5", c5, "rep-ben", 5L, 15, 165, 170, 170, 190, 330L);
            s.proposal("C5", "p1", "DISCOUNT_PERCENT", "30.00", null, "rep-ben", "AGENT", at(c5, 190), "REJECTED",
                    "TEAM_LEAD", 0, "rep-lead", at(c5, 310), null);
            UUID p5 = s.proposal("C5", "p2", "DISCOUNT_PERCENT", "10.00", null, "rep-ben", "AGENT", at(c5, 320),
                    "APPROVED_WITHIN_EMPOWERMENT", null, 0, "rep-ben", at(c5, 320), "10.00");
            s.grant("C5", p5, "DISCOUNT_PERCENT", "10.00", null, "rep-ben", at(c5, 321));

            Instant c6 = T0.plus(Duration.ofDays(4));
            s.aCase("C6", CLIENT_B, "K-9", "lv", "HIGH", "AWAITING_APPROVAL", true, "1000.00", "EUR", c6, "rep-ben",
                    null, at(c6, 100), null);
            steps(s, "C6", c6, "rep-ben", 60L, 90, 100, 101, 101, 111, null);
            s.proposal("C6", "p", "CREDIT", "300.00", "EUR", "rep-ben", null, at(c6, 111), "PENDING_APPROVAL",
                    "DIRECTOR", 2, null, null, null);
            s.refusal("C6", "1", "rep-ben", "lv", at(c6, 95), "CUSTOMER_NOT_NAMED");

            Instant c8 = T0.plus(Duration.ofDays(5));
            s.aCase("C8", CLIENT_A, "K-8", "sv-SE", "MEDIUM", "RECOVERED", false, "50.00", "USD", c8, "rep-sam", null,
                    at(c8, 35), at(c8, 60));
            steps(s, "C8", c8, "rep-sam", null, 25, 35, 36, 36, 46, 60L);
            UUID p8 = s.proposal("C8", "p", "CREDIT", "20.00", "USD", "rep-sam", "SENIOR_AGENT", at(c8, 46),
                    "APPROVED_WITHIN_EMPOWERMENT", null, 0, "rep-sam", at(c8, 46), "20.00");
            s.grant("C8", p8, "CREDIT", "20.00", "USD", "rep-sam", at(c8, 47));

            // Just outside the week: must not count anywhere.
            for (String[] outside : new String[][] { { "C7", "2020-03-01T23:59:00Z" }, { "C9", "2020-03-09T00:00:00Z" } }) {
                Instant created = Instant.parse(outside[1]);
                s.aCase(outside[0], CLIENT_A, "K-1", "en", "HIGH", "RECOVERED", true, "10.00", "EUR", created,
                        "rep-ana", null, at(created, 5), at(created, 9));
                steps(s, outside[0], created, "rep-ana", 1L, 2, 5, 6, 6, 7, 9L);
                UUID p = s.proposal(outside[0], "p", "CREDIT", "5.00", "EUR", "rep-ana", "AGENT", at(created, 7),
                        "APPROVED_WITHIN_EMPOWERMENT", null, 0, "rep-ana", at(created, 7), "5.00");
                s.grant(outside[0], p, "CREDIT", "5.00", "EUR", "rep-ana", at(created, 8));
                s.refusal(outside[0], "1", "rep-ana", "en", at(created, 3), "TOO_SHORT");
            }
        }
    }

    /** The timeline entries that mark the steps, minutes after the case was opened. */
    private static void steps(ReportSeed s, String name, Instant created, String agent, Long claimed, long accountable,
            long apologized, long emailed, long recommended, long proposed, Long recovered) throws Exception {
        s.timeline(name, "CASE_OPENED", "crm", created);
        if (claimed != null) {
            s.timeline(name, "TASK_CLAIMED", agent, at(created, claimed));
        }
        s.timeline(name, "ACCOUNTABILITY_TAKEN", agent, at(created, accountable));
        s.timeline(name, "APOLOGY_GIVEN", agent, at(created, apologized));
        s.timeline(name, "EMAIL_SENT", "system", at(created, emailed));
        s.timeline(name, "COMPENSATION_RECOMMENDED", "system", at(created, recommended));
        s.timeline(name, "COMPENSATION_PROPOSED", agent, at(created, proposed));
        if (recovered != null) {
            s.timeline(name, "RECOVERED", "system", at(created, recovered));
        }
    }
}
