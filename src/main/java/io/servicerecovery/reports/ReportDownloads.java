package io.servicerecovery.reports;

/** The report as the CSV the API answers to {@code Accept: text/csv}, for the console's download. */
public final class ReportDownloads {

    private ReportDownloads() {
    }

    public static String csv(RecoveryReport report) {
        return ReportCsv.of(report);
    }
}
