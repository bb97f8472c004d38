package io.servicerecovery.console;

import java.util.List;
import java.util.Map;

import io.servicerecovery.cases.CaseView;
import io.servicerecovery.compensation.CompensationType;
import io.servicerecovery.empowerment.EffectiveLimits;
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
 */
public record CaseFile(CaseView caseView, List<CaseView> earlier, TaskDetail task, boolean taskIsMine,
        String heldBy, Map<String, String> input, ConsoleProblem problem, String rootCauses) {

    public String value(String field) {
        return input.getOrDefault(field, "");
    }

    public List<String> rootCauseList() {
        return List.of(rootCauses.split(","));
    }

    public List<String> deliveryChannels() {
        return java.util.Arrays.stream(ApologyCompletion.DeliveredVia.values()).map(Enum::name).toList();
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

        private static String money(java.math.BigDecimal amount, String currency) {
            return amount == null ? "∞" : ConsoleFormat.money(amount, currency);
        }
    }
}
