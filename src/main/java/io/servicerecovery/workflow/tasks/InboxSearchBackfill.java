package io.servicerecovery.workflow.tasks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Gives the inbox rows written before V12 their search key. SQL has no portable way to take accents
 * off ("Åsa" to "asa"), so the key is folded here, in Java, as new rows have it from the start.
 * Once every row has one this finds nothing (one indexed look-up per start); a row two replicas fill
 * at the same moment gets the same key from both.
 */
@ApplicationScoped
public class InboxSearchBackfill {

    private static final Logger LOG = Logger.getLogger(InboxSearchBackfill.class);
    private static final int BATCH = 500;

    private final InboxTaskRepository inbox;

    public InboxSearchBackfill(InboxTaskRepository inbox) {
        this.inbox = inbox;
    }

    void onStart(@Observes StartupEvent start) {
        fillAll();
    }

    /** Writes the missing keys; answers how many. */
    int fillAll() {
        int filled = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::fillBatch);
            filled += batch;
        } while (batch == BATCH);
        if (filled > 0) {
            LOG.infof("Inbox search keys written for %d rows from before V12", filled);
        }
        return filled;
    }

    private int fillBatch() {
        List<InboxTask> rows = inbox.withoutSearchKey(BATCH);
        for (InboxTask row : rows) {
            row.searchKey = InboxTask.searchKeyOf(row.externalRef, row.customerId, row.customerName);
        }
        return rows.size();
    }
}
