package io.servicerecovery.cases;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.servicerecovery.common.ApiContract;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.Problem;
import io.servicerecovery.common.SingleLine;
import io.servicerecovery.common.Text;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.timeline.TimelineEntryView;

@Path("/api/cases")
@Tag(name = "Cases", description = "Failed customer experiences reported by a CRM")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private static final String LATE_DELIVERY = "{\"externalRef\": \"CRM-123\", \"customer\": {\"id\": \"C-1\", "
            + "\"name\": \"Ana Ozola\", \"email\": \"ana@example.com\", \"locale\": \"lv\", \"tier\": \"GOLD\"}, "
            + "\"failure\": {\"stage\": \"POST_PURCHASE\", \"channel\": \"PHONE\", \"category\": \"LATE_DELIVERY\", "
            + "\"description\": \"The sofa arrived nine days late.\", \"severity\": \"HIGH\", "
            + "\"occurredAt\": \"2026-11-20T10:00:00Z\"}, \"orderValue\": {\"amount\": \"89.90\", \"currency\": "
            + "\"EUR\"}, \"ownerAgent\": \"agent-ana\"}";

    private final CaseIntake intake;
    private final CaseService cases;
    private final CurrentUser user;

    public CaseResource(CaseIntake intake, CaseService cases, CurrentUser user) {
        this.intake = intake;
        this.cases = cases;
        this.user = user;
    }

    @POST
    @RolesAllowed(CurrentUser.CRM)
    @Operation(operationId = "openCase", summary = "Open a case", description = "Requires an Idempotency-Key. A retry with the same key and "
            + "body answers the first answer again; another body with the same key is 422; a retry while the first "
            + "request runs is 409; an externalRef this client already used with another key is 409.")
    @APIResponse(responseCode = "201", description = "Case opened", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "Key in flight, or externalRef already used", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many cases opened by this client; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", ref = ApiContract.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiContract.UNSUPPORTED_MEDIA_TYPE)
    public Response open(
            @Parameter(description = "1 to 255 characters, unique per request", required = true)
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OpenCaseRequest.class),
                    examples = @ExampleObject(name = "lateDelivery", value = LATE_DELIVERY)))
            @NotNull @Valid OpenCaseRequest request) {
        if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 255
                || Text.firstUnsafe(idempotencyKey, false) >= 0) {
            throw new DomainException.Invalid("idempotency-key-missing", "Idempotency-Key required",
                    "Send an Idempotency-Key header of 1 to 255 characters with every case you open.",
                    List.of(new Problem.Violation("Idempotency-Key", "is required, 1 to 255 characters, no control characters")),
                    java.util.Map.of());
        }
        CaseIntake.Answer answer = intake.open(clientId(), idempotencyKey, request);
        // A replay answers as the first request was answered: the case was created.
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .entity(answer.body())
                .type(MediaType.APPLICATION_JSON);
        if (answer.caseId() != null) {
            response.location(URI.create("/api/cases/" + answer.caseId()));
        }
        if (answer.outcome() == CaseIntake.Outcome.REPLAYED) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CurrentUser.CRM, CurrentUser.AGENT, CurrentUser.MANAGER, CurrentUser.ADMIN })
    @Operation(operationId = "getCase", summary = "A case with its customer, failure, compensation and timeline",
            description = "Status, current step, customer, failure, compensation, repeatFailure and the timeline. "
                    + "A CRM client sees only the cases it opened.")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public CaseView get(@PathParam("id") UUID id) {
        return cases.get(id, viewer());
    }

    @GET
    @RolesAllowed({ CurrentUser.CRM, CurrentUser.AGENT, CurrentUser.MANAGER, CurrentUser.ADMIN })
    @Operation(operationId = "listCases", summary = "List cases, newest first", description = "Filtered by "
            + "status, customerId and externalRef; keyset pages of at most `limit` (default 50, max 200), the next "
            + "one from `cursor`. A CRM client sees only its own cases.")
    @APIResponse(responseCode = "200", description = "One page of cases")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    public Page<CaseView> list(@QueryParam("status") CaseStatus status,
            @QueryParam("customerId") @Size(max = 100) @SingleLine String customerId,
            @QueryParam("externalRef") @Size(max = 100) @SingleLine String externalRef,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return cases.list(new CaseFilter(status, customerId, externalRef), PageRequest.of(limit, cursor),
                viewer());
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({ CurrentUser.CRM, CurrentUser.AGENT, CurrentUser.MANAGER, CurrentUser.ADMIN })
    @Operation(operationId = "getCaseTimeline", summary = "The timeline of a case",
            description = "Every step, who did it, when and with what, oldest first.")
    @APIResponse(responseCode = "200", description = "The timeline")
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public List<TimelineEntryView> timeline(@PathParam("id") UUID id) {
        return cases.timeline(id, viewer());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(CurrentUser.CRM)
    @Operation(operationId = "cancelCase", summary = "Cancel a case", description = "Ends its process; 409 when the "
            + "case is already closed or its compensation is already granted.")
    @APIResponse(responseCode = "200", description = "The cancelled case")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiContract.CONFLICT)
    @APIResponse(responseCode = "413", ref = ApiContract.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiContract.UNSUPPORTED_MEDIA_TYPE)
    public CaseView cancel(@PathParam("id") UUID id, @NotNull @Valid CancelRequest request) {
        return cases.cancel(id, request.reason(), viewer());
    }

    private String clientId() {
        return user.id();
    }

    private CaseService.Viewer viewer() {
        return user.hasRole(CurrentUser.CRM) ? CaseService.Viewer.crm(clientId())
                : CaseService.Viewer.staff(user.id());
    }
}
