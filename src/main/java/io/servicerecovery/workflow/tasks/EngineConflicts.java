package io.servicerecovery.workflow.tasks;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.KnownFailures;

/** Engine conflicts are the client's race, not our failure: a conflict, and the client may retry. */
@ApplicationScoped
public class EngineConflicts implements KnownFailures {

    @Override
    public DomainException outcomeOf(Throwable failure) {
        if (failure instanceof TaskAlreadyClaimedException) {
            return DomainException.conflict("Someone else holds this task.");
        }
        if (failure instanceof OptimisticLockingException) {
            return DomainException.conflict("The case changed at the same moment; read it again and retry.");
        }
        return null;
    }
}
