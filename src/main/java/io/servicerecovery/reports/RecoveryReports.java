package io.servicerecovery.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    RecoveryReports(CaseFigures cases, StepTimes times, CompensationFigures compensations, SpendFigures spend,
            ApologyFindingsQuery apologies, EmpowermentConfig empowerment) {
        this.cases = cases;
        this.times = times;
        this.compensations = compensations;
        this.spend = spend;
        this.apologies = apologies;
        this.empowerment = empowerment;
    }

    /**
     * Read in one transaction; under READ COMMITTED each query sees what was committed when it started, so a
     * case that changes while the report runs may show in one figure before and in the next after the change.
     */
    @Transactional
    public RecoveryReport report(ReportQuery query) {
        CaseSelection selection = new CaseSelection(query, empowerment.defaultLevel());
        CaseFigures.Result counts = cases.of(selection);
        StepTimes.Result stepTimes = times.of(selection);
        return new RecoveryReport(
                new RecoveryReport.Period(query.from(), query.to(), query.currency(), query.level(), query.agent()),
                counts.cases(), stepTimes.times(), compensations.of(selection), spend.of(selection),
                counts.repeatFailures(), stepTimes.slaBreaches(), apologies.of(selection));
    }
}
