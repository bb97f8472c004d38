package io.servicerecovery.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.servicerecovery.common.ProblemException;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.tasks.RecoveryTasks;

/**
 * The step forms of the case page, as plain HTML forms: each completes the task through
 * the same service the REST API uses. A refusal shows the case page again with the
 * agent's words kept and the reason beside them; success goes back to the case page
 * (post, redirect, get), which then shows the next step or the outcome.
 */
@Path("/console/cases/{caseId}/tasks/{taskId}")
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER })
@Produces(MediaType.TEXT_HTML)
public class StepForms {

    private final ConsoleRequest console;
    private final RecoveryTasks tasks;
    private final CasePage casePage;
    private final ObjectMapper json;

    public StepForms(ConsoleRequest console, RecoveryTasks tasks, CasePage casePage, ObjectMapper json) {
        this.console = console;
        this.tasks = tasks;
        this.casePage = casePage;
        this.json = json;
    }

    @POST
    @Path("accountability")
    public Response accountability(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId,
            @FormParam("statement") String statement, @FormParam("rootCause") String rootCause) {
        return complete(caseId, taskId, fields("statement", statement, "rootCause", rootCause));
    }

    @POST
    @Path("apology")
    public Response apology(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId,
            @FormParam("message") String message, @FormParam("deliveredVia") String deliveredVia) {
        return complete(caseId, taskId, fields("message", message, "deliveredVia", deliveredVia));
    }

    @POST
    @Path("compensation")
    public Response compensation(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId,
            @FormParam("type") String type, @FormParam("amount") String amount,
            @FormParam("currency") String currency, @FormParam("reason") String reason) {
        Map<String, String> input = fields("type", type, "amount", amount, "currency", currency, "reason", reason);
        if ("NONE".equals(type)) {
            input.remove("amount");
            input.remove("currency");
        }
        return complete(caseId, taskId, input);
    }

    @POST
    @Path("release")
    public Response release(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId) {
        try {
            tasks.unclaim(taskId, console.user());
        } catch (ProblemException e) {
            return refused(caseId, Map.of(), e);
        }
        return backTo(caseId);
    }

    @POST
    @Path("claim")
    public Response claim(@PathParam("caseId") UUID caseId, @PathParam("taskId") String taskId) {
        try {
            tasks.claim(taskId, console.user());
        } catch (ProblemException e) {
            return refused(caseId, Map.of(), e);
        }
        return backTo(caseId);
    }

    private Response complete(UUID caseId, String taskId, Map<String, String> input) {
        ObjectNode body = json.createObjectNode();
        input.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                body.put(field, value);
            }
        });
        try {
            tasks.complete(taskId, console.user(), body);
        } catch (ProblemException e) {
            return refused(caseId, input, e);
        }
        return backTo(caseId);
    }

    private Response refused(UUID caseId, Map<String, String> input, ProblemException e) {
        return Response.status(e.status()).entity(casePage.page(caseId, input, ConsoleProblem.of(e)))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    private static Response backTo(UUID caseId) {
        return Response.seeOther(URI.create("/console/cases/" + caseId)).build();
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return map;
    }
}
