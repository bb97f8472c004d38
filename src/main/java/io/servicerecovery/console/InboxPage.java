package io.servicerecovery.console;

import java.net.URI;
import java.time.Clock;
import java.util.List;

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
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.workflow.RecoveryStep;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.tasks.TaskClaims;
import io.servicerecovery.workflow.tasks.TaskInbox;
import io.servicerecovery.workflow.tasks.TaskInbox.AssigneeFilter;
import io.servicerecovery.workflow.tasks.InboxLine;

/**
 * The agent's inbox: their own tasks, and the unassigned queue of their teams, most urgent
 * first (priority, then due time). The lists refresh themselves every 15 seconds. One search box finds a
 * case by its reference, the customer's id or name; one-key shortcuts (console/inbox-keys.js) move, open and claim.
 */
@Path("/console")
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER, CurrentUser.ADMIN })
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    static final int SHOWN = 50;

    private final ConsoleRequest console;
    private final TaskInbox tasks;
    private final TaskClaims claims;
    private final Clock clock;

    public InboxPage(ConsoleRequest console, TaskInbox tasks, TaskClaims claims, Clock clock) {
        this.console = console;
        this.tasks = tasks;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * @param search what the search box holds (part of a case reference, customer id or name)
     * @param moreMine, moreQueue whether a list has more than it shows (its count then reads "50+")
     */
    public record InboxView(String type, String search, List<String> types, List<TaskRow> mine,
            List<TaskRow> queue, boolean moreMine, boolean moreQueue) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(PageFrame frame, InboxView inbox);

        static native TemplateInstance inbox$lists(PageFrame frame, InboxView inbox);
    }

    /**
     * The inbox; an operator who works no cases (the admin) lands on the incidents instead.
     *
     * @param q the search box; {@code customer}, its name before it also matched references, still works in links
     */
    @GET
    public Response inbox(@QueryParam("type") String type, @QueryParam("q") String q,
            @QueryParam("customer") String customer) {
        if (!console.user().isStaff()) {
            return ConsoleRedirect.seeOther("/console/incidents");
        }
        return Response.ok(console.localized(Templates.inbox(console.frame("inbox"), view(type, q == null ? customer : q))))
                .build();
    }

    /** The two lists alone, for the page's periodic refresh. */
    @GET
    @Path("inbox/lists")
    public TemplateInstance lists(@QueryParam("type") String type, @QueryParam("q") String q) {
        return console.localized(Templates.inbox$lists(console.frame("inbox"), view(type, q)));
    }

    /**
     * Claims a task from the list and opens its case, where the work is done; the page confirms the claim and
     * puts the focus in the step's form (see the case page's {@code autofocus}).
     */
    @POST
    @Path("tasks/{id}/claim")
    public Response claim(@PathParam("id") String taskId) {
        var claimed = claims.claim(taskId, console.user());
        return ConsoleRedirect.seeOther("/console/cases/" + claimed.caseId() + "?done=" + StepDone.CLAIMED.code());
    }

    private InboxView view(String type, String searchText) {
        String search = searchText == null || searchText.isBlank() ? null
                : searchText.strip().substring(0, Math.min(100, searchText.strip().length()));
        RecoveryStep step = parseStep(type);
        CurrentUser user = console.user();
        // The most urgent fifty of each list: more than anyone works through before the next refresh.
        PageRequest page = PageRequest.of(SHOWN, null);
        var mine = tasks.lines(user, AssigneeFilter.ME, step, search, page);
        var queue = tasks.lines(user, AssigneeFilter.UNASSIGNED, step, search, page);
        List<String> types = java.util.Arrays.stream(RecoveryStep.values())
                .filter(s -> s != RecoveryStep.APPROVAL || user.isManager()).map(Enum::name).toList();
        return new InboxView(step == null ? "" : step.name(), search == null ? "" : search, types,
                rows(mine.items()), rows(queue.items()),
                mine.nextCursor() != null, queue.nextCursor() != null);
    }

    private List<TaskRow> rows(List<InboxLine> tasks) {
        return tasks.stream().map(t -> TaskRow.of(t, clock)).toList();
    }

    private static RecoveryStep parseStep(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return RecoveryStep.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
