package io.servicerecovery.console;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.cases.CaseService;
import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.cases.CaseView;
import io.servicerecovery.security.CurrentUser;

/** My recent work: the cases I recovered and what I granted, and what is waiting for approval. */
@Path("/console/work")
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER })
@Produces(MediaType.TEXT_HTML)
public class WorkPage {

    static final int RECENT = 50;

    private final ConsoleRequest console;
    private final CaseService cases;

    public WorkPage(ConsoleRequest console, CaseService cases) {
        this.console = console;
        this.cases = cases;
    }

    public record Work(List<CaseView> recovered, List<CaseView> pending) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance work(PageFrame frame, Work work);
    }

    @GET
    public TemplateInstance work() {
        List<CaseView> mine = cases.recentWorkOf(console.user().id(), RECENT);
        Work work = new Work(mine.stream().filter(c -> c.status() == CaseStatus.RECOVERED).toList(),
                mine.stream().filter(c -> c.status() == CaseStatus.AWAITING_APPROVAL).toList());
        return console.localized(Templates.work(console.frame("work"), work));
    }
}
