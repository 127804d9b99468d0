package io.tiedepth.jobs.claims;

import io.tiedepth.claims.ClaimInputs;
import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Claims;
import io.tiedepth.claims.Cohorts;
import io.tiedepth.claims.Curves;
import io.tiedepth.claims.LayerTable;
import io.tiedepth.claims.OwnerRow;
import io.tiedepth.claims.PlatformClaims;
import io.tiedepth.claims.PublishedResults;
import io.tiedepth.claims.PlatformSuppression;
import io.tiedepth.claims.ReportSuppression;
import io.tiedepth.claims.ReportCsv;
import io.tiedepth.claims.StatsRows;
import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.Runs;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.schema.StatsTables;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * {@code claims}: from a warehouse's features, the statistics of DESIGN §6–7 and a verdict for each claim: C1–C10
 * (between owners) and C11–C12 (within owners over time, on {@code features/panels}), two Holm families.
 *
 * <p>Per-tie counts are aggregated in Spark ({@link OwnerInputs}); the owner rows are collected and everything else
 * — claims with owner-bootstrap intervals and Holm ({@link Claims}), cohorts, curves, the layers table — is
 * computed on the driver; with two or more platforms of at least min_owners owners each, the claims are also
 * estimated per platform ({@link PlatformClaims}, rows with their {@code platform}). Writes {@code stats/claims},
 * {@code stats/cohorts}, {@code stats/curves}, {@code stats/layers}, {@code stats/published} (Parquet, one file each)
 * and {@code reports/<run_date>/claims.csv}, {@code cohorts.csv}, {@code curves.csv}, {@code layers.csv},
 * {@code published.csv} (with k_min suppression, {@link ReportCsv}); all staged, then published
 * together.
 */
public final class ClaimsJob {
    private static final Logger LOG = LogManager.getLogger(ClaimsJob.class);
    public static final String STATS_CLAIMS = "stats/claims";
    public static final String STATS_COHORTS = "stats/cohorts";
    public static final String STATS_CURVES = "stats/curves";
    public static final String STATS_LAYERS = "stats/layers";
    public static final String STATS_PUBLISHED = "stats/published";
    /** The within-owner claims' reason on a warehouse without {@code features/panels}. */
    public static final String NO_PANELS = "this warehouse has no features/panels (built before within-owner panels "
            + "existed); rerun the features stage (tiedepth features, or run) to test the within-owner claims";

    private ClaimsJob() {
    }

    public record Config(Warehouse warehouse, LocalDate runDate, ClaimParams params) {
    }

    /**
     * What the stage did.
     *
     * @param claims the claims table on all owners (platform "all"): C1..C10, then C11, C12 (their own Holm family)
     * @param perPlatform the claims of each platform with at least min_owners owners, when there are two or more
     *     such platforms ({@link PlatformClaims}); else empty
     * @param owners owner rows (analysed exports) the statistics were computed on
     * @param tableRows rows written per output
     * @param reports the folder of the CSV reports
     */
    public record Result(List<ClaimResult> claims, Map<String, List<ClaimResult>> perPlatform, long owners,
                         Map<String, Long> tableRows, String reports, Duration took) implements Runs.StageResult {
        /** The run manifest's counts: rows written per output. */
        @Override
        public Map<String, Long> counts() {
            return tableRows;
        }
    }

    /** The folder of a run date's reports, relative to the warehouse. */
    public static String reportsDir(LocalDate runDate) {
        return "reports/" + runDate;
    }

