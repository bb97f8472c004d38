package io.servicerecovery.workflow.tasks;

import java.math.BigDecimal;

/**
 * A task as the console's inbox lists it: the task and what the agent needs to pick it out of a
 * full day's list (the case's reference, category, order value, and whether the customer failed before).
 *
 * @param category the failure category's code (the console words it)
 * @param orderAmount with {@code orderCurrency}; null when the case named no order value
 */
public record InboxLine(TaskSummary task, String externalRef, String customerId, String category,
        BigDecimal orderAmount, String orderCurrency, boolean repeatFailure) {
}
