package io.servicerecovery.console.manager;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
import io.servicerecovery.common.DomainException;
import io.servicerecovery.console.ConsoleProblem;
import io.servicerecovery.console.ConsoleRefusals;
import io.servicerecovery.console.ConsoleRequest;
import io.servicerecovery.console.PageFrame;
import io.servicerecovery.empowerment.EmpowermentAdmin;
import io.servicerecovery.empowerment.EmpowermentViews.LevelUpdate;
import io.servicerecovery.empowerment.EmpowermentViews.LevelView;
import io.servicerecovery.empowerment.ExpectedVersion;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.security.CurrentUser;

/**
 * A level's limits as a form: one row per currency, a reason for the audit, and the version
 * the manager started from. If someone saved the level meanwhile, the form shows both
 * versions and keeps the manager's; nothing is overwritten unseen.
 */
@Path("/console/empowerment/levels/{level}")
@RolesAllowed(CurrentUser.MANAGER)
@Produces(MediaType.TEXT_HTML)
public class LevelForm {

    private final ConsoleRequest console;
    private final EmpowermentAdmin admin;
    private final Validator validator;

    public LevelForm(ConsoleRequest console, EmpowermentAdmin admin, Validator validator) {
        this.console = console;
        this.admin = admin;
        this.validator = validator;
    }

    /**
     * @param theirs the level as saved by someone else meanwhile (a conflict), or null
     */
    public record Edit(Level level, LimitRows rows, String reason, String etag, LevelView theirs,
            ConsoleProblem problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance level(PageFrame frame, Edit edit);
    }

    @GET
    public TemplateInstance form(@PathParam("level") String level) {
        LevelView now = admin.level(levelOf(level));
        return page(new Edit(now.level(), offering(LimitRows.ofLevel(now.limits())), "", now.etag(), null, null));
    }

    @POST
    public Response save(@PathParam("level") String level, @FormParam("etag") String etag,
            @FormParam("reason") String reason, @FormParam("currency") List<String> currency,
            @FormParam("maxCredit") List<String> maxCredit, @FormParam("maxDiscount") List<String> maxDiscount,
            @FormParam("budget") List<String> budget, @FormParam("noCap") List<String> noCap,
            @FormParam("noBudget") List<String> noBudget) {
        Level which = levelOf(level);
        LimitRows typed = LimitRows.typed(currency, maxCredit, maxDiscount, budget, noCap, noBudget, true, Map.of());
        String why = reason == null ? "" : reason;
        return ConsoleRefusals.answer(() -> {
            LevelUpdate update = new LevelUpdate(typed.inputs(), why.strip());
            Validation.check(validator, update);
            admin.updateLevel(which, ExpectedVersion.fromIfMatch(etag), update, console.user().id());
            return ConsoleRedirect.seeOther("/console/empowerment?saved=" + which.name());
        }, problem -> {
            if (problem.staleVersion()) {
                // the form carries the current version now: saving again replaces theirs knowingly
                LevelView now = admin.level(which);
                return page(new Edit(which, offering(typed), why, now.etag(), now, null));
            }
            return page(new Edit(which, offering(typed), why, etag, null, problem));
        });
    }

    /** The rows with a row of its own for each currency the level has no limits in, saying whether I can add it. */
    private LimitRows offering(LimitRows rows) {
        String me = console.user().id();
        return rows.offering(admin.currencies(), currency -> admin.holdsLimitsIn(me, currency));
    }

    private TemplateInstance page(Edit edit) {
        return console.localized(Templates.level(console.frame("empowerment"), edit));
    }

    static Level levelOf(String level) {
        try {
            return Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("Level " + level);
        }
    }
}
