package io.servicerecovery.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.servicerecovery.workflow.tasks.InboxLine;
import io.servicerecovery.workflow.tasks.TaskSummary;

/**
 * A task as a line of the inbox, with its SLA state worked out so that nobody has to read
 * dates: OVERDUE past its due time, DUE_SOON in the last quarter of its time, else ON_TIME.
 *
 * @param category the failure category's code, worded by the template ({@code Labels} 'Category')
 * @param orderValue the order's value with its currency; empty when the case named none
 */
public record TaskRow(String id, String type, UUID caseId, String customerName, String severity, int priority,
        Instant due, String sla, String dueIn, String assignee, String externalRef, String category,
        String orderValue, boolean repeatCustomer) {

    static TaskRow of(InboxLine line, Clock clock) {
        TaskSummary task = line.task();
        Instant now = clock.instant();
        String sla = "ON_TIME";
        String dueIn = "";
        if (task.due() != null) {
            Duration left = Duration.between(now, task.due());
            Duration whole = task.created() == null ? Duration.ZERO : Duration.between(task.created(), task.due());
            if (left.isNegative()) {
                sla = "OVERDUE";
            } else if (left.compareTo(whole.dividedBy(4)) <= 0) {
                sla = "DUE_SOON";
            }
            dueIn = (left.isNegative() ? "−" : "") + hoursAndMinutes(left.abs());
        }
        return new TaskRow(task.id(), task.type().name(), task.caseId(), task.customerName(), task.severity().name(),
                task.priority(), task.due(), sla, dueIn, task.assignee(), line.externalRef(), line.category(),
                ConsoleFormat.money(line.orderAmount(), line.orderCurrency()), line.repeatFailure());
    }

    private static String hoursAndMinutes(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
