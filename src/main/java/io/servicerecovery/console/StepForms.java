package io.servicerecovery.console;

import static io.servicerecovery.console.FormValues.blankToNull;
import static io.servicerecovery.console.FormValues.choice;
import static io.servicerecovery.console.FormValues.decimal;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.servicerecovery.compensation.CompensationType;
import io.servicerecovery.compensation.ProposalRequest;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.RecoveryStep;
import io.servicerecovery.workflow.tasks.AccountabilityCompletion;
import io.servicerecovery.workflow.tasks.ApologyCompletion;
import io.servicerecovery.workflow.tasks.TaskClaims;
import io.servicerecovery.workflow.tasks.TaskCompletions;

/**
 * The step forms of the case page, as plain HTML forms: each builds its step's typed body and
 * completes the task through the same step registry the REST API uses ({@link TaskCompletions}). A refusal shows
 * the case page again with the agent's words kept and the reason beside them; success
 * goes back to the case page (post, redirect, get), which then shows the next step or the
 * outcome.
 */
@Path("/console/cases/{caseId}/tasks/{taskId}")
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER })
@Produces(MediaType.TEXT_HTML)
public class StepForms {

    private final ConsoleRequest console;
    private final CasePage casePage;
    private final TaskClaims claims;
    private final TaskCompletions completions;

    public StepForms(ConsoleRequest console, CasePage casePage, TaskClaims claims, TaskCompletions completions) {
        this.console = console;
        this.casePage = casePage;
        this.claims = claims;
        this.completions = completions;
    }

    @POST
    @Path("accountability")
    public Response accountability(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId,
            @FormParam("statement") String statement, @FormParam("rootCause") String rootCause) {
        return complete(caseId, FormValues.typed("statement", statement, "rootCause", rootCause), done(StepDone.ACCOUNTABILITY), () -> completions
                .complete(taskId, RecoveryStep.ACCOUNTABILITY,
                        new AccountabilityCompletion(blankToNull(statement), blankToNull(rootCause)), console.user()));
    }

    @POST
    @Path("apology")
    public Response apology(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId,
            @FormParam("message") String message, @FormParam("deliveredVia") String deliveredVia) {
        return complete(caseId, FormValues.typed("message", message, "deliveredVia", deliveredVia), done(StepDone.APOLOGY),
                () -> completions.complete(
                taskId, RecoveryStep.APOLOGY, new ApologyCompletion(blankToNull(message),
                        choice(ApologyCompletion.DeliveredVia.class, "deliveredVia", deliveredVia)),
                console.user()));
    }

    @POST
    @Path("compensation")
    public Response compensation(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId,
            @FormParam("type") String type, @FormParam("amount") String amount,
            @FormParam("currency") String currency, @FormParam("reason") String reason) {
        Map<String, String> input = FormValues.typed("type", type, "amount", amount, "currency", currency, "reason", reason);
        return complete(caseId, input, StepDone::ofProposal, () -> {
            CompensationType kind = choice(CompensationType.class, "type", type);
            boolean none = kind == CompensationType.NONE;
            // A discount is a percent of the order: a currency left in the field (a browser without the form's
            // script) is not the agent's intent, so it is dropped rather than refused.
            boolean percent = kind == CompensationType.DISCOUNT_PERCENT;
            return completions.complete(taskId, RecoveryStep.COMPENSATION, new ProposalRequest(kind, none ? null : decimal("amount", amount),
                    none || percent ? null : blankToNull(currency), blankToNull(reason)), console.user());
        });
    }

    @POST
    @Path("release")
    public Response release(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId) {
        return complete(caseId, Map.of(), done(StepDone.RELEASED), () -> claims.unclaim(taskId, console.user()));
    }

    @POST
    @Path("claim")
    public Response claim(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId) {
        return complete(caseId, Map.of(), done(StepDone.CLAIMED), () -> claims.claim(taskId, console.user()));
    }

    /**
     * Runs the step and redirects to the case page with a short code of what happened ({@link StepDone}), which
     * the page words; a refusal shows the page again with what was typed.
     */
    private Response complete(UUID caseId, Map<String, String> input, Function<Object, StepDone> what, Supplier<?> step) {
        return ConsoleRefusals.answer(() -> {
            StepDone done = what.apply(step.get());
            return ConsoleRedirect.seeOther("/console/cases/" + caseId + (done == null ? "" : "?done=" + done.code()));
        }, problem -> casePage.page(caseId, input, problem));
    }

    private static Function<Object, StepDone> done(StepDone done) {
        return result -> done;
    }
}
