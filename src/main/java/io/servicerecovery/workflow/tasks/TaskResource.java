package io.servicerecovery.workflow.tasks;

import java.time.Duration;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.servicerecovery.common.ApiContract;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.SingleLine;
import io.servicerecovery.workflow.RecoveryStep;
import io.servicerecovery.security.CurrentUser;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

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
    private final TaskWaits waits;

    public TaskResource(TaskInbox inbox, TaskClaims claims, TaskCompletions completions, CurrentUser user,
            TaskWaits waits) {
        this.inbox = inbox;
        this.waits = waits;
        this.claims = claims;
        this.completions = completions;
        this.user = user;
    }

    @GET
    @Blocking
    @Operation(operationId = "listTasks", summary = "Tasks visible to the caller", description = "assignee=me: "
            + "held by the caller; assignee=unassigned: free tasks the caller may take; without it both. Filtered by "
            + "type and caseId; keyset pages (limit, cursor). With wait=N a client that expects a task (the next "
            + "step of a case it drives) needs no polling: when the page would be empty, the answer comes as soon "
            + "as a matching task exists, or empty after N seconds.")
    @APIResponse(responseCode = "200", description = "One page of tasks, most urgent first")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    public Uni<Page<TaskSummary>> list(@QueryParam("assignee") String assignee, @QueryParam("type") RecoveryStep type,
            @QueryParam("caseId") java.util.UUID caseId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Parameter(description = "Seconds to wait for a matching task when there is none yet (0 to "
                    + TaskWaits.MAX_WAIT_SECONDS + "; 0, the default, answers at once)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0", minimum = "0",
                            maximum = "" + TaskWaits.MAX_WAIT_SECONDS))
            @QueryParam("wait") Integer wait) {
        PageRequest page = PageRequest.of(limit, cursor);
        Duration waitFor = waitDuration(wait);
        return waits.firstNonEmpty(inbox.query(user, assigneeFilter(assignee), type, caseId, null, page), page.limit(),
                waitFor);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "A task with its case", description = "A COMPENSATION task also "
            + "carries the recommended compensation and the caller's remaining empowerment.")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public TaskDetail get(@PathParam("id") @Size(max = 64) @SingleLine String id) {
        return inbox.get(id, user);
    }

    @POST
    @Path("/{id}/claim")
    @Operation(operationId = "claimTask", summary = "Take the task", description = "Taking a task the caller "
            + "already holds changes nothing; 409 when someone else holds it.")
    @APIResponse(responseCode = "200", description = "The task, held by the caller")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiContract.CONFLICT)
    public TaskSummary claim(@PathParam("id") @Size(max = 64) @SingleLine String id) {
        return claims.claim(id, user);
    }

    @POST
    @Path("/{id}/unclaim")
    @Operation(operationId = "unclaimTask", summary = "Release the task", description = "Back to the queue of "
            + "its candidates; 409 when someone else holds it.")
    @APIResponse(responseCode = "200", description = "The task, unassigned")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiContract.CONFLICT)
    public TaskSummary unclaim(@PathParam("id") @Size(max = 64) @SingleLine String id) {
        return claims.unclaim(id, user);
    }

    @POST
    @Path("/{id}/complete")
    @Operation(operationId = "completeTask", summary = "Complete the task with the body of its type",
            description = "The body is the one of the task's type (the `type` of the task from listTasks or getTask), "
                    + "with no field of its own that says which: ACCOUNTABILITY takes an AccountabilityCompletion, "
                    + "APOLOGY an ApologyCompletion, COMPENSATION a ProposalRequest (answered with the decision: "
                    + "APPROVED_WITHIN_EMPOWERMENT with the grant, or PENDING_APPROVAL with the approver level), "
                    + "APPROVAL (manager role) an ApprovalRequest. 403 when the caller does not hold the task; 422 "
                    + "with findings when an apology or accountability statement fails a quality check.")
    @RequestBody(required = true, description = "One of the four step bodies, chosen by the task's type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    // A stand-in: StepBodiesInOpenApi puts the oneOf of the step bodies here, from StepHandlers.
                    schema = @Schema(type = SchemaType.OBJECT), examples = {
                            @ExampleObject(name = "accountability", summary = "ACCOUNTABILITY", value = "{\"statement\": "
                                    + "\"This is on us: we promised a date we could not keep.\", \"rootCause\": "
                                    + "\"CARRIER_DELAY\"}"),
                            @ExampleObject(name = "apology", summary = "APOLOGY", value = "{\"message\": \"Ana, I am "
                                    + "truly sorry your sofa arrived nine days late. That was our failure.\", "
                                    + "\"deliveredVia\": \"PHONE\"}"),
                            @ExampleObject(name = "compensation", summary = "COMPENSATION", value = "{\"type\": "
                                    + "\"CREDIT\", \"amount\": \"40.00\", \"currency\": \"EUR\", \"reason\": "
                                    + "\"Nine days late\"}"),
                            @ExampleObject(name = "approval", summary = "APPROVAL", value = "{\"decision\": "
                                    + "\"APPROVE\", \"note\": \"Justified.\"}") }))
    @APIResponse(responseCode = "200", description = "Done; for a proposal the decision")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiContract.CONFLICT)
    @APIResponse(responseCode = "413", ref = ApiContract.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiContract.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ApiContract.UNPROCESSABLE)
    public CompletionResult complete(@PathParam("id") @Size(max = 64) @SingleLine String id, JsonNode body) {
        return CompletionResult.of(completions.complete(id, body, user));
    }

    private static Duration waitDuration(Integer seconds) {
        if (seconds == null) {
            return Duration.ZERO;
        }
        if (seconds < 0 || seconds > TaskWaits.MAX_WAIT_SECONDS) {
            throw DomainException.invalid("wait", "must be between 0 and " + TaskWaits.MAX_WAIT_SECONDS + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    private static TaskInbox.AssigneeFilter assigneeFilter(String assignee) {
        if (assignee == null || assignee.isBlank()) {
            return null;
        }
        return switch (assignee) {
            case "me" -> TaskInbox.AssigneeFilter.ME;
            case "unassigned" -> TaskInbox.AssigneeFilter.UNASSIGNED;
            default -> throw DomainException.invalid("assignee", "must be 'me' or 'unassigned'");
        };
    }
}
