package io.servicerecovery.console.manager;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.servicerecovery.console.ConsoleRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.console.ConsoleProblem;
import io.servicerecovery.console.ConsoleRefusals;
import io.servicerecovery.console.ConsoleRequest;
import io.servicerecovery.console.FormValues;
import io.servicerecovery.console.PageFrame;
import io.servicerecovery.empowerment.EmpowermentAdmin;
import io.servicerecovery.empowerment.EmpowermentViews.AgentUpdate;
import io.servicerecovery.empowerment.EmpowermentViews.AgentView;
import io.servicerecovery.empowerment.ExpectedVersion;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.empowerment.LimitsInput;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.security.CurrentUser;

/**
 * A person's empowerment as a form: their level and personal overrides per currency (a
 * blank field inherits the level's), with a reason for the audit. A concurrent change by
 * another manager is shown as a conflict with both versions, as on the level form.
 */
@Path("/console/empowerment/agents/{agentId}")
@RolesAllowed(CurrentUser.MANAGER)
@Produces(MediaType.TEXT_HTML)
public class AgentForm {

    private final ConsoleRequest console;
    private final EmpowermentAdmin admin;
    private final StaffProfiles profiles;
    private final Validator validator;

    public AgentForm(ConsoleRequest console, EmpowermentAdmin admin, StaffProfiles profiles, Validator validator) {
        this.console = console;
        this.admin = admin;
        this.profiles = profiles;
        this.validator = validator;
    }

    /** @param theirs the person's empowerment as someone else saved it meanwhile (a conflict), or null */
    public record Edit(String agentId, String name, String level, List<String> levels, LimitRows overrides,
            String reason, String etag, AgentView current, AgentView theirs, ConsoleProblem problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agent(PageFrame frame, Edit edit);
    }

    @GET
    public TemplateInstance form(@PathParam("agentId") String agentId) {
        EmpowermentAdmin.Versioned<AgentView> now = admin.agent(agentId);
        return page(new Edit(agentId, profiles.displayNameOf(agentId), now.value().level().name(), levels(),
                LimitRows.ofPerson(now.value().overrides(), levelLimits(now.value().level())), "", now.etag(),
                now.value(), null, null));
    }

    @POST
    public Response save(@PathParam("agentId") String agentId, @FormParam("etag") String etag,
            @FormParam("level") String level, @FormParam("reason") String reason,
            @FormParam("currency") List<String> currency, @FormParam("maxCredit") List<String> maxCredit,
            @FormParam("maxDiscount") List<String> maxDiscount, @FormParam("budget") List<String> budget) {
        Level saved = admin.agent(agentId).value().level();
        LimitRows typed = LimitRows.typed(currency, maxCredit, maxDiscount, budget, List.of(), List.of(), false,
                levelLimits(saved));
        String why = reason == null ? "" : reason;
        String name = profiles.displayNameOf(agentId);
        return ConsoleRefusals.answer(() -> {
            Level chosen = FormValues.choice(Level.class, "level", level);
            AgentUpdate update = new AgentUpdate(chosen, typed.inputs(), why.strip());
            Validation.check(validator, update);
            admin.updateAgent(agentId, ExpectedVersion.fromIfMatch(etag), update, console.user().id());
            return ConsoleRedirect.seeOther("/console/empowerment?saved=" + FormValues.urlEncoded(agentId)
                    + "&person=" + FormValues.urlEncoded(agentId));
        }, problem -> {
            EmpowermentAdmin.Versioned<AgentView> now = admin.agent(agentId);
            if (problem.staleVersion()) {
                // the form carries the current version now: saving again replaces theirs knowingly
                return page(new Edit(agentId, name, level, levels(), typed, why, now.etag(), now.value(), now.value(),
                        null));
            }
            return page(new Edit(agentId, name, level, levels(), typed, why, etag, now.value(), null, problem));
        });
    }

    /** The person's level's limits by currency: what an empty field of their rows stands for. */
    private Map<String, LimitsInput> levelLimits(Level level) {
        Map<String, LimitsInput> byCurrency = new TreeMap<>();
        admin.level(level).limits().forEach(l -> byCurrency.put(l.currency(), l));
        return byCurrency;
    }

    private TemplateInstance page(Edit edit) {
        return console.localized(Templates.agent(console.frame("empowerment"), edit));
    }

    private static List<String> levels() {
        return Arrays.stream(Level.values()).map(Enum::name).toList();
    }
}
