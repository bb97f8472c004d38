package io.servicerecovery.cases;

import java.util.UUID;

/**
 * What a case needs from the process that runs it. Cases own this door and the workflow
 * implements it, so the case code never learns about the engine.
 */
public interface CaseWorkflow {

    /** Starts the recovery of a newly opened case and answers the process instance id. */
    String start(RecoveryCase opened);

    /** Ends the recovery of a case on the CRM's request; open tasks and pending jobs go with it. */
    void cancel(UUID caseId, String by, String reason);
}
