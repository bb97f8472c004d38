package io.servicerecovery.console.manager;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.console.ConsoleProblem;
import io.servicerecovery.console.ConsoleRefusals;
import io.servicerecovery.console.ConsoleRequest;
import io.servicerecovery.console.PageFrame;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.incidents.IncidentView;
import io.servicerecovery.workflow.incidents.Incidents;

/**
 * Incidents for the operator: the steps that failed after all their retries (an email the
 * mail server kept refusing, a webhook-less booking error), with their error, and a retry
 * that gives the step a fresh retry cycle, as the API's retry does.
 */
@Path("/console/incidents")
@RolesAllowed(CurrentUser.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class IncidentsPage {

    private final ConsoleRequest console;
    private final Incidents incidents;

    public IncidentsPage(ConsoleRequest console, Incidents incidents) {
        this.console = console;
        this.incidents = incidents;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incidents(PageFrame frame, Page<IncidentView> page, IncidentView retried,
                ConsoleProblem problem);
    }

    @GET
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        return page(cursor, null, null);
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") String id) {
        return ConsoleRefusals.answer(
                () -> ConsoleRefusals.shown(page(null, incidents.retry(id, console.user().id()), null)),
                problem -> page(null, null, problem));
    }

    private TemplateInstance page(String cursor, IncidentView retried, ConsoleProblem problem) {
        return console.localized(Templates.incidents(console.frame("incidents"),
                incidents.list(null, PageRequest.of(50, cursor)), retried, problem));
    }
}
