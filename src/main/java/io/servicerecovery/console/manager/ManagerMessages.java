package io.servicerecovery.console.manager;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The manager pages' own words ({@code mgr:} in the templates), in English here and in
 * Swedish in {@code messages/mgr_sv.properties}.
 */
@MessageBundle(value = "mgr", locale = "en")
public interface ManagerMessages {

    @Message("Approvals")
    String nav_approvals();

    @Message("Empowerment")
    String nav_empowerment();

    @Message("What-if")
    String nav_what_if();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Incidents")
    String nav_incidents();

    @Message("Approvals waiting for you")
    String appr_title();

    @Message("Oldest first. Approve as proposed, approve a smaller amount, or reject with a note the agent will read.")
    String appr_hint();

    @Message("Nothing waits for your approval.")
    String appr_none();

    @Message("More approvals are waiting than shown; decide these first.")
    String appr_more();

    @Message("Customer")
    String appr_customer();

    @Message("Asks for")
    String appr_asks();

    @Message("Proposed by")
    String appr_by();

    @Message("Agent's reason")
    String appr_reason();

    @Message("Waiting for")
    String appr_waiting_for();

    @Message("Escalation")
    String appr_escalation();

    @Message("to {level} in {left}")
    String appr_escalates_in(String level, String left);

    @Message("Top level: it stays here until decided")
    String appr_top_level();

    @Message("Amount to approve ({currency})")
    String appr_amount(String currency);

    @Message("Discount to approve (%)")
    String appr_percent();

    @Message("Lower it to approve less than proposed.")
    String appr_amount_hint();

    @Message("Note to the agent (required to reject)")
    String appr_note();

    @Message("Approve")
    String approve();

    @Message("Reject")
    String reject();

    @Message("Approved.")
    String appr_approved();

    @Message("Approved and granted: {given}.")
    String appr_granted(String given);

    @Message("Rejected: the case is back with the agent, with your note.")
    String appr_rejected();

    @Message("Empowerment")
    String emp_title();

    @Message("What each level and each person may grant without asking, per currency. Every change needs a reason and is audited.")
    String emp_hint();

    @Message("Saved: {what}.")
    String emp_saved(String what);

    @Message("Levels")
    String emp_levels();

    @Message("Level")
    String emp_level();

    @Message("Limits")
    String emp_limits();

    @Message("approves")
    String emp_approving();

    @Message("credit up to {credit}, discount up to {discount} %, budget {budget} a day")
    String emp_limit_line(String credit, String discount, String budget);

    @Message("No limits: grants nothing on its own")
    String emp_no_limits();

    @Message("People")
    String emp_people();

    @Message("Find a person (login id)")
    String emp_find_person();

    @Message("Open {id}")
    String emp_open_person(String id);

    @Message("More people than shown: search by login id.")
    String emp_more_people();

    @Message("Person")
    String emp_person();

    @Message("Personal overrides (— = the level's)")
    String emp_overrides();

    @Message("Used in the last 24 h")
    String emp_used();

    @Message("{used} of {budget}")
    String emp_used_line(String used, String budget);

    @Message("Edit")
    String edit();

    @Message("Audit log of every change")
    String emp_audit_link();

    @Message("Empowerment audit log")
    String emp_audit();

    @Message("Person (login id)")
    String emp_audit_filter();

    @Message("No changes recorded.")
    String emp_audit_none();

    @Message("Filter")
    String filter();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("What")
    String what();

    @Message("Before")
    String before();

    @Message("After")
    String after();

    @Message("Reason")
    String reason();

    @Message("Older")
    String older();

    @Message("Limits of {level}")
    String emp_edit_level(String level);

    @Message("Empowerment of {name}")
    String emp_edit_agent(String name);

    @Message("What applies now")
    String emp_effective();

    @Message("Limits per currency")
    String emp_limits_per_currency();

    @Message("One row per currency; the empty row adds one. A cap or budget left empty means none; the discount is required.")
    String emp_level_hint();

    @Message("One row per currency; a field left empty inherits the level's value. Empty all fields of a row to remove it.")
    String emp_override_hint();

    @Message("Currency")
    String currency();

    @Message("Max credit per case")
    String max_credit();

    @Message("Max discount %")
    String max_discount();

    @Message("Budget per 24 h")
    String daily_budget();

    @Message("Reason for the change (kept in the audit log)")
    String reason_required();

    @Message("Save")
    String save_limits();

    @Message("Someone else changed this meanwhile")
    String conflict_title();

