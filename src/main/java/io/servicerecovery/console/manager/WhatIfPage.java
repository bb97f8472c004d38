package io.servicerecovery.console.manager;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.console.ConsoleProblem;
import io.servicerecovery.console.ConsoleRefusals;
import io.servicerecovery.console.ConsoleRequest;
import io.servicerecovery.console.PageFrame;
import io.servicerecovery.empowerment.EmpowermentAdmin;
import io.servicerecovery.empowerment.EmpowermentViews.CandidateLevel;
import io.servicerecovery.empowerment.EmpowermentViews.LevelView;
import io.servicerecovery.empowerment.EmpowermentViews.SimulationRequest;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.empowerment.Simulation;
import io.servicerecovery.reports.ReportPeriod;
import io.servicerecovery.security.CurrentUser;

/**
 * What-if: a level's limits changed on a form, replayed against a period's real proposals
 * beside today's limits over the same period: how many would have been granted at once,
 * how many would have waited for a manager, the spend, and the approvals each level would
 * have had to make. Nothing is saved; the empowerment page changes limits.
 */
@Path("/console/what-if")
@RolesAllowed(CurrentUser.MANAGER)
@Produces(MediaType.TEXT_HTML)
public class WhatIfPage {

    static final int DEFAULT_DAYS = 30;

    private final ConsoleRequest console;
    private final EmpowermentAdmin admin;
    private final Simulation simulation;
    private final Validator validator;
    private final Clock clock;

    public WhatIfPage(ConsoleRequest console, EmpowermentAdmin admin, Simulation simulation, Validator validator,
            Clock clock) {
        this.console = console;
        this.admin = admin;
        this.simulation = simulation;
        this.validator = validator;
        this.clock = clock;
    }

    /** The form as the manager filled it in, and the comparison once run. */
    public record WhatIf(String level, List<String> levels, LimitRows rows, LevelView today, String from, String to,
            WhatIfComparison result, ConsoleProblem problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance whatIf(PageFrame frame, WhatIf form);

        static native TemplateInstance whatIf$result(PageFrame frame, WhatIf form);
    }

    @GET
    public TemplateInstance form(@QueryParam("level") String level) {
        Level which = level == null || level.isBlank() ? Level.AGENT : LevelForm.levelOf(level);
        LevelView today = admin.level(which);
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return page(new WhatIf(which.name(), levels(), LimitRows.ofLevel(today.limits()), today,
                to.minusDays(DEFAULT_DAYS).toString(), to.toString(), null, null), false);
    }

    /** Runs the comparison; from htmx the answer is the result part alone. */
    @POST
    public Response run(@FormParam("level") String level, @FormParam("from") String from, @FormParam("to") String to,
            @FormParam("currency") List<String> currency, @FormParam("maxCredit") List<String> maxCredit,
            @FormParam("maxDiscount") List<String> maxDiscount, @FormParam("budget") List<String> budget,
            @FormParam("noCap") List<String> noCap, @FormParam("noBudget") List<String> noBudget,
            @jakarta.ws.rs.HeaderParam("HX-Request") String htmx) {
        Level which = LevelForm.levelOf(level);
        LevelView today = admin.level(which);
        LimitRows typed = LimitRows.typed(currency, maxCredit, maxDiscount, budget, noCap, noBudget, true,
                java.util.Map.of());
        return ConsoleRefusals.answer(() -> {
            ReportPeriod period = ReportPeriod.ofDays(from, to);
            SimulationRequest candidate = new SimulationRequest(period.start(), period.end(),
                    List.of(new CandidateLevel(which, typed.inputs())));
            Validation.check(validator, candidate);
            SimulationRequest current = new SimulationRequest(period.start(), period.end(),
                    List.of(new CandidateLevel(which, today.limits())));
            WhatIfComparison result = new WhatIfComparison(simulation.run(current), simulation.run(candidate),
                    ChartWords.of(console.locale()));
            return ConsoleRefusals.shown(page(new WhatIf(which.name(), levels(), typed, today, from, to, result, null),
                    htmx != null));
        }, problem -> page(new WhatIf(which.name(), levels(), typed, today, from, to, null, problem), htmx != null),
                htmx != null);
    }

    private TemplateInstance page(WhatIf form, boolean resultOnly) {
        PageFrame frame = console.frame("what-if");
        return console.localized(resultOnly ? Templates.whatIf$result(frame, form) : Templates.whatIf(frame, form));
    }

    private static List<String> levels() {
        return java.util.Arrays.stream(Level.values()).map(Enum::name).toList();
    }
}
