package io.tiedepth.jobs;

import io.tiedepth.jobs.claims.ClaimsJob;
import io.tiedepth.jobs.features.FeaturesJob;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Rebuilds {@code reports/<date>/} for a past date, as the report of that date would have been: features and claims
 * over the exports ingested on or before it ({@code exports.ingested_at}). Works in a scratch warehouse under
 * {@code _scratch/<run_id>/<date>/} (features and stats there are thrown away), then hands the date's report folder
 * to the run's publisher, so it replaces that date's reports and nothing else.
 */
final class Backfill {
    private static final Logger LOG = LogManager.getLogger(Backfill.class);

    private Backfill() {
    }

    static Map<String, Long> report(SparkSession spark, RunJob.Config config, LocalDate date, String runId)
            throws IOException {
        Warehouse real = config.warehouse();
        Warehouse scratch = new Warehouse(real.path("_scratch/" + runId + "/" + date));
        Publisher scratchPublisher = new Publisher(scratch, runId, spark.sparkContext().hadoopConfiguration());
        FeaturesJob.Result features = FeaturesJob.run(spark,
                new FeaturesJob.Config(real, config.params(), date), scratchPublisher);
        ClaimsJob.run(spark, new ClaimsJob.Config(scratch, date, config.claimParams()), scratchPublisher);
        String relative = ClaimsJob.reportsDir(date);
        Publisher realPublisher = new Publisher(real, runId, spark.sparkContext().hadoopConfiguration());
        realPublisher.adopt(relative, scratch.path(relative));
        realPublisher.publish();
        Path scratchRoot = new Path(real.path("_scratch"));
        scratchRoot.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(scratchRoot, true);
        LOG.info("backfill: reports/{} rebuilt over {} owners ingested by then", date, features.owners());
        return Map.of("owners", features.owners());
    }
}
