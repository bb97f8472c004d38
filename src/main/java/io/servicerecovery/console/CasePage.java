package io.servicerecovery.console;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.security.CurrentUser;

/**
 * A case as a whole story: the customer, what went wrong, the timeline, the customer's
 * earlier cases and what they were given, and, when it is the viewer's turn, the form of
 * the step they hold.
 */
@Path("/console/cases/{id}")
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER })
@Produces(MediaType.TEXT_HTML)
public class CasePage {

    private final ConsoleRequest console;
    private final CaseFiles files;

    public CasePage(ConsoleRequest console, CaseFiles files) {
        this.console = console;
        this.files = files;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance casePage(PageFrame frame, CaseFile file);
    }

    /** @param done what the agent just did (a {@link StepDone} code from the step's redirect), to confirm it */
    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return page(id, Map.of(), null, StepDone.parse(done));
    }

    /**
     * Polled (htmx) by a case page that waits for someone or something else (the email, an approver, the booking):
     * nothing while nothing happened; when something did, htmx is told to load the page afresh, so the badge, the
     * grant and the timeline are current without a reload by hand. A page with a form open never polls: a
     * reload would lose what the person is typing.
     */
    @GET
    @Path("progress")
    public Response progress(@PathParam("id") UUID id, @QueryParam("seen") String seen) {
        if (files.progressOf(id, console.user()).equals(seen)) {
            return Response.noContent().build();
        }
        return Response.noContent().header("HX-Redirect", "/console/cases/" + id).build();
    }

    TemplateInstance page(UUID id, Map<String, String> input, ConsoleProblem problem) {
        return page(id, input, problem, null);
    }

    private TemplateInstance page(UUID id, Map<String, String> input, ConsoleProblem problem, StepDone done) {
        return console.localized(Templates.casePage(console.frame("inbox"),
                files.of(id, console.user(), input, problem, done, console.locale())));
    }
}
