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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.ProblemException;
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
    @Operation(summary = "Every level with its limits per currency and its ETag")
    public List<LevelView> levels() {
        return admin.levels();
    }

    @GET
    @Path("/levels/{level}")
    @Operation(summary = "One level with its limits; the ETag header is what PUT needs in If-Match")
    public Response level(@PathParam("level") String level) {
        LevelView view = admin.level(levelOf(level));
        return Response.ok(view).tag(unquoted(view.etag())).build();
    }

    @PUT
    @Path("/levels/{level}")
    @Operation(summary = "Set a level's limits", description = "If-Match required (428 without, 412 when stale); "
            + "a reason is required; lower levels may never exceed higher ones (422); nobody edits their own level.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = LevelView.class)))
    public Response updateLevel(@PathParam("level") String level, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LevelUpdate update) {
        LevelView view = admin.updateLevel(levelOf(level), ifMatch, update, user.id());
        return Response.ok(view).tag(unquoted(view.etag())).build();
    }

    @GET
    @Path("/agents/{agentId}")
    @Operation(summary = "An agent's level, overrides and effective limits with what is used of the rolling budget")
    public Response agent(@PathParam("agentId") @Size(max = 100) @SingleLine String agentId) {
        EmpowermentAdmin.Versioned<AgentView> agent = admin.agent(agentId);
        return Response.ok(agent.value()).tag(unquoted(agent.etag())).build();
    }

    @PUT
    @Path("/agents/{agentId}")
    @Operation(summary = "Set an agent's level and overrides", description = "If-Match required (428 without, 412 "
            + "when stale); a reason is required; nobody edits themselves or gives more than they have.")
    public Response updateAgent(@PathParam("agentId") @Size(max = 100) @SingleLine String agentId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgentUpdate update) {
        EmpowermentAdmin.Versioned<AgentView> agent = admin.updateAgent(agentId, ifMatch, update, user.id());
        return Response.ok(agent.value()).tag(unquoted(agent.etag())).build();
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Every change of empowerment, newest first: who, when, old, new, reason")
    public Page<AuditView> audit(@QueryParam("agentId") @Size(max = 100) @SingleLine String agentId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return admin.audit(agentId, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/simulations")
    @Operation(summary = "Replay a period's proposals against candidate limits")
    public SimulationResult simulate(@NotNull @Valid SimulationRequest request) {
        return simulation.run(request);
    }

    private static Level levelOf(String level) {
        try {
            return Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Level " + level + " (levels: " + Arrays.toString(Level.values()) + ")");
        }
    }

    private static jakarta.ws.rs.core.EntityTag unquoted(String etag) {
        return new jakarta.ws.rs.core.EntityTag(etag.substring(1, etag.length() - 1));
    }
}
