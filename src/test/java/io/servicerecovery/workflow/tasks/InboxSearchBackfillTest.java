package io.servicerecovery.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Recovery;

/** An inbox row from before V12 (no search key: SQL cannot fold accents) gets its key from the start's backfill. */
@QuarkusTest
class InboxSearchBackfillTest {

    @Inject
    EntityManager em;

    @Inject
    InboxSearchBackfill backfill;

    @Test
    void aRowWithoutItsSearchKeyGetsTheFoldedReferenceCustomerIdAndName() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        CaseRequests request = CaseRequests.aCase().externalRef("Ref-" + unique).customer("id", "Cust-" + unique)
                .customer("name", "Åsa Ærø " + unique);
        String caseId = Recovery.open("crm-acme", request);
        String taskId = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        assertThat(keyOf(taskId)).isEqualTo("|ref-" + unique + "|cust-" + unique + "|asa aero " + unique + "|");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update task_inbox set search_key = null where task_id = :id").setParameter("id", taskId).executeUpdate());
        assertThat(keyOf(taskId)).isNull();

        assertThat(backfill.fillAll()).isPositive();
        assertThat(keyOf(taskId)).isEqualTo("|ref-" + unique + "|cust-" + unique + "|asa aero " + unique + "|");
        assertThat(backfill.fillAll()).isZero();
    }

    private String keyOf(String taskId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select search_key from task_inbox where task_id = :id").setParameter("id", taskId).getSingleResult());
    }
}
