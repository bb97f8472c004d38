package io.servicerecovery.console;

import java.util.List;
import java.util.Map;

import io.servicerecovery.cases.CaseStep;
import io.servicerecovery.cases.CaseView;
import io.servicerecovery.compensation.CompensationType;
import io.servicerecovery.compensation.Recommendation;
import io.servicerecovery.empowerment.EffectiveLimits;
import io.servicerecovery.notify.SentEmail;
import io.servicerecovery.workflow.tasks.ApologyCompletion;
import io.servicerecovery.workflow.tasks.TaskDetail;

/**
 * Everything the case page shows: the case with its timeline, the customer's earlier
 * cases, the task the agent may work on (if any), what they typed so far and what was
 * wrong with it.
 *
 * @param task    the step the viewer holds or may claim; null when none is theirs
 * @param heldBy  the name of whoever else holds the open step; null when nobody does
 * @param input   the form's last values, so a refused submission keeps the agent's words
 * @param problem why the last submission was refused; null when it was not
 * @param done    what the viewer just did, confirmed in words at the top; null when nothing
 * @param emailIncident whether the follow-up email failed for good and waits for an operator
 * @param emailLanguage the language the follow-up email is written in, named in the page's language
 * @param sentEmail     the follow-up email as sent (or being sent); null while none is prepared
 * @param sentLanguage  the language of {@code sentEmail}, named in the page's language; null without one
 * @param rejectedBy the name (as people know it) of whoever rejected the latest proposal; null when it was not
 * @param names      the names people know for the timeline's actors, by their id
 */
