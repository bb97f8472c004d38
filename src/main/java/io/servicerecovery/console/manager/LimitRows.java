package io.servicerecovery.console.manager;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Wording;
import io.servicerecovery.console.FormValues;
import io.servicerecovery.empowerment.LimitsInput;

/**
 * Limits per currency as the empowerment forms carry them: one row per currency, the fields repeated under the same
 * names ({@code currency}, {@code maxCredit}, {@code maxDiscount}, {@code budget}), and a blank row to add a
 * currency. A row whose amounts are all empty is no row (the currency alone, as an offered row carries it, adds
 * nothing).
 * <p>
 * An empty field means one thing per form, and the form says it beside the field. On a <b>level's</b> rows (the level
 * form, the what-if) nothing is left to chance: a cap or budget is an amount, or "No limit" is ticked beside it
 * ({@code noCap}, {@code noBudget}: the indices of the rows ticked), and an empty one is refused; the API's "left
 * out is none" is then sent only when ticked. On a <b>person's</b> rows an empty field is "same as their level",
 * the API's "left out inherits", and the level's value is shown beside it.
 *
 * @param forLevel a level's rows (explicit "No limit") rather than a person's ("same as their level")
 * @param inherited a person's rows: the level's limits by currency, shown beside the empty fields
 */
public record LimitRows(List<Row> rows, boolean forLevel, Map<String, LimitsInput> inherited) {

    /**
     * One currency's limits as typed (text, so a wrong value is shown back as the person typed it).
     *
     * @param offered a currency the level has no limits in, offered to be added
     * @param canAdd for an offered row: whether the manager holds limits in it (else they cannot add it)
     */
    public record Row(String currency, String maxCredit, String maxDiscount, String budget, boolean noCap,
            boolean noBudget, boolean offered, boolean canAdd) {

        static Row typed(String currency, String maxCredit, String maxDiscount, String budget, boolean noCap,
                boolean noBudget) {
            return new Row(currency, maxCredit, maxDiscount, budget, noCap, noBudget, false, false);
        }

        boolean isBlank() {
            return (maxCredit + maxDiscount + budget).isBlank() && !noCap && !noBudget;
        }
    }

    static LimitRows typed(List<String> currency, List<String> maxCredit, List<String> maxDiscount,
            List<String> budget, List<String> noCap, List<String> noBudget, boolean forLevel,
            Map<String, LimitsInput> inherited) {
        Set<String> capless = Set.copyOf(noCap == null ? List.of() : noCap);
        Set<String> budgetless = Set.copyOf(noBudget == null ? List.of() : noBudget);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; currency != null && i < currency.size(); i++) {
            Row row = Row.typed(at(currency, i), at(maxCredit, i), at(maxDiscount, i), at(budget, i),
                    capless.contains(String.valueOf(i)), budgetless.contains(String.valueOf(i)));
            if (!row.isBlank()) {
                rows.add(row);
            }
        }
        return new LimitRows(rows, forLevel, inherited);
    }

    /** A level's limits as rows: a cap or budget it does not have is "No limit" ticked. */
    static LimitRows ofLevel(List<LimitsInput> limits) {
        return new LimitRows(limits.stream().map(l -> Row.typed(l.currency(), text(l.maxCreditPerCase()),
                whole(l.maxDiscountPercent()), text(l.dailyBudget()), l.maxCreditPerCase() == null,
                l.dailyBudget() == null)).toList(), true, Map.of());
    }

    /** A person's overrides as rows, an empty field being "same as their level" ({@code inherited}). */
    static LimitRows ofPerson(List<LimitsInput> overrides, Map<String, LimitsInput> inherited) {
        List<Row> rows = new ArrayList<>(overrides.stream().map(l -> Row.typed(l.currency(), text(l.maxCreditPerCase()),
                whole(l.maxDiscountPercent()), text(l.dailyBudget()), false, false)).toList());
        // every currency of the level has its row, so what "empty" means can be read for each
        for (String currency : inherited.keySet()) {
            if (rows.stream().noneMatch(r -> r.currency().equals(currency))) {
                rows.add(Row.typed(currency, "", "", "", false, false));
            }
        }
        return new LimitRows(rows, false, inherited);
    }

    /**
     * These rows and, for each currency of {@code currencies} they lack, an offered row: the currency filled in,
     * the rest empty, with whether the manager can add it ({@code canAdd}).
     */
    LimitRows offering(Collection<String> currencies, java.util.function.Predicate<String> canAdd) {
        List<Row> all = new ArrayList<>(rows);
        for (String currency : currencies) {
            if (rows.stream().noneMatch(r -> r.currency().equalsIgnoreCase(currency))) {
                all.add(new Row(currency, "", "", "", false, false, true, canAdd.test(currency)));
            }
        }
        return new LimitRows(all, forLevel, inherited);
    }

    /** The rows as the service's input; a value that is not a number is a problem naming the row's field. */
    List<LimitsInput> inputs() {
        return rows.stream().map(r -> {
            String at = (forLevel ? "limits[" : "overrides[") + r.currency().strip() + "].";
            return new LimitsInput(r.currency().strip().toUpperCase(Locale.ROOT),
                    amount(at + "maxCreditPerCase", r.maxCredit(), r.noCap()),
                    FormValues.whole(at + "maxDiscountPercent", r.maxDiscount()),
                    amount(at + "dailyBudget", r.budget(), r.noBudget()));
        }).toList();
    }

    /** On a level's rows an amount or "No limit", never an empty field that could be read either way. */
    private BigDecimal amount(String field, String typed, boolean none) {
        if (!forLevel) {
            return FormValues.decimal(field, typed);
        }
        if (none && !typed.isBlank()) {
            throw DomainException.invalid(field, "has an amount and no limit at once")
                    .worded(Wording.of("limits.cap-and-none", new Wording.Field(field)));
        }
        if (!none && typed.isBlank()) {
            throw DomainException.invalid(field, "is empty: give an amount or no limit")
                    .worded(Wording.of("limits.cap-empty", new Wording.Field(field)));
        }
        return none ? null : FormValues.decimal(field, typed);
    }

    /** The rows and one blank row to add a currency. */
    public List<Row> withBlank() {
        List<Row> all = new ArrayList<>(rows);
        all.add(Row.typed("", "", "", "", false, false));
        return all;
    }

    /** What an empty field of a person's row stands for: the level's limits in that currency, if it has any. */
    public LimitsInput inheritedIn(String currency) {
        return inherited.get(currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    private static String text(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static String whole(Integer value) {
        return value == null ? "" : value.toString();
    }
}
