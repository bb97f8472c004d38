package io.servicerecovery.workflow.tasks;

import java.util.UUID;

/**
 * A task of a case became open to someone: it opened, or it changed hands (released back to
 * its queue, say). Fired in the engine's transaction; the waits of the task list hear of it
 * once that transaction has committed.
 */
public record TaskOpened(UUID caseId) {
}
