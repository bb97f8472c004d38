package io.servicerecovery.reports;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.servicerecovery.common.ApiContract;
import io.servicerecovery.common.IsoCurrency;
import io.servicerecovery.common.SingleLine;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.security.CurrentUser;

@Path("/api/reports/recovery")
@Tag(name = "Reports", description = "What recovery achieves, for managers and CRM clients")
@RolesAllowed({ CurrentUser.MANAGER, CurrentUser.CRM })
public class ReportResource {

    static final String CSV = "text/csv";

    private final RecoveryReports reports;
    private final CurrentUser user;
    private final Clock clock;

    public ReportResource(RecoveryReports reports, CurrentUser user, Clock clock) {
        this.reports = reports;
        this.user = user;
        this.clock = clock;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(operationId = "getRecoveryReport", summary = "The recovery report for the cases opened in a period", description = "Cases opened, "
            + "recovered, cancelled and open; time to first touch, per step and end to end (median, p90, in "
            + "seconds); proposals approved within empowerment vs escalated by the proposer's level; approvals per "
            + "level and their time to decision; escalations by the timer; spend by type and currency, per person "
            + "who approved and per level, against their daily budgets; repeat-failure customers and what became "
            + "of them; SLA breaches per step; how often each apology check refused a submitted apology, per "
            + "language. Every figure is about the cases opened in [from, to). The default period is the 30 days "
            + "before now (without `to` it ends now; without `from` it starts 30 days before `to`). A manager "
            + "sees every case, a CRM client only its own. `Accept: text/csv` answers the same figures as CSV, "
            + "one section per figure family.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecoveryReport.class),
                    examples = @ExampleObject(name = "november", value = ReportExamples.JSON)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "november", value = ReportExamples.CSV)) })
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    public Response report(
            @Parameter(description = "Start of the period (inclusive): an ISO 8601 instant or a date (UTC); "
                    + "default: 30 days before `to`", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "End of the period (exclusive): an ISO 8601 instant, or a date whose whole day "
                    + "is included; default: now", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Only money in this currency (spend, budgets); counts are not narrowed")
            @QueryParam("currency") @IsoCurrency String currency,
            @Parameter(description = "Only cases whose agent is at this empowerment level today")
            @QueryParam("level") Level level,
            @Parameter(description = "Only cases of this agent (who took accountability, else the owner the CRM named)")
            @QueryParam("agent") @Size(max = 100) @SingleLine String agent,
            @Context HttpHeaders headers) {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        String client = user.isManager() ? null : user.id();
        RecoveryReport report = reports.report(new ReportQuery(period.start(), period.end(), blankToNull(currency), level,
                blankToNull(agent), client));
        if (wantsCsv(headers)) {
            return Response.ok(ReportCsv.of(report), CSV + "; charset=UTF-8").header("Content-Disposition",
                    "attachment; filename=\"recovery-report.csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** JSON unless the caller prefers CSV: the first acceptable type that names one of the two decides. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