    public static Result run(SparkSession spark, Config config, Publisher publisher) throws IOException {
        Instant start = Instant.now();
        Warehouse w = config.warehouse();
        ClaimParams p = config.params();
        spark.sparkContext().setJobGroup("claims", "claims: owner statistics and claim verdicts", false);
        try {
            boolean panels = hasPanels(spark, w);
            Dataset<Row> ownerMetrics = spark.read().parquet(w.path(Warehouse.OWNER_METRICS));
            Dataset<Row> tieFeatures = spark.read().parquet(w.path(Warehouse.TIE_FEATURES));
            Dataset<Row> inputs = panels
                    ? OwnerInputs.compute(ownerMetrics, tieFeatures, spark.read().parquet(w.path(Warehouse.PANELS)))
                    : OwnerInputs.compute(ownerMetrics, tieFeatures);
            List<OwnerRow> rows = OwnerInputs.collect(inputs, p);
            ClaimInputs in = ClaimInputs.of(rows);
            LOG.info("claims: {} owner rows collected; bootstrap {} resamples, seed {}", in.size(), p.resamples(),
                    p.seed());
            int testable = Claims.ALL.size() - 1;
            if (2.0 / (p.resamples() + 1) * testable >= p.alpha()) {
                LOG.warn("claims: with {} resamples the smallest bootstrap p is {}, so after Holm across {} claims no "
                        + "claim can be supported or contradicted; use --bootstrap {} or more", p.resamples(),
                        2.0 / (p.resamples() + 1), testable, (int) Math.ceil(2.0 * testable / p.alpha()));
            }
            PlatformClaims.Evaluated evaluated = evaluate(in, p, panels);
            List<ClaimResult> claims = evaluated.pooled();
            Map<String, List<ClaimResult>> perPlatform = evaluated.perPlatform();
            if (!perPlatform.isEmpty()) {
                LOG.info("claims: also estimated per platform ({}: each has at least {} owners)",
                        String.join(", ", perPlatform.keySet()), p.minOwners());
            }
            List<PlatformClaims.Row> claimRows = PlatformClaims.rows(claims, perPlatform);
            List<Cohorts.Cell> cohorts = Cohorts.compute(in, p);
            List<Curves.Point> curves = Curves.compute(in, p);
            List<LayerTable.Row> layers = LayerTable.compute(in);
            PlatformSuppression.Decision platformHidden = PlatformSuppression.decide(in, claimRows, p.kMin());
            List<PublishedResults.Comparison> published = PublishedResults.compute(PublishedInputs.collect(
                    spark.read().parquet(w.path(Warehouse.OWNER_METRICS)),
                    spark.read().parquet(w.path(Warehouse.TIE_FEATURES))), p.kMin(), platformHidden::hidesPlatform);
            ReportSuppression hidden = ReportSuppression.decide(in, cohorts, curves, layers, claims, p);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("owners", (long) in.size());
            counts.put("claims", write(spark, publisher, STATS_CLAIMS, StatsTables.CLAIMS, claimRows,
                    r -> StatsRows.claim(r, p)));
            counts.put("cohorts", write(spark, publisher, STATS_COHORTS, StatsTables.COHORTS, cohorts,
                    c -> StatsRows.cohort(c, hidden.hides(c))));
            counts.put("curves", write(spark, publisher, STATS_CURVES, StatsTables.CURVES, curves,
                    c -> StatsRows.curve(c, hidden.hides(c))));
            counts.put("layers", write(spark, publisher, STATS_LAYERS, StatsTables.LAYERS, layers,
                    l -> StatsRows.layer(l, hidden.hides(l))));
            counts.put("published", write(spark, publisher, STATS_PUBLISHED, StatsTables.PUBLISHED_RESULTS, published,
                    PublishedResults.Comparison::values));
            String reports = reportsDir(config.runDate());
            writeText(spark, publisher, reports + "/claims.csv",
                    ReportCsv.claimRows(claimRows, p, hidden::hidesSizeClass, platformHidden));
            writeText(spark, publisher, reports + "/cohorts.csv", ReportCsv.cohorts(cohorts, hidden::hides));
            writeText(spark, publisher, reports + "/curves.csv", ReportCsv.curves(curves, hidden::hides));
            writeText(spark, publisher, reports + "/layers.csv", ReportCsv.layers(layers, hidden::hides));
            writeText(spark, publisher, reports + "/published.csv", ReportCsv.published(published, p.kMin()));
            for (ClaimResult c : claims) {
                counts.put(c.claimId() + "_" + c.verdict().label(), 1L);
            }
            io.tiedepth.jobs.Faults.point("claims.staged");
            publisher.publish();
            Result r = new Result(claims, perPlatform, in.size(), counts, w.path(reports),
                    Duration.between(start, Instant.now()));
            LOG.info("claims: {} claims, {} cohort cells, {} curve points, {} layer rows; {} s", claims.size(),
                    cohorts.size(), curves.size(), layers.size(), r.took().toSeconds());
            return r;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /**
     * The two pre-specified Holm families: C1–C10 ({@link Claims#ALL}, between owners at one moment), then the
     * within-owner claims ({@link Claims#WITHIN_OWNER}, each owner over time), each adjusted on its own; without
     * {@code features/panels} (a warehouse built before panels existed) the second family is not testable.
     */
    static PlatformClaims.Evaluated evaluate(ClaimInputs in, ClaimParams p, boolean panels) {
        PlatformClaims.Evaluated between = PlatformClaims.evaluateWithPooled(in, p);
        PlatformClaims.Evaluated within = panels ? PlatformClaims.evaluateWithPooled(Claims.WITHIN_OWNER, in, p)
                : PlatformClaims.notTestable(Claims.WITHIN_OWNER, in, p, NO_PANELS);
        return between.then(within);
    }

    /** Whether the warehouse holds {@code features/panels}. */
    static boolean hasPanels(SparkSession spark, Warehouse w) throws IOException {
        Path panels = new Path(w.path(Warehouse.PANELS));
        return panels.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(panels);
    }

    private static <T> long write(SparkSession spark, Publisher publisher, String relative, StructType schema,
                                  List<T> items, Function<T, Object[]> values) {
        List<Row> rows = new ArrayList<>();
        for (T item : items) {
            rows.add(toRow(values.apply(item)));
        }
        spark.createDataFrame(rows, schema).coalesce(1).write().mode("overwrite").parquet(publisher.stage(relative));
        return rows.size();
    }

    /** NaN becomes null; a Java map becomes a Scala map. */
    static Row toRow(Object[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Double d && d.isNaN()) {
                v = null;
            } else if (v instanceof Map<?, ?> m) {
                v = JavaConverters.mapAsScalaMap(new LinkedHashMap<>(m)).toMap(scala.Predef.$conforms());
            }
            out[i] = v;
        }
        return RowFactory.create(out);
    }

    private static void writeText(SparkSession spark, Publisher publisher, String relative, String text)
            throws IOException {
        Path path = new Path(publisher.stage(relative));
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.setWriteChecksum(false); // no .crc files next to the reports
        fs.mkdirs(path.getParent());
        try (OutputStream out = fs.create(path, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
