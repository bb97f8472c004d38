package io.servicerecovery.empowerment;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.servicerecovery.common.ApiContract;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.SingleLine;
import io.servicerecovery.empowerment.EmpowermentViews.AgentUpdate;
import io.servicerecovery.empowerment.EmpowermentViews.AgentView;
import io.servicerecovery.empowerment.EmpowermentViews.AuditView;
import io.servicerecovery.empowerment.EmpowermentViews.LevelUpdate;
import io.servicerecovery.empowerment.EmpowermentViews.LevelView;
import io.servicerecovery.empowerment.EmpowermentViews.SimulationRequest;
import io.servicerecovery.empowerment.EmpowermentViews.SimulationResult;
import io.servicerecovery.security.CurrentUser;

@Path("/api/empowerment")
@Tag(name = "Empowerment", description = "What agents may grant without asking, tuned by managers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.MANAGER)
public class EmpowermentResource {

    private static final String ETAG = "ETag";
    private static final String ETAG_DESCRIPTION = "The version of what was read; send it back in If-Match to change it";
    private static final String IF_MATCH_DESCRIPTION = "The ETag you read (428 without it, 412 when it is no longer current)";

    private final EmpowermentAdmin admin;
    private final Simulation simulation;
    private final CurrentUser user;

    public EmpowermentResource(EmpowermentAdmin admin, Simulation simulation, CurrentUser user) {
        this.admin = admin;
        this.simulation = simulation;
        this.user = user;
    }

    @GET
    @Path("/levels")
    @Operation(operationId = "listLevels", summary = "Every level with its limits", description = "Limits per "
            + "currency (maxCreditPerCase, maxDiscountPercent, dailyBudget), and each level's etag for If-Match.")
    @APIResponse(responseCode = "200", description = "The levels, lowest first")
    public List<LevelView> levels() {
        return admin.levels();
    }

    @GET
    @Path("/levels/{level}")
    @Operation(operationId = "getLevel", summary = "One level with its limits",
            description = "The ETag header is what updateLevel needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The level", headers = @Header(name = ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LevelView.class)))
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public Response level(@PathParam("level") String level) {
        LevelView view = admin.level(levelOf(level));
        return Response.ok(view).tag(unquoted(view.etag())).build();
    }

    @PUT
    @Path("/levels/{level}")
    @Operation(operationId = "updateLevel", summary = "Set a level's limits", description = "If-Match required "
            + "(428 without, 412 when stale); a reason is required; lower levels may never exceed higher ones (422); "
            + "nobody edits their own level.")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LevelView.class)))
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = ApiContract.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = ApiContract.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiContract.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ApiContract.UNPROCESSABLE)
    @APIResponse(responseCode = "428", ref = ApiContract.PRECONDITION_REQUIRED)
    public Response updateLevel(@PathParam("level") String level,
            @Parameter(description = IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LevelUpdate update) {
        LevelView view = admin.updateLevel(levelOf(level), ExpectedVersion.fromIfMatch(ifMatch), update, user.id());
        return Response.ok(view).tag(unquoted(view.etag())).build();
    }

    @GET
    @Path("/agents/{agentId}")
    @Operation(operationId = "getAgentEmpowerment", summary = "An agent's level, overrides and effective limits",
            description = "The effective limits per currency carry usedInWindow, what the agent granted in the "
                    + "rolling 24 hours. The ETag header is what updateAgentEmpowerment needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The agent's empowerment", headers = @Header(name = ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentView.class)))
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    public Response agent(@PathParam("agentId") @Size(max = 100) @SingleLine String agentId) {
        EmpowermentAdmin.Versioned<AgentView> agent = admin.agent(agentId);
        return Response.ok(agent.value()).tag(unquoted(agent.etag())).build();
    }

    @PUT
    @Path("/agents/{agentId}")
    @Operation(operationId = "updateAgentEmpowerment", summary = "Set an agent's level and overrides",
            description = "If-Match required (428 without, 412 when stale); a reason is required; nobody edits "
                    + "themselves or gives more than they have (403).")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentView.class)))
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "412", ref = ApiContract.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = ApiContract.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiContract.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ApiContract.UNPROCESSABLE)
    @APIResponse(responseCode = "428", ref = ApiContract.PRECONDITION_REQUIRED)
    public Response updateAgent(@PathParam("agentId") @Size(max = 100) @SingleLine String agentId,
            @Parameter(description = IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgentUpdate update) {
        EmpowermentAdmin.Versioned<AgentView> agent = admin.updateAgent(agentId, ExpectedVersion.fromIfMatch(ifMatch),
                update, user.id());
        return Response.ok(agent.value()).tag(unquoted(agent.etag())).build();
    }

    @GET
    @Path("/audit")
    @Operation(operationId = "listEmpowermentAudit", summary = "Every change of empowerment, newest first",
            description = "Who, when, old, new and reason; filtered by agentId; keyset pages (limit, cursor).")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    public Page<AuditView> audit(@QueryParam("agentId") @Size(max = 100) @SingleLine String agentId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return admin.audit(agentId, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/simulations")
    @Operation(operationId = "simulateEmpowerment", summary = "Replay a period's proposals against candidate limits",
            description = "How many proposals of the period would have been approved at once or escalated, the "
                    + "spend, and the approvals by level, had the candidate limits been in force. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The simulated outcome")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = ApiContract.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiContract.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ApiContract.UNPROCESSABLE)
    public SimulationResult simulate(@NotNull @Valid SimulationRequest request) {
        return simulation.run(request);
    }

    private static Level levelOf(String level) {
        try {
            return Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("Level " + level + " (levels: " + Arrays.toString(Level.values()) + ")");
        }
    }

    private static jakarta.ws.rs.core.EntityTag unquoted(String etag) {
        return new jakarta.ws.rs.core.EntityTag(etag.substring(1, etag.length() - 1));
    }
}
