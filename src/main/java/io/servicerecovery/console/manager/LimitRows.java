package io.servicerecovery.console.manager;

import java.util.ArrayList;
import java.util.List;

import io.servicerecovery.console.FormValues;
import io.servicerecovery.empowerment.LimitsInput;

/**
 * Limits per currency as the empowerment forms carry them: one row per currency, the
 * fields repeated under the same names ({@code currency}, {@code maxCredit},
 * {@code maxDiscount}, {@code budget}), and a blank row to add a currency. A row left
 * blank is no row.
 */
public record LimitRows(List<Row> rows) {

    /** One currency's limits as typed (text, so a wrong value is shown back as the person typed it). */
    public record Row(String currency, String maxCredit, String maxDiscount, String budget) {

        boolean isBlank() {
            return (currency + maxCredit + maxDiscount + budget).isBlank();
        }
    }

    static LimitRows typed(List<String> currency, List<String> maxCredit, List<String> maxDiscount, List<String> budget) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < currency.size(); i++) {
            Row row = new Row(at(currency, i), at(maxCredit, i), at(maxDiscount, i), at(budget, i));
            if (!row.isBlank()) {
                rows.add(row);
            }
        }
        return new LimitRows(rows);
    }

    static LimitRows of(List<LimitsInput> limits) {
        return new LimitRows(limits.stream().map(l -> new Row(l.currency(), text(l.maxCreditPerCase()),
                l.maxDiscountPercent() == null ? "" : l.maxDiscountPercent().toString(), text(l.dailyBudget()))).toList());
    }

    /** The rows as the service's input; a value that is not a number is a problem naming the row's field. */
    List<LimitsInput> inputs() {
        return rows.stream().map(r -> {
            String at = "limits[" + r.currency().strip() + "].";
            return new LimitsInput(r.currency().strip().toUpperCase(java.util.Locale.ROOT),
                    FormValues.decimal(at + "maxCreditPerCase", r.maxCredit()),
                    FormValues.whole(at + "maxDiscountPercent", r.maxDiscount()),
                    FormValues.decimal(at + "dailyBudget", r.budget()));
        }).toList();
    }

    /** The rows and one blank row to add a currency. */
    public List<Row> withBlank() {
        List<Row> all = new ArrayList<>(rows);
        all.add(new Row("", "", "", ""));
        return all;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    private static String text(java.math.BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
