package io.servicerecovery.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Eventually;

/**
 * The engine and the service's own writes share one JTA transaction: whichever fails,
 * neither is kept. On the caller's thread (as in a request) and inside an async job run
 * by the service's job executor, where a failed step also keeps the job where it was, to
 * be retried.
 */
@QuarkusTest
class EngineTransactionTest {

    static final String WAITING_PROCESS = "engineTransactionProbeWaiting";
    static final String ASYNC_PROCESS = "engineTransactionProbeAsync";

    @Inject
    RuntimeService runtime;
    @Inject
    RepositoryService repository;
    @Inject
    ManagementService management;
    @Inject
    HistoryService history;
    @Inject
    EntityManager entityManager;

    String marker;

    @BeforeEach
    void deployProbes() {
        marker = "probe-" + UUID.randomUUID();
        BpmnModelInstance waiting = Bpmn.createExecutableProcess(WAITING_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().userTask("wait").endEvent().done();
        // the retry cycle keeps a failed attempt's retry an hour away, so the test decides when it runs
        BpmnModelInstance async = Bpmn.createExecutableProcess(ASYNC_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("write").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT1H")
                .camundaDelegateExpression("${probeWriteDelegate}").endEvent().done();
        repository.createDeployment().name("engine-transaction-probes").enableDuplicateFiltering(true)
                .addModelInstance(WAITING_PROCESS + ".bpmn", waiting)
                .addModelInstance(ASYNC_PROCESS + ".bpmn", async)
                .deploy();
    }

    @AfterEach
    void removeProbeRows() {
        ProbeWriteDelegate.FAILING.remove(marker);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createQuery("delete from AuditEntry a where a.targetType = :type and a.targetId = :marker")
                .setParameter("type", ProbeRows.TYPE).setParameter("marker", marker).executeUpdate());
    }

    @Test
    void engineCommandAndServiceWriteCommitTogether() {
        QuarkusTransaction.requiringNew().run(() -> {
            runtime.startProcessInstanceByKey(WAITING_PROCESS, marker);
            entityManager.persist(ProbeRows.auditRow(marker));
        });

        assertThat(processInstances()).isEqualTo(1);
        assertThat(probeRows()).isEqualTo(1);
    }

    @Test
    void failingServiceWriteAfterAnEngineCommandRollsBothBack() {
        UUID taken = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.persist(ProbeRows.auditRow(taken, marker)));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            runtime.startProcessInstanceByKey(WAITING_PROCESS, marker);
            entityManager.persist(ProbeRows.auditRow(taken, marker)); // same primary key: the insert fails
            entityManager.flush();
        })).isNotNull();

        assertThat(processInstances()).as("process started before the failed write").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(marker).count()).isZero();
        assertThat(probeRows()).as("only the row committed before").isEqualTo(1);
    }

    @Test
    void failingEngineCommandAfterAServiceWriteRollsBothBack() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.persist(ProbeRows.auditRow(marker));
            entityManager.flush();
            runtime.startProcessInstanceByKey(WAITING_PROCESS, marker);
            runtime.startProcessInstanceByKey("no-such-process", marker);
        })).hasMessageContaining("no-such-process");

        assertThat(probeRows()).isZero();
        assertThat(processInstances()).isZero();
    }

    @Test
    void failingStepInAJobKeepsNeitherItsWriteNorTheJobsProgressAndIsRetried() {
        ProbeWriteDelegate.FAILING.add(marker);
        String instance = runtime.startProcessInstanceByKey(ASYNC_PROCESS, marker).getId();

        // the job executor runs the step; it writes, flushes, then fails
        Job failed = Eventually.await("the first attempt to fail",
                () -> management.createJobQuery().processInstanceId(instance).singleResult(),
                job -> job != null && job.getRetries() == 2);
        assertThat(failed.getExceptionMessage()).contains("probe step fails after its write");
        assertThat(probeRows()).as("the failed attempt's write").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("write")
                .finished().count()).as("the step did not complete").isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);

        // the next attempt, when due, succeeds and its write is kept once
        ProbeWriteDelegate.FAILING.remove(marker);
        management.setJobDuedate(failed.getId(), null);
        Eventually.await("the retried step to end the process",
                () -> runtime.createProcessInstanceQuery().processInstanceId(instance).count(), count -> count == 0);
        assertThat(probeRows()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
                .isEqualTo(1);
    }

    private long processInstances() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(marker).count();
    }

    private long probeRows() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(a) from AuditEntry a where a.targetType = :type and a.targetId = :marker",
                        Long.class)
                .setParameter("type", ProbeRows.TYPE).setParameter("marker", marker).getSingleResult());
    }
}
