package io.tiedepth.jobs;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Which date {@code report} may write: the stored statistics ({@code stats/}) are those of the latest claims stage,
 * so only that run date's report can be rebuilt from them. Another date is refused (a report titled with one date
 * and holding another's statistics would mislead); past dates are rebuilt with {@code run --from}.
 */
final class ReportDates {
    private ReportDates() {
    }

    /**
     * The date to report: {@code asked}, when the statistics are that date's, or the statistics' own date when
     * {@code asked} is null. A warehouse without a claims marker (written before markers existed) accepts a date
     * that has {@code reports/<date>/claims.csv}.
     */
    static LocalDate check(Warehouse w, LocalDate asked, Configuration hadoop) throws IOException, UsageException {
        String claimsRun = new Stages(w, hadoop).generation(Stages.CLAIMS);
        if (claimsRun == null) {
            LocalDate date = asked == null ? LocalDate.now(ZoneOffset.UTC) : asked;
            Path csv = new Path(w.path("reports/" + date + "/claims.csv"));
            if (!csv.getFileSystem(hadoop).exists(csv)) {
                throw new UsageException("Cannot write the report of " + date + ": no run of that date in the "
                        + "warehouse (reports/" + date + "/claims.csv is missing)");
            }
            return date;
        }
        LocalDate stats = LocalDate.parse(claimsRun.substring(0, 10));
        if (asked != null && !asked.equals(stats)) {
            throw new UsageException("Cannot write the report of " + asked + ": the stored statistics are those of "
                    + "the run of " + stats + " (run " + claimsRun + "); rebuild that date with --run-date " + stats
                    + ", or a past date's CSV reports with 'run --from " + asked + "'");
        }
        return stats;
    }
}
