package io.servicerecovery.console;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's own words ({@code msg:} in the templates): the keys are declared here, the
 * texts are in {@code messages/msg_en.properties} (English, the default) and
 * {@code messages/msg_sv.properties} (Swedish; a key it lacks falls back to English); the
 * browser's language picks one. The build checks that every key has an English text and that
 * the templates use only declared keys. What the customer reads (emails) stays in the
 * customer's language and is not here.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    String app_name();
    String skip_to_content();
    String nav_inbox();
    String nav_work();
    String nav_profile();
    String nav_menu();
    String sign_out();
    String signed_in_as(String name);
    String sign_in();
    String user_name();
    String password();
    String sign_in_failed();
    String sign_in_oidc();
    String sign_in_held(long minutes);
    String sign_in_expired();
    String sign_in_replace(String name);
    String sign_in_stay(String name);
    String stale_form_title();
    String stale_form_text();
    String stale_form_go_on();
    String refused_out_of_date_title();
    String refused_out_of_date_text();
    String refused_out_of_date_in_place();
    String refused_signed_out_title();
    String refused_signed_out_text();
    String refused_signed_out_in_place();
    String refused_sign_in_new_tab();
    String refused_send_again();
    String refused_back_to_page();
    String refused_unsaved();
    String request_failed();
    String inbox_mine();
    String inbox_queue();
    String inbox_empty();
    String filter_type();
    String filter_all();
    String filter_customer();
    String filter_apply();
    String col_customer();
    String col_step();
    String col_severity();
    String col_priority();
    String col_due();
    String open();
    String claim();
    String release();
    String inbox_live();
    String step(String type);
    String sla(String sla);
    String status(String status);
    String case_title(String ref);
    String case_customer();
    String case_failure();
    String case_order_value();
    String case_repeat_failure();
    String case_timeline();
    String case_earlier();
    String case_no_earlier();
    String case_given();
    String case_now();
    String case_held_by(String who);
    String case_closed(String status);
    String case_waits_for(String step);
    String case_email_sending();
    String case_email_incident();
    String said_title();
    String said_statement();
    String said_apology();
    String said_apology_via();
    String said_email();
    String said_email_state();
    String said_email_attempts(int attempts);
    String said_email_to();
    String said_email_body();
    String said_email_not_kept();
    String said_email_not_yet();
    String done_accountability();
    String done_apology(String language);
    String done_granted();
    String done_approval(String level);
    String done_nothing();
    String done_claimed();
    String done_released();
    String email();
    String language();
    String tier();
    String category();
    String channel();
    String stage();
    String occurred();
    String description();
    String acc_title();
    String acc_statement();
    String acc_root_cause();
    String save_continue();
    String apo_title();
    String apo_hint(String name);
    String apo_via();
    String apo_via_choose();
    String via(String via);
    String checks();
    String checks_pass();
    String checks_waiting();
    String apo_preview(String name, String language);
    String subject();
    String apo_submit();
    String comp_title();
    String comp_recommended();
    String comp_recommended_why(String severity, String tier, String stage);
    String comp_none_recommended();
    String comp_limits();
    String case_rejected_by(String who);
    String case_rejected_next();
    String comp_limits_line(String max, int percent, String left, String budget);
    String no_limit();
    String comp_type();
    String comp_type_name(String type);
    String comp_amount();
    String comp_currency();
    String comp_currency_hint();
    String comp_above_credit(String max);
    String comp_above_discount(int percent);
    String comp_above_no_limits(String currency);
    String comp_reason();
    String comp_outcome_within();
    String comp_outcome_above(String level);
    String comp_submit();
    String comp_granted(String amount);
    String comp_voucher(String code);
    String comp_pending(String level);
    String problem_title();
    String stale();
    String reload();
    String work_recovered();
    String work_granted();
    String work_pending();
    String profile_name();
    String profile_name_hint();
    String profile_signature();
    String save();
    String saved();
    String finding_sentence();
    String finding_suggestion();
    String not_found();

    // The console's 403 page (ConsoleSignInAgain)
    String no_access_title();
    String no_access_body();
    String no_access_go_start();
    String no_access_api_only();
    String no_access_sign_in_other();
}
