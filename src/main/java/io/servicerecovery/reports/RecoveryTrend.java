package io.servicerecovery.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.servicerecovery.empowerment.EmpowermentConfig;

/**
 * The recovered share over time: the report's cases (same filters) counted per day they were
 * opened (UTC), in one grouped query, then merged into weeks when the period is long, so a
 * chart has at most about thirty points.
 */
@ApplicationScoped
public class RecoveryTrend {

    /** One point: the cases opened from {@code from} (inclusive, a UTC date) over {@code days} days. */
    public record Point(LocalDate from, int days, long opened, long recovered, Double recoveredShare) {
    }

    private final EntityManager em;
    private final EmpowermentConfig empowerment;

    RecoveryTrend(EntityManager em, EmpowermentConfig empowerment) {
        this.em = em;
        this.empowerment = empowerment;
    }

    @Transactional
    public List<Point> of(ReportQuery query) {
        CaseSelection selection = new CaseSelection(query, empowerment.defaultLevel());
        List<Object[]> rows = selection.rows(em, selection.with() + "select cast(sel.created_at as date), count(*), "
                + "sum(case when sel.status = 'RECOVERED' then 1 else 0 end) from sel "
                + "group by cast(sel.created_at as date) order by 1");
        long days = java.time.Duration.between(query.from(), query.to()).toDays();
        int bucket = days <= 31 ? 1 : 7;
        LocalDate start = LocalDate.ofInstant(query.from(), java.time.ZoneOffset.UTC);
        List<Point> points = new ArrayList<>();
        for (Object[] row : rows) {
            LocalDate day = day(row[0]);
            LocalDate from = start.plusDays((day.toEpochDay() - start.toEpochDay()) / bucket * bucket);
            long opened = CaseSelection.count(row[1]);
            long recovered = CaseSelection.count(row[2]);
            Point last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last != null && last.from().equals(from)) {
                opened += last.opened();
                recovered += last.recovered();
                points.remove(points.size() - 1);
            }
            points.add(new Point(from, bucket, opened, recovered, CaseSelection.share(recovered, opened)));
        }
        return points;
    }

    private static LocalDate day(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
