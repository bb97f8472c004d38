package io.servicerecovery.console.manager;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.IsoCurrency;
import io.servicerecovery.console.ConsoleProblem;
import io.servicerecovery.console.ConsoleRefusals;
import io.servicerecovery.console.ConsoleRequest;
import io.servicerecovery.console.PageFrame;
import io.servicerecovery.reports.RecoveryReport;
import io.servicerecovery.reports.RecoveryReports;
import io.servicerecovery.reports.RecoveryTrend;
import io.servicerecovery.reports.ReportDownloads;
import io.servicerecovery.reports.ReportPeriod;
import io.servicerecovery.reports.ReportQuery;
import io.servicerecovery.security.CurrentUser;

/**
 * The recovery report as a manager reads it: the period's cases and the share recovered,
 * recovered share over time, time per step, how much was granted within empowerment and how
 * much waited, spend against budget, approvals and escalations, repeat failures, SLA breaches
 * and what the apology checks refused. Each chart has its numbers as a table beside it, and
 * the tables download as a ZIP of CSV files.
 */
@Path("/console/dashboard")
@RolesAllowed(CurrentUser.MANAGER)
public class DashboardPage {

    static final int DEFAULT_DAYS = 30;
    static final int LONGEST_DAYS = 366;

    private final ConsoleRequest console;
    private final RecoveryReports reports;
    private final RecoveryTrend trend;
    private final Clock clock;

    public DashboardPage(ConsoleRequest console, RecoveryReports reports, RecoveryTrend trend, Clock clock) {
        this.console = console;
        this.reports = reports;
        this.trend = trend;
        this.clock = clock;
    }

    /** The period as chosen (dates, UTC, both days included) and what was found for it. */
    public record Dashboard(String from, String to, String currency, RecoveryReport report, DashboardCharts charts,
            String repeatLine, ConsoleProblem problem) {

        public String query() {
            return "from=" + from + "&to=" + to + (currency.isEmpty() ? "" : "&currency=" + currency);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(PageFrame frame, Dashboard dashboard);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("currency") String currency) {
        Chosen chosen = chosen(from, to, currency);
        return ConsoleRefusals.answer(() -> {
            ReportQuery query = chosen.query();
            RecoveryReport report = reports.report(query);
            Locale locale = console.locale();
            Figures figures = new Figures(locale);
            return ConsoleRefusals.shown(page(new Dashboard(chosen.from, chosen.to, chosen.currency, report,
                    new DashboardCharts(report, trend.of(query), ChartWords.of(locale), figures),
                    repeatLine(report.repeatFailures(), figures), null)));
        }, problem -> page(new Dashboard(chosen.from, chosen.to, chosen.currency, null, null, null, problem)));
    }

    /** "1 case of 1 customer who failed before; …": CLDR's plural forms for the page's language. */
    private static String repeatLine(RecoveryReport.RepeatFailures repeats, Figures figures) {
        return figures.message(ChartWords.bundle(figures.locale()).dash_repeat_line(), Map.of("cases", repeats.cases(),
                "customers", repeats.customers(), "share", figures.share(repeats.recoveredShare()),
                "compensated", repeats.compensated()));
    }

    private TemplateInstance page(Dashboard dashboard) {
        return console.localized(Templates.dashboard(console.frame("dashboard"), dashboard));
    }

    /**
     * The dashboard's tables as a ZIP of CSV files, one per table, headed in the page's language. The API's
     * CSV ({@code Accept: text/csv} on {@code /api/reports/recovery}) stays one file with sections.
     */
    @GET
    @Path("report.zip")
    @Produces("application/zip")
    public Response zip(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("currency") String currency) {
        Chosen chosen = chosen(from, to, currency);
        ReportQuery query = chosen.query();
        Locale locale = console.locale();
        byte[] zip = ReportDownloads.zip(DashboardTables.of(reports.report(query), trend.of(query),
                ChartWords.bundle(locale), new Figures(locale)));
        return Response.ok(zip)
                .header("Content-Disposition",
                        "attachment; filename=\"recovery-" + chosen.from + "-" + chosen.to + ".zip\"")
                .build();
    }

    /** The fields as the manager filled them in, the last {@value #DEFAULT_DAYS} days where left empty. */
    private Chosen chosen(String from, String to, String currency) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new Chosen(blank(from) ? today.minusDays(DEFAULT_DAYS - 1).toString() : from.strip(),
                blank(to) ? today.toString() : to.strip(),
                blank(currency) ? "" : currency.strip().toUpperCase(Locale.ROOT));
    }

    private record Chosen(String from, String to, String currency) {

        ReportQuery query() {
            ReportPeriod period = ReportPeriod.ofDays(from, to);
            if (period.days() > LONGEST_DAYS) {
                throw DomainException.invalid("from", "the period may be at most " + LONGEST_DAYS + " days long");
            }
            if (!currency.isEmpty() && !new IsoCurrency.Validator().isValid(currency, null)) {
                throw DomainException.invalid("currency", "must be an ISO 4217 code such as EUR");
            }
            return new ReportQuery(period.start(), period.end(), currency.isEmpty() ? null : currency, null, null,
                    null);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
