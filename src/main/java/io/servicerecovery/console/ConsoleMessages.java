package io.servicerecovery.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's own words, in English here and in Swedish in
 * {@code messages/msg_sv.properties}; the browser's language picks one. What the
 * customer reads (emails) stays in the customer's language and is not here.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Service Recovery")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Inbox")
    String nav_inbox();

    @Message("My recent work")
    String nav_work();

    @Message("My profile")
    String nav_profile();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Sign in")
    String sign_in();

    @Message("User name")
    String user_name();

    @Message("Password")
    String password();

    @Message("The user name or password is not right. Try again.")
    String sign_in_failed();

    @Message("Sign in with your company account")
    String sign_in_oidc();

    @Message("My tasks")
    String inbox_mine();

    @Message("Waiting in my team's queue")
    String inbox_queue();

    @Message("Nothing here right now.")
    String inbox_empty();

    @Message("Task type")
    String filter_type();

    @Message("All types")
    String filter_all();

    @Message("Customer")
    String filter_customer();

    @Message("Show")
    String filter_apply();

    @Message("Customer")
    String col_customer();

    @Message("Step")
    String col_step();

    @Message("Severity")
    String col_severity();

    @Message("Priority")
    String col_priority();

    @Message("Due")
    String col_due();

    @Message("Open")
    String open();

    @Message("Claim")
    String claim();

    @Message("Release")
    String release();

    @Message("Updated every 15 seconds.")
    String inbox_live();

    @Message("{#when type}{#is 'ACCOUNTABILITY'}Take accountability{#is 'APOLOGY'}Apologize{#is 'COMPENSATION'}Compensate{#is 'APPROVAL'}Approve{#else}{type}{/when}")
    String step(String type);

    @Message("{#when sla}{#is 'OVERDUE'}Overdue{#is 'DUE_SOON'}Due soon{#else}On time{/when}")
    String sla(String sla);

    @Message("{#when status}{#is 'AWAITING_ACCOUNTABILITY'}Waiting for accountability{#is 'AWAITING_APOLOGY'}Waiting for the apology{#is 'AWAITING_COMPENSATION'}Waiting for compensation{#is 'AWAITING_APPROVAL'}Waiting for approval{#is 'RECOVERED'}Recovered{#is 'CANCELLED'}Cancelled{#else}{status}{/when}")
    String status(String status);

    @Message("Case {ref}")
    String case_title(String ref);

    @Message("The customer")
    String case_customer();

    @Message("What went wrong")
    String case_failure();

    @Message("Order value")
    String case_order_value();

    @Message("Repeat failure: this customer had another failed experience in the last 90 days, so the case comes first.")
    String case_repeat_failure();

    @Message("Timeline")
    String case_timeline();

    @Message("Earlier cases of this customer")
    String case_earlier();

    @Message("No earlier cases.")
    String case_no_earlier();

    @Message("Given")
    String case_given();

    @Message("Now")
    String case_now();

    @Message("{who} is working on this step.")
    String case_held_by(String who);

    @Message("Nothing is waiting for you on this case.")
    String case_nothing_to_do();

    @Message("Email")
    String email();

    @Message("Language")
    String language();

    @Message("Tier")
    String tier();

    @Message("Category")
    String category();

    @Message("Channel")
    String channel();

    @Message("Stage")
    String stage();

    @Message("Happened")
    String occurred();

    @Message("Description")
    String description();

    @Message("Take accountability")
    String acc_title();

    @Message("In your own words: what went wrong, and that it is ours to put right.")
    String acc_statement();

    @Message("Root cause")
    String acc_root_cause();

    @Message("Save and continue")
    String save_continue();

    @Message("The apology")
    String apo_title();

    @Message("Write it as you said it to {name}: their name, what went wrong, that you are sorry and that it is ours.")
    String apo_hint(String name);

    @Message("Given by")
    String apo_via();

    @Message("{#when via}{#is 'PHONE'}Phone{#is 'CHAT'}Chat{#is 'EMAIL'}Email{#is 'IN_PERSON'}In person{#else}{via}{/when}")
    String via(String via);

    @Message("Checks")
    String checks();

    @Message("The checks pass.")
    String checks_pass();

    @Message("Write a little more and the checks will run.")
    String checks_waiting();

    @Message("The email {name} will get ({language})")
    String apo_preview(String name, String language);

    @Message("Subject")
    String subject();

    @Message("Give the apology and send the email")
    String apo_submit();

    @Message("Discount or credit")
    String comp_title();

    @Message("Recommended")
    String comp_recommended();

    @Message("The compensation matrix suggests this for a {severity} failure of a {tier} customer ({stage}).")
    String comp_recommended_why(String severity, String tier, String stage);

    @Message("Nothing is recommended for this case.")
    String comp_none_recommended();

    @Message("Your limits")
    String comp_limits();

    @Message("Credit up to {max} per case; discount up to {percent} %; {left} left of today's budget of {budget}.")
    String comp_limits_line(String max, int percent, String left, String budget);

    @Message("no limit")
    String no_limit();

    @Message("Type")
    String comp_type();

    @Message("{#when type}{#is 'CREDIT'}Credit{#is 'DISCOUNT_PERCENT'}Discount (percent){#is 'NONE'}Nothing{#else}{type}{/when}")
    String comp_type_name(String type);

    @Message("Amount (money for a credit, percent for a discount)")
    String comp_amount();

    @Message("Currency")
    String comp_currency();

    @Message("Why")
    String comp_reason();

    @Message("Within your limits: it is granted at once.")
    String comp_outcome_within();

    @Message("Above your limits: it goes to {level} for approval.")
    String comp_outcome_above(String level);

    @Message("Propose")
    String comp_submit();

    @Message("Granted: {amount}.")
    String comp_granted(String amount);

    @Message("Voucher code: {code}")
    String comp_voucher(String code);

    @Message("Waiting for approval by {level}.")
    String comp_pending(String level);

    @Message("Something needs another look")
    String problem_title();

    @Message("Someone else changed this meanwhile. Reload the page to see where it stands.")
    String stale();

    @Message("Reload")
    String reload();

    @Message("Cases I recovered")
    String work_recovered();

    @Message("What I granted")
    String work_granted();

    @Message("Waiting for approval")
    String work_pending();

    @Message("Display name")
    String profile_name();

    @Message("The name customers see under your emails, for example 'Ana Bērziņa'.")
    String profile_name_hint();

    @Message("Signature line (optional)")
    String profile_signature();

    @Message("Save")
    String save();

    @Message("Saved.")
    String saved();

    @Message("In your sentence")
    String finding_sentence();

    @Message("Try, in the customer's language")
    String finding_suggestion();

    @Message("Page not found")
    String not_found();
}
