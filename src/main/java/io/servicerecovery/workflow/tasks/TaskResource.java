package io.servicerecovery.workflow.tasks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.ProblemException;
import io.servicerecovery.common.SingleLine;
import io.servicerecovery.compensation.ApprovalRequest;
import io.servicerecovery.compensation.ProposalRequest;
import io.servicerecovery.workflow.RecoveryStep;
import io.servicerecovery.security.CurrentUser;

@Path("/api/tasks")
@Tag(name = "Tasks", description = "The human steps of a recovery, for agents and approving managers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER })
public class TaskResource {

    private final TaskInbox inbox;
    private final TaskClaims claims;
    private final TaskCompletions completions;
    private final CurrentUser user;

    public TaskResource(TaskInbox inbox, TaskClaims claims, TaskCompletions completions, CurrentUser user) {
        this.inbox = inbox;
        this.claims = claims;
        this.completions = completions;
        this.user = user;
    }

    @GET
    @Operation(summary = "Tasks visible to the caller", description = "assignee=me: held by the caller; "
            + "assignee=unassigned: free tasks the caller may take; without it both.")
    public Page<TaskSummary> list(@QueryParam("assignee") String assignee, @QueryParam("type") RecoveryStep type,
            @QueryParam("caseId") java.util.UUID caseId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return inbox.list(user, assigneeFilter(assignee), type, caseId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A task with its case; a proposal also with the recommendation and the caller's limits")
    public TaskDetail get(@PathParam("id") @Size(max = 64) @SingleLine String id) {
        return inbox.get(id, user);
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Take the task; 409 when someone else holds it")
    public TaskSummary claim(@PathParam("id") @Size(max = 64) @SingleLine String id) {
        return claims.claim(id, user);
    }

    @POST
    @Path("/{id}/unclaim")
    @Operation(summary = "Release the task; 409 when someone else holds it")
    public TaskSummary unclaim(@PathParam("id") @Size(max = 64) @SingleLine String id) {
        return claims.unclaim(id, user);
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Complete the task with the body of its type", description = "ACCOUNTABILITY: "
            + "{statement, rootCause}; APOLOGY: {message, deliveredVia}; COMPENSATION: {type, amount, currency, "
            + "reason}, answered with the decision; APPROVAL (manager): {decision, amount, note}. 403 when the "
            + "caller does not hold the task.")
    @RequestBody(content = @Content(schema = @Schema(oneOf = { AccountabilityCompletion.class, ApologyCompletion.class,
            ProposalRequest.class, ApprovalRequest.class })))
    public CompletionResult complete(@PathParam("id") @Size(max = 64) @SingleLine String id, JsonNode body) {
        return CompletionResult.of(completions.complete(id, body, user));
    }

    private static TaskInbox.AssigneeFilter assigneeFilter(String assignee) {
        if (assignee == null || assignee.isBlank()) {
            return null;
        }
        return switch (assignee) {
            case "me" -> TaskInbox.AssigneeFilter.ME;
            case "unassigned" -> TaskInbox.AssigneeFilter.UNASSIGNED;
            default -> throw ProblemException.invalid("assignee", "must be 'me' or 'unassigned'");
        };
    }
}
