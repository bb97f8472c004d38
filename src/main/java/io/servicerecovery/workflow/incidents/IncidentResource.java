package io.servicerecovery.workflow.incidents;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.servicerecovery.common.ApiContract;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.SingleLine;
import io.servicerecovery.security.CurrentUser;

@Path("/api/incidents")
@Tag(name = "Incidents", description = "Process steps whose retries ran out (the follow-up email, the grant step) for operators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.ADMIN)
public class IncidentResource {

    private final Incidents incidents;
    private final CurrentUser user;

    public IncidentResource(Incidents incidents, CurrentUser user) {
        this.incidents = incidents;
        this.user = user;
    }

    @GET
    @Operation(operationId = "listIncidents", summary = "Open incidents, newest first", description = "Each with "
            + "its case, step and error; filtered by caseId; keyset pages (limit, cursor).")
    @APIResponse(responseCode = "200", description = "One page of incidents")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    public Page<IncidentView> list(@QueryParam("caseId") String caseId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return incidents.list(caseIdOf(caseId), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryIncident", summary = "Give the failed step a fresh retry cycle", description = "As many attempts as the step's "
            + "retry cycle has (for the follow-up email recovery.mail.retry-cycle), the first at once; the answer "
            + "carries attempts and nextAttemptAt. 404 for an unknown incident, 409 for one that is not a failed step.")
    @APIResponse(responseCode = "200", description = "The incident with its new attempts")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiContract.CONFLICT)
    public IncidentView retry(@PathParam("id") @Size(max = 64) @SingleLine String id) {
        return incidents.retry(id, user.id());
    }

    private static UUID caseIdOf(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("caseId", "must be a case id");
        }
    }
}
