package io.tiedepth.jobs.features;

import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.Runs;
import io.tiedepth.jobs.Warehouse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code features}: reads the canonical tables of a warehouse and writes {@code features/tie_features},
 * {@code features/owner_metrics} (DESIGN §5–6) and {@code features/panels} (issue 17's within-owner panels,
 * {@link Panels}), staged and then published together.
 */
public final class FeaturesJob {
    private static final Logger LOG = LogManager.getLogger(FeaturesJob.class);

    private FeaturesJob() {
    }

    /**
     * @param warehouse where the canonical tables are read from
     * @param asOf      when set, only exports ingested on or before that date count (report backfill)
     */
    public record Config(Warehouse warehouse, FeatureParams params, LocalDate asOf) {
        public Config(Warehouse warehouse, FeatureParams params) {
            this(warehouse, params, null);
        }
    }

    public record Result(long owners, long tieFeatureRows, Map<String, Long> tableRows, Duration took)
            implements Runs.StageResult {
        /** The run manifest's counts: rows written per output. */
        @Override
        public Map<String, Long> counts() {
            return tableRows;
        }
    }

    public static Result run(SparkSession spark, Config config, Publisher publisher) throws IOException {
        Instant start = Instant.now();
        Warehouse w = config.warehouse();
        spark.sparkContext().setJobGroup("features", "features: tie features and owner metrics", false);
        try (io.tiedepth.jobs.Progress progress = io.tiedepth.jobs.Progress.start(spark, "features", null, 0)) {
            Dataset<Row> exports = spark.read().parquet(w.path(Warehouse.EXPORTS));
            if (config.asOf() != null) {
                exports = exports.filter(org.apache.spark.sql.functions.col(io.tiedepth.schema.Columns.INGESTED_AT)
                        .lt(java.sql.Timestamp.from(config.asOf().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant())));
            }
            Dataset<Row> interactions = spark.read().parquet(w.path(Warehouse.INTERACTIONS));
            Dataset<Row> analysed = AnalysedExports.select(exports).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> tieFeatures = TieFeatures.compute(analysed, spark.read().parquet(w.path(Warehouse.TIES)),
                    interactions, config.params()).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> circles = DunbarLayerAssignment.circles(tieFeatures).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> ownerMetrics = DunbarLayerAssignment.addLayerMetrics(OwnerMetrics.compute(analysed,
                    tieFeatures, spark.read().parquet(w.path(Warehouse.INVITATIONS)), interactions), circles);
            DunbarLayerAssignment.assignLayers(tieFeatures, circles).write().mode("overwrite")
                    .parquet(publisher.stage(Warehouse.TIE_FEATURES));
            ownerMetrics.coalesce(1).write().mode("overwrite").parquet(publisher.stage(Warehouse.OWNER_METRICS));
            Panels.compute(analysed, spark.read().parquet(w.path(Warehouse.TIES)), interactions,
                    spark.read().parquet(w.path(Warehouse.INVITATIONS))).write().mode("overwrite")
                    .parquet(publisher.stage(Warehouse.PANELS));
            long panelRows = spark.read().parquet(publisher.stagingRoot() + "/" + Warehouse.PANELS).count();
            long tieRows = tieFeatures.count();
            long owners = spark.read().parquet(publisher.stagingRoot() + "/" + Warehouse.OWNER_METRICS).count();
            circles.unpersist();
            tieFeatures.unpersist();
            analysed.unpersist();
            io.tiedepth.jobs.Faults.point("features.staged");
            publisher.publish();
            Result r = new Result(owners, tieRows, Map.of("tie_features", tieRows, "owner_metrics", owners,
                    "panels", panelRows),
                    Duration.between(start, Instant.now()));
            LOG.info("features: {} owners, {} owner-contact rows; {} s", owners, tieRows, r.took().toSeconds());
            return r;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }
}
