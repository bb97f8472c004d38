package io.servicerecovery.notify.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Due deliveries, leaving out any whose case has an earlier event still pending for the same
     * subscription: a CRM hears of a case's events in the order they happened. Subscriptions take
     * turns, round robin: first one due delivery of every subscription, the subscription served
     * longest ago (by its pending deliveries' last attempt) first, then a second of each, and so on;
     * within a subscription the oldest due first. So receivers that are down, with backlogs of
     * retries that all came due, do not hold up the others, however many of them there are.
     * <p>
     * A case's first pending event per subscription is found by ranking the pending deliveries once
     * ({@code case_turn}), not by looking for an earlier one for every due delivery: that lookup grew
     * with the square of the backlog, and after the receiver of the fault-injection run had hung for a
     * minute (4,200 pending deliveries) one poll took 6.6 s on PostgreSQL; ranked, 14 ms, same answer.
     */
    private static final String DUE = "select id from ("
            + " select cast(c.id as varchar(36)) as id, c.next_attempt_at as due_at, c.seq as seq, w.served_at,"
            + "  row_number() over (partition by c.subscription_id order by c.next_attempt_at, c.seq) as turn"
            + " from ("
            + "  select d.id, d.subscription_id, d.next_attempt_at, e.seq,"
            + "   row_number() over (partition by d.subscription_id, e.case_id order by e.seq) as case_turn"
            + "  from webhook_delivery d join webhook_event e on e.id = d.event_id"
            + "  where d.status = 'PENDING'"
            + " ) c"
            + " join webhook_subscription s on s.id = c.subscription_id"
            + " join (select subscription_id, max(last_attempt_at) as served_at from webhook_delivery"
            + "   where status = 'PENDING' group by subscription_id) w on w.subscription_id = c.subscription_id"
            + " where c.case_turn = 1 and c.next_attempt_at <= :now and s.active = true"
            + ") due order by turn, served_at nulls first, due_at, seq";

    @SuppressWarnings("unchecked")
    public List<UUID> due(Instant now, int max) {
        List<String> ids = getEntityManager().createNativeQuery(DUE).setParameter("now", now).setMaxResults(max)
                .getResultList();
        return ids.stream().map(UUID::fromString).toList();
    }

    /**
     * Takes a due delivery for one attempt by moving its due time to the end of a lease. The update
     * succeeds for one worker only: another replica's update finds the delivery no longer due (on
     * PostgreSQL it waits for the row lock and re-checks; H2 re-checks as well). A worker that dies
     * mid-attempt leaves the delivery to be taken again when the lease ends: at least once.
     */
    public boolean claim(UUID id, Instant now, Instant leaseUntil) {
        return update("nextAttemptAt = :lease where id = :id and status = :pending and nextAttemptAt <= :now",
                Parameters.with("lease", leaseUntil).and("id", id).and("pending", WebhookDelivery.Status.PENDING)
                        .and("now", now)) == 1;
    }

    /** Gives up the pending deliveries of a subscription that is deleted. */
    public int abandonPending(UUID subscriptionId) {
        return update("status = :failed, lastError = :why where subscriptionId = :subscription and status = :pending",
                Parameters.with("failed", WebhookDelivery.Status.FAILED).and("why", "Subscription deleted")
                        .and("subscription", subscriptionId).and("pending", WebhookDelivery.Status.PENDING));
    }

    /**
     * Makes a FAILED delivery of the subscription due again, with a fresh round of attempts. The update only
     * succeeds while the delivery is FAILED, so a resend that races another resend sends it once.
     */
    public boolean resend(UUID id, UUID subscriptionId, Instant now) {
        return update("status = :pending, attempts = 0, resends = resends + 1, nextAttemptAt = :now"
                + " where id = :id and subscriptionId = :subscription and status = :failed",
                Parameters.with("pending", WebhookDelivery.Status.PENDING).and("now", now).and("id", id)
                        .and("subscription", subscriptionId).and("failed", WebhookDelivery.Status.FAILED)) == 1;
    }

    /**
     * Makes every FAILED delivery of the subscription due again. They are due at the same moment, and the
     * dispatcher's order rule (no event of a case before an earlier one still pending) sends each case's
     * events in the order they happened.
     */
    public int resendFailed(UUID subscriptionId, Instant now) {
        return update("status = :pending, attempts = 0, resends = resends + 1, nextAttemptAt = :now"
                + " where subscriptionId = :subscription and status = :failed",
                Parameters.with("pending", WebhookDelivery.Status.PENDING).and("now", now)
                        .and("subscription", subscriptionId).and("failed", WebhookDelivery.Status.FAILED));
    }

    /**
     * Up to {@code max} deliveries in {@code status} that ended before {@code cutoff}. A delivery that ended
     * (DELIVERED or FAILED) has its next_attempt_at set to the moment it ended, so the due index serves this too.
     */
    public List<UUID> endedBefore(WebhookDelivery.Status status, Instant cutoff, int max) {
        return getEntityManager().createQuery("select d.id from WebhookDelivery d where d.status = :status"
                + " and d.nextAttemptAt < :cutoff", UUID.class).setParameter("status", status)
                .setParameter("cutoff", cutoff).setMaxResults(max).getResultList();
    }

    public int deleteByIds(List<UUID> ids) {
        return ids.isEmpty() ? 0 : (int) delete("id in ?1", ids);
    }
}
