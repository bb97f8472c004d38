package io.servicerecovery.console.manager;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.console.ConsoleRequest;
import io.servicerecovery.console.PageFrame;
import io.servicerecovery.empowerment.EmpowermentAdmin;
import io.servicerecovery.empowerment.EmpowermentViews.AuditView;
import io.servicerecovery.empowerment.EmpowermentViews.LevelView;
import io.servicerecovery.security.CurrentUser;

/**
 * Empowerment at a glance: each level's limits per currency, each person's level,
 * overrides and what they used of the rolling 24-hour budget, and the audit of every
 * change. Editing happens on the level's and the person's own form.
 */
@Path("/console/empowerment")
@RolesAllowed(CurrentUser.MANAGER)
@Produces(MediaType.TEXT_HTML)
public class EmpowermentPage {

    private final ConsoleRequest console;
    private final EmpowermentAdmin admin;
    private final People people;

    public EmpowermentPage(ConsoleRequest console, EmpowermentAdmin admin, People people) {
        this.console = console;
        this.admin = admin;
        this.people = people;
    }

    static final int PEOPLE_SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(PageFrame frame, List<LevelView> levels, List<People.Person> people,
                boolean more, String person, String saved);

        static native TemplateInstance audit(PageFrame frame, Page<AuditView> audit, String agent);
    }

    /**
     * @param person part of a login id, to find someone among many
     * @param saved what the manager just saved, to confirm it
     */
    @GET
    public TemplateInstance overview(@QueryParam("person") String person, @QueryParam("saved") String saved) {
        String search = person == null ? "" : person.strip().substring(0, Math.min(100, person.strip().length()));
        List<People.Person> found = people.find(search, PEOPLE_SHOWN + 1);
        boolean more = found.size() > PEOPLE_SHOWN;
        return console.localized(Templates.overview(console.frame("empowerment"), admin.levels(),
                more ? found.subList(0, PEOPLE_SHOWN) : found, more, search, saved == null ? "" : saved));
    }

    /** Every change, newest first; {@code agent} narrows it to one person's. */
    @GET
    @Path("audit")
    public TemplateInstance audit(@QueryParam("agent") String agent, @QueryParam("cursor") String cursor) {
        String who = agent == null || agent.isBlank() ? null : agent.strip();
        return console.localized(Templates.audit(console.frame("empowerment"),
                admin.audit(who, PageRequest.of(50, cursor)), who == null ? "" : who));
    }
}
