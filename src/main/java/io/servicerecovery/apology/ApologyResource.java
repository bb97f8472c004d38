package io.servicerecovery.apology;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.servicerecovery.common.ApiContract;
import io.servicerecovery.common.FreeText;
import io.servicerecovery.security.CurrentUser;

@Path("/api/apologies")
@Tag(name = "Apologies", description = "Quality checks of what agents write to customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER })
public class ApologyResource {

    private final ApologyReview review;

    public ApologyResource(ApologyReview review) {
        this.review = review;
    }

    public record CheckRequest(@NotNull UUID caseId, @NotBlank @Size(max = 4000) @FreeText String message) {
    }

    /** @param findings rendered in English, the API's language */
    public record CheckResult(boolean ok, List<FindingMessage> findings) {
    }

    @POST
    @Path("/check")
    @Operation(operationId = "checkApology", summary = "Dry run of the apology checks", description = "The findings an APOLOGY completion with "
            + "this message would get on this case; ok is true when none of them blocks.")
    @APIResponse(responseCode = "200", description = "The findings; nothing is stored")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ApiContract.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiContract.UNSUPPORTED_MEDIA_TYPE)
    public CheckResult check(@NotNull @Valid CheckRequest request) {
        List<Finding> findings = review.reviewApology(request.caseId(), request.message());
        FindingTexts english = FindingTexts.english();
        return new CheckResult(findings.stream().noneMatch(Finding::blocking), findings.stream().map(english::view).toList());
    }
}
