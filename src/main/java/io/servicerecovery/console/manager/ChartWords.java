package io.servicerecovery.console.manager;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The words a chart draws itself (legends, and categories that are not data), in the page's
 * language. The charts are drawn in the browser from JSON the page carries, where the templates'
 * {@code mgr:} namespace does not reach, so the page passes them from the same bundle as the
 * tables beside the charts.
 */
public record ChartWords(String recoveredShare, String medianHours, String p90Hours, String atOnce,
        String escalated, String credit, String budget, String approved, String rejected, String pending,
        String today, String whatIf, String budgetUsed, String spentOf, String spentNoBudget, String firstTouch,
        String endToEnd) {

    public static ChartWords of(Locale locale) {
        ManagerMessages m = bundle(locale);
        return new ChartWords(m.chart_recovered_share(), m.chart_median_h(), m.chart_p90_h(), m.chart_at_once(),
                m.chart_escalated(), m.chart_credit(), m.chart_budget(), m.chart_approved(), m.chart_rejected(),
                m.chart_pending(), m.chart_today(), m.chart_what_if(), m.chart_budget_used(), m.dash_spent_of(),
                m.dash_spent_no_budget(), m.dash_first_touch(), m.dash_end_to_end());
    }

    /** English is the bundle's default; every other console language has a localized file. */
    static ManagerMessages bundle(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? MessageBundles.get(ManagerMessages.class)
                : MessageBundles.get(ManagerMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
