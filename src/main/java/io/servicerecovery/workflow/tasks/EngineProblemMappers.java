package io.servicerecovery.workflow.tasks;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.servicerecovery.common.Problem;

/** Engine conflicts are the client's race, not our failure: 409, and the client may retry. */
public class EngineProblemMappers {

    @ServerExceptionMapper
    public Response alreadyClaimed(TaskAlreadyClaimedException e) {
        return conflict("Someone else holds this task.");
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockingException e) {
        return conflict("The case changed at the same moment; read it again and retry.");
    }

    private static Response conflict(String detail) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("conflict"), "Conflict", 409, detail, null, List.of(), Map.of()))
                .build();
    }
}
