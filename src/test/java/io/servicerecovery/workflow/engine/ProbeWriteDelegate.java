package io.servicerecovery.workflow.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A step of the probe process in {@link EngineTransactionTest}: writes an audit row for its
 * business key, flushes it to the database, and then fails while the key is in {@link #FAILING}.
 */
@Dependent
@Named("probeWriteDelegate")
public class ProbeWriteDelegate implements JavaDelegate {

    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    private final EntityManager entityManager;

    public ProbeWriteDelegate(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String marker = execution.getProcessBusinessKey();
        entityManager.persist(ProbeRows.auditRow(marker));
        entityManager.flush();
        if (FAILING.contains(marker)) {
            throw new IllegalStateException("probe step fails after its write for " + marker);
        }
    }
}
