package io.servicerecovery.reports;

/** The example answers in the OpenAPI document (a small November; the CSV shows its first sections). */
final class ReportExamples {

    private ReportExamples() {
    }

    static final String JSON = """
            {"period": {"from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z"},
             "cases": {"opened": 120, "recovered": 96, "cancelled": 6, "open": 18, "recoveredShare": 0.8},
             "times": {"firstTouch": {"count": 118, "medianSeconds": 1260.0, "p90Seconds": 5400.0},
                       "steps": [{"step": "ACCOUNTABILITY", "duration": {"count": 110, "medianSeconds": 2700.0, "p90Seconds": 9000.0}},
                                 {"step": "APOLOGY", "duration": {"count": 104, "medianSeconds": 1800.0, "p90Seconds": 7200.0}},
                                 {"step": "APOLOGY_EMAIL", "duration": {"count": 103, "medianSeconds": 2.0, "p90Seconds": 6.5}},
                                 {"step": "COMPENSATION", "duration": {"count": 99, "medianSeconds": 900.0, "p90Seconds": 3600.0}}],
                       "endToEnd": {"count": 96, "medianSeconds": 14400.0, "p90Seconds": 86400.0}},
             "compensations": {
               "byProposerLevel": [{"level": "AGENT", "proposals": 90, "withinEmpowerment": 72, "escalated": 18, "withinShare": 0.8, "escalatedShare": 0.2},
                                   {"level": "SENIOR_AGENT", "proposals": 10, "withinEmpowerment": 9, "escalated": 1, "withinShare": 0.9, "escalatedShare": 0.1}],
               "approvals": [{"level": "TEAM_LEAD", "approved": 15, "rejected": 2, "pending": 1,
                              "timeToDecision": {"count": 17, "medianSeconds": 3600.0, "p90Seconds": 14400.0}}],
               "escalations": {"byTimer": 3, "proposalsEscalated": 2}},
             "spend": {
               "byType": [{"type": "CREDIT", "currency": "EUR", "grants": 70, "amount": "2450.00"},
                          {"type": "DISCOUNT_PERCENT", "currency": "EUR", "grants": 20, "amount": "812.40"}],
               "byAgent": [{"agent": "agent-ana", "level": "AGENT", "currency": "EUR", "credits": 40, "credit": "1200.00",
                            "discounts": 12, "discountValue": "480.10", "dailyBudget": "500.00", "budgetInPeriod": "15000.00", "budgetUsedShare": 0.08}],
               "byLevel": [{"level": "AGENT", "currency": "EUR", "credits": 40, "credit": "1200.00", "discounts": 12,
                            "discountValue": "480.10", "budgetInPeriod": "15000.00", "budgetUsedShare": 0.08}]},
             "repeatFailures": {"cases": 9, "customers": 8, "recovered": 6, "cancelled": 1, "open": 2, "compensated": 6, "recoveredShare": 0.6667},
             "slaBreaches": [{"step": "ACCOUNTABILITY", "tasks": 120, "breached": 7, "completedLate": 5, "openOverdue": 2},
                             {"step": "APOLOGY", "tasks": 110, "breached": 3, "completedLate": 3, "openOverdue": 0},
                             {"step": "COMPENSATION", "tasks": 100, "breached": 1, "completedLate": 1, "openOverdue": 0}],
             "apologyFindings": [{"language": "en", "apologiesGiven": 80, "refusals": 14,
                                  "codes": [{"code": "NO_OWNERSHIP", "refusals": 9}, {"code": "CANNED", "refusals": 6}]},
                                 {"language": "lv", "apologiesGiven": 24, "refusals": 3,
                                  "codes": [{"code": "CUSTOMER_NOT_NAMED", "refusals": 3}]}]}
            """;

    static final String CSV = """
            # period
            from,to,currency,level,agent
            2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,,,

            # cases
            opened,recovered,cancelled,open,recovered_share
            120,96,6,18,0.8

            # times
            measure,count,median_seconds,p90_seconds
            FIRST_TOUCH,118,1260.0,5400.0
            ACCOUNTABILITY,110,2700.0,9000.0
            APOLOGY,104,1800.0,7200.0
            APOLOGY_EMAIL,103,2.0,6.5
            COMPENSATION,99,900.0,3600.0
            END_TO_END,96,14400.0,86400.0
            """;
}
