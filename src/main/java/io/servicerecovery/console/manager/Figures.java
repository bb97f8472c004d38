package io.servicerecovery.console.manager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import io.servicerecovery.console.Labels;

/**
 * The dashboard's figures as the page's language writes them: "1 234,50 EUR" and "4,0 %" on a Swedish page,
 * "1,234.50 EUR" and "4.0%" on an English one; money with its currency's own fraction digits (JPY none);
 * plurals by CLDR rules, from ICU patterns in the mgr bundles ({@code {n, plural, one{# case} other{# cases}}}),
 * because a language may have more forms than English's two; codes as their labels.
 */
public final class Figures {

    static final String DASH = "—";

    private final Locale locale;

    public Figures(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** An amount with its currency's fraction digits and code; "—" for no amount. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return DASH;
        }
        int digits = fractionDigits(currency);
        NumberFormat format = NumberFormat.getInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount.setScale(digits, RoundingMode.HALF_UP)) + (currency == null ? "" : "\u00a0" + currency);
    }

    /** A fraction (0.04) as a percent with one decimal ("4,0 %"); "—" when there was nothing to divide by. */
    public String share(Double fraction) {
        if (fraction == null) {
            return DASH;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(fraction);
    }

    /** A value that is itself a percent (a discount's 10): "10 %" as the language writes it. */
    public String percent(BigDecimal value) {
        if (value == null) {
            return DASH;
        }
        NumberFormat format = NumberFormat.getInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value) + "\u00a0%";
    }

    /** Seconds as hours with one decimal ("2,5 h"). */
    public String hours(Double seconds) {
        Double h = DashboardCharts.hours(seconds);
        if (h == null) {
            return DASH;
        }
        NumberFormat format = NumberFormat.getInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(h) + "\u00a0h";
    }

    public String date(LocalDate date) {
        return date == null ? DASH : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** An ICU message pattern (plural, select) filled in by CLDR's rules for the page's language. */
    public String message(String pattern, Map<String, Object> arguments) {
        return new MessageFormat(pattern, ULocale.forLocale(locale)).format(arguments);
    }

    /** A code's words ({@link Labels}): a level, a step, a compensation type. */
    public String label(String group, Object code) {
        return code == null ? DASH : Labels.of(group, code.toString(), locale);
    }

    /** A customer language code ("sv-SE") as its name in the page's language ("svenska (Sverige)"). */
    public String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return DASH;
        }
        String name = Locale.forLanguageTag(tag).getDisplayName(locale);
        return name.isBlank() ? tag : name;
    }

    static int fractionDigits(String currency) {
        try {
            int digits = currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
