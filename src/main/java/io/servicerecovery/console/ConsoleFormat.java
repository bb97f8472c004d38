package io.servicerecovery.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;
import io.servicerecovery.compensation.CompensationType;
import io.servicerecovery.compensation.GrantView;

/** How the console writes times and money: in the person's time zone with the zone named, money with its currency. */
@TemplateExtension
public final class ConsoleFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConsoleFormat() {
    }

    /** {@code {entry.at.when}}: in the person's time zone (their profile's, UTC by default), named after it. */
    static String when(Instant instant) {
        return when(instant, ConsoleRequest.currentZone());
    }

    static String when(Instant instant, ZoneId zone) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone)) + " " + zoneName(zone);
    }

    /** {@code Europe/Stockholm}, or {@code UTC} for UTC however it was written. */
    static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** {@code {text.urlEncode}}: a value for a query string. */
    static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What a grant gave: {@code 40.00 EUR} for a credit, {@code 10 %} for a discount. */
    static String given(GrantView grant) {
        return grant.type() == CompensationType.DISCOUNT_PERCENT
                ? grant.amount().stripTrailingZeros().toPlainString() + " %"
                : money(grant.amount(), grant.currency());
    }

    /** {@code {percent.plain}}: a number without trailing zeros, {@code 12.5} or {@code 10}. */
    static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    /** {@code {amount.money(currency)}} */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + (currency == null ? "" : " " + currency);
    }
}
