package io.servicerecovery.common;

import java.util.UUID;

import org.jboss.logging.MDC;

/**
 * Puts the case id and process instance id into the log context, so that every line
 * logged while working on a case carries them (a field of its own in JSON logs).
 */
public final class CaseLogContext implements AutoCloseable {

    public static final String CASE_ID = "caseId";
    public static final String PROCESS_INSTANCE_ID = "processInstanceId";

    private final Object previousCase;
    private final Object previousProcess;

    private CaseLogContext(UUID caseId, String processInstanceId) {
        previousCase = MDC.get(CASE_ID);
        previousProcess = MDC.get(PROCESS_INSTANCE_ID);
        put(CASE_ID, caseId == null ? null : caseId.toString());
        put(PROCESS_INSTANCE_ID, processInstanceId);
    }

    public static CaseLogContext open(UUID caseId, String processInstanceId) {
        return new CaseLogContext(caseId, processInstanceId);
    }

    @Override
    public void close() {
        put(CASE_ID, previousCase);
        put(PROCESS_INSTANCE_ID, previousProcess);
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