public record CaseFile(CaseView caseView, List<CaseView> earlier, TaskDetail task, boolean taskIsMine,
        String heldBy, Map<String, String> input, ConsoleProblem problem, String rootCauses, StepDone done,
        boolean emailIncident, String emailLanguage, SentEmail sentEmail, String sentLanguage, String rejectedBy,
        Map<String, String> names) {

    public String value(String field) {
        return input.getOrDefault(field, "");
    }

    /**
     * Whether the step's first field takes the focus ({@code autofocus}): just after the person claimed the step
     * (from the inbox or on this page), so that the keyboard goes on in the form rather than at the page's top.
     * Not on other visits: focus that jumps on every load would skip the page's story for a screen reader.
     */
    public boolean focusStep() {
        return done == StepDone.CLAIMED && taskIsMine && problem == null;
    }

    /** Whether the case page has something to show of what was said: the statement or the apology. */
    public boolean somethingSaid() {
        return caseView.accountabilityStatement() != null || caseView.apology() != null;
    }

    /**
     * What the person wrote that the page's form will not show again: the step moved on or someone else holds it
     * (a second tab, Back). Shown beside the refusal, so that nothing typed is lost without being seen.
     */
    public List<RefusedPost.Field> unsaved() {
        java.util.Set<String> inTheForm = task == null || !taskIsMine ? java.util.Set.of()
                : switch (task.task().type()) {
                    case ACCOUNTABILITY -> java.util.Set.of("statement");
                    case APOLOGY -> java.util.Set.of("message");
                    case COMPENSATION -> java.util.Set.of("amount", "reason");
                    default -> java.util.Set.of("amount", "note");
                };
        return input.entrySet().stream()
                .filter(e -> RefusedPost.WRITTEN.contains(e.getKey()) && !inTheForm.contains(e.getKey())
                        && !e.getValue().isBlank())
                .map(e -> new RefusedPost.Field(e.getKey(), e.getValue(), true)).toList();
    }

    public List<String> rootCauseList() {
        return List.of(rootCauses.split(","));
    }

    public List<ApologyCompletion.DeliveredVia> deliveryChannels() {
        return List.of(ApologyCompletion.DeliveredVia.values());
    }

    /**
     * Whether all the case still waits for is its follow-up email: the compensation is granted (its booking, a
     * moment after the answer, moves the step on to the email) or booked.
     */
    public boolean waitsForEmail() {
        if (caseView.status().isClosed()) {
            return false;
        }
        return caseView.currentStep() == CaseStep.APOLOGY_EMAIL
                || caseView.compensation() != null && caseView.compensation().outcome() != null
                        && caseView.compensation().outcome().isApproved();
    }

    /** See {@link CaseFiles#progressOf}. */
    public String progress() {
        return progressOf(caseView);
    }

    static String progressOf(CaseView view) {
        return view.status().name() + "-" + (view.timeline() == null ? 0 : view.timeline().size());
    }

    /** Whether the viewer chose a discount, which is a percent and has no currency. */
    public boolean discountChosen() {
        return CompensationType.DISCOUNT_PERCENT.name().equals(value("type"));
    }

    public List<String> compensationTypes() {
        return java.util.Arrays.stream(CompensationType.values()).map(Enum::name).toList();
    }

    /** The currency typed, else the order's, else the default. */
    public String currency() {
        String typed = value("currency");
        if (!typed.isBlank()) {
            return typed;
        }
        return caseView.orderValue() == null ? "EUR" : caseView.orderValue().currency();
    }

    /**
     * How the matrix' recommendation stands against the viewer's own limits: null when it is within them (or
     * nothing is recommended), else what they may grant at once in its currency.
     */
    public AboveLimits recommendationAboveLimits() {
        if (task == null || task.recommendedCompensation() == null || task.yourEmpowerment() == null) {
            return null;
        }
        Recommendation r = task.recommendedCompensation();
        String cur = r.currency() != null ? r.currency() : currency();
        EffectiveLimits mine = task.yourEmpowerment().limits().stream().filter(l -> l.currency().equals(cur))
                .findFirst().orElse(null);
        return switch (r.type()) {
            case NONE -> null;
            case CREDIT -> {
                if (r.amount() == null) {
                    yield null;
                }
                if (mine == null) {
                    yield new AboveLimits(AboveLimits.Kind.NO_LIMITS, null, 0, cur);
                }
                yield mine.coversCredit(r.amount()) ? null
                        : new AboveLimits(AboveLimits.Kind.CREDIT, LimitLine.money(atOnce(mine), cur),
                                mine.maxDiscountPercent(), cur);
            }
            case DISCOUNT_PERCENT -> {
                if (mine == null) {
                    yield new AboveLimits(AboveLimits.Kind.NO_LIMITS, null, 0, cur);
                }
                yield mine.coversDiscount(java.math.BigDecimal.valueOf(r.percent())) ? null
                        : new AboveLimits(AboveLimits.Kind.DISCOUNT, null, mine.maxDiscountPercent(), cur);
            }
        };
    }

    /** The largest credit within both the per-case cap and what is left of the budget; null when neither binds. */
    private static java.math.BigDecimal atOnce(EffectiveLimits l) {
        java.math.BigDecimal left = l.remainingBudget();
        if (l.maxCreditPerCase() == null) {
            return left;
        }
        return left == null ? l.maxCreditPerCase() : l.maxCreditPerCase().min(left);
    }

    /**
     * A recommendation above the viewer's power.
     *
     * @param kind       a credit above the cap or budget, a discount above the percent, or no limits at all in
     *                   the currency (then anything goes for approval)
     * @param maxCredit  the largest credit they may grant at once, written out; null unless {@code kind} is CREDIT
     * @param maxPercent the largest discount they may grant at once
     * @param currency   the currency the recommendation is judged in
     */
    public record AboveLimits(Kind kind, String maxCredit, int maxPercent, String currency) {
        public enum Kind {
            CREDIT, DISCOUNT, NO_LIMITS
        }
    }

    /** The viewer's limits per currency, written out ("no limit" as an infinity sign). */
    public List<LimitLine> limits() {
        if (task == null || task.yourEmpowerment() == null) {
            return List.of();
        }
        return task.yourEmpowerment().limits().stream().map(LimitLine::of).toList();
    }

    public record LimitLine(String maxCredit, int maxDiscountPercent, String left, String budget) {
        static LimitLine of(EffectiveLimits l) {
            return new LimitLine(money(l.maxCreditPerCase(), l.currency()), l.maxDiscountPercent(),
                    money(l.remainingBudget(), l.currency()), money(l.dailyBudget(), l.currency()));
        }

        static String money(java.math.BigDecimal amount, String currency) {
            return amount == null ? "∞" : ConsoleFormat.money(amount, currency);
        }
    }
}