    @Message("Nothing of yours was saved. Compare both versions: save again to replace theirs with yours (the form below holds yours), or start over from theirs.")
    String conflict_text();

    @Message("Theirs (saved)")
    String conflict_theirs();

    @Message("Yours (not saved)")
    String conflict_yours();

    @Message("Start over from theirs")
    String conflict_start_over();

    @Message("What if the limits were different?")
    String whatif_title();

    @Message("Replays the real proposals of a period against changed limits of one level, beside today's limits. Nothing is saved.")
    String whatif_hint();

    @Message("Limits to try")
    String whatif_candidate();

    @Message("Load this level")
    String whatif_load_level();

    @Message("Today's limits of {level}")
    String whatif_today(String level);

    @Message("Change the values to try; the empty row adds a currency.")
    String whatif_limits_hint();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Show what would have happened")
    String whatif_run();

    @Message("What would have happened")
    String whatif_result();

    @Message("{proposals} proposals from {from} to {to}")
    String whatif_caption(int proposals, String from, String to);

    @Message("Today's limits")
    String whatif_today_col();

    @Message("With these limits")
    String whatif_candidate_col();

    @Message("Granted at once (within empowerment)")
    String whatif_at_once();

    @Message("Waiting for a manager")
    String whatif_escalated();

    @Message("Approvals by {level}")
    String whatif_approvals_by(String level);

    @Message("Spent at once (credits)")
    String whatif_spend();

    @Message("Chart of the table above: today's limits and the tried limits")
    String whatif_chart_label();

    @Message("Fill in the limits and the period, then show what would have happened.")
    String whatif_not_run();

    @Message("Incidents")
    String inc_title();

    @Message("Steps that failed after all their retries. A retry gives the step a fresh round of attempts.")
    String inc_hint();

    @Message("Retrying {step}: {attempts} attempts, the first at {next}.")
    String inc_retried(String step, Integer attempts, String next);

    @Message("Step")
    String inc_step();

    @Message("Case")
    String inc_case();

    @Message("Error")
    String inc_error();

    @Message("Retry")
    String inc_retry();

    @Message("No incidents: every step ran.")
    String inc_none();

    @Message("Recovery dashboard")
    String dash_title();

    @Message("Show")
    String dash_show();

    @Message("Both days included (UTC). Currency narrows the money figures; empty shows every currency.")
    String dash_currency_hint();

    @Message("cases opened")
    String dash_opened();

    @Message("recovered")
    String dash_recovered();

    @Message("recovered share")
    String dash_recovered_share();

    @Message("still open")
    String dash_open();

    @Message("cancelled")
    String dash_cancelled();

    @Message("approvals escalated by the timer")
    String dash_escalations_by_timer();

    @Message("Download the report (CSV)")
    String dash_csv();

    @Message("Recovered share over time")
    String dash_trend();


    @Message("The numbers")
    String dash_numbers();

    @Message("From")
    String dash_from_day();

    @Message("Time per step")
    String dash_time();

    @Message("Count")
    String dash_count();

    @Message("Median")
    String dash_median();

    @Message("Granted within empowerment")
    String dash_within();

    @Message("Proposals")
    String dash_proposals();

    @Message("Spend against budget")
    String dash_spend();

    @Message("Credits")
    String dash_credits();

    @Message("Budget for the period")
    String dash_budget_period();

    @Message("Used")
    String dash_used();

    @Message("Type")
    String dash_type();

    @Message("Grants")
    String dash_grants();

    @Message("Amount")
    String dash_amount();

    @Message("Approvals and escalations")
    String dash_approvals();

    @Message("Approved")
    String dash_approved();

    @Message("Rejected")
    String dash_rejected();

    @Message("Pending")
    String dash_pending();

    @Message("Median time to decision")
    String dash_time_to_decision();

    @Message("Repeat failures, SLA and apology checks")
    String dash_more();

    @Message("Repeat-failure customers")
    String dash_repeat();

    @Message("{cases} cases of {customers} customers who failed before; {share} recovered; {compensated} compensated.")
    String dash_repeat_line(long cases, long customers, String share, long compensated);

    @Message("SLA breaches per step")
    String dash_sla();

    @Message("Tasks")
    String dash_tasks();

    @Message("Done late")
    String dash_late();

    @Message("Open and overdue")
    String dash_overdue();

    @Message("Apologies the checks refused")
    String dash_findings();

    @Message("Language")
    String dash_language();

    @Message("Apologies given")
    String dash_given();

    @Message("Refusals")
    String dash_refusals();

    @Message("Codes")
    String dash_codes();
}
