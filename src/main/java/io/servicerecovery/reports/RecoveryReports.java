package io.servicerecovery.reports;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.empowerment.EmpowermentConfig;

/**
 * The recovery report: what recovery achieved for the cases opened in a period. Every figure is an
 * aggregate query over the service's own tables (never the engine's history, which may be trimmed); no
 * case is loaded into memory. The REST resource and the managers' console both call this.
 */
@ApplicationScoped
public class RecoveryReports {

    private final CaseFigures cases;
    private final StepTimes times;
    private final CompensationFigures compensations;
    private final SpendFigures spend;
    private final ApologyFindingsQuery apologies;
    private final EmpowermentConfig empowerment;
    private final FigureQueries queries;

    RecoveryReports(CaseFigures cases, StepTimes times, CompensationFigures compensations, SpendFigures spend,
            ApologyFindingsQuery apologies, EmpowermentConfig empowerment, FigureQueries queries) {
        this.cases = cases;
        this.times = times;
        this.compensations = compensations;
        this.spend = spend;
        this.apologies = apologies;
        this.empowerment = empowerment;
        this.queries = queries;
    }

    /**
     * The figure families are independent queries over the same selection; they run side by side
     * ({@link FigureQueries}), the slowest first, and the report waits for all of them.
     */
    public RecoveryReport report(ReportQuery query) {
        CaseSelection selection = new CaseSelection(query, empowerment.defaultLevel());
        CompletableFuture<StepTimes.Result> stepTimes = queries.start(() -> times.of(selection));
        CompletableFuture<RecoveryReport.Spend> spent = queries.start(() -> spend.of(selection));
        CompletableFuture<List<RecoveryReport.ApologyFindings>> findings = queries.start(() -> apologies.of(selection));
        CompletableFuture<RecoveryReport.Compensations> proposals = queries.start(() -> compensations.of(selection));
        CompletableFuture<CaseFigures.Result> counts = queries.start(() -> cases.of(selection));
        CaseFigures.Result caseFigures = FigureQueries.await(counts);
        StepTimes.Result timing = FigureQueries.await(stepTimes);
        return new RecoveryReport(
                new RecoveryReport.Period(query.from(), query.to(), query.currency(), query.level(), query.agent()),
                caseFigures.cases(), timing.times(), FigureQueries.await(proposals), FigureQueries.await(spent),
                caseFigures.repeatFailures(), timing.slaBreaches(), FigureQueries.await(findings));
    }
}
