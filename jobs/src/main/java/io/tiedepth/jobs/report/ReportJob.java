package io.tiedepth.jobs.report;

import static io.tiedepth.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.PanelCurve;
import io.tiedepth.claims.PlatformClaims;
import io.tiedepth.claims.PlatformSuppression;
import io.tiedepth.claims.ReportCsv;
import io.tiedepth.claims.SizeClass;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.claims.ClaimsJob;
import io.tiedepth.jobs.claims.OwnerInputs;
import io.tiedepth.jobs.report.ReportModel.Banner;
import io.tiedepth.jobs.features.AnalysedExports;
import io.tiedepth.model.Canonical;
import io.tiedepth.schema.StatsTables;
import io.tiedepth.jobs.report.ReportModel.ClaimRow;
import io.tiedepth.jobs.report.ReportModel.CohortRow;
import io.tiedepth.jobs.report.ReportModel.CurvePoint;
import io.tiedepth.jobs.report.ReportModel.DepthMix;
import io.tiedepth.jobs.report.ReportModel.LayerRow;
import io.tiedepth.jobs.report.ReportModel.MonthCount;
import io.tiedepth.jobs.report.ReportModel.OwnerPoint;
import io.tiedepth.jobs.report.ReportModel.PlatformCount;
import io.tiedepth.jobs.report.ReportModel.ReasonCount;
import io.tiedepth.jobs.report.ReportModel.ResponseRow;
import io.tiedepth.schema.StatsTables;
import io.tiedepth.source.SyntheticMarker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code report}: the research report of a run date, {@code reports/<run_date>/report.html} and {@code report.md},
 * built from the warehouse's stored outputs (stats/, tables/, features/ and the run manifests). Small aggregates
 * are computed in Spark and collected into a {@link ReportModel}; the rest is plain Java. Each file is written to
 * a temporary name and renamed into place.
 */
public final class ReportJob {
    private static final Logger LOG = LogManager.getLogger(ReportJob.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOP_REASONS = 8;
    private static final String MONTH = "_month";
    private static final String BURST_GROUPING = "burst-accepted (\"yes to all\" day)";
    private static final String NOTE_GROUPING = "invitation with a note";
    private static final String PEAK_MONTH = "peak_month";
    private static final String PEAK_MONTH_REACTIVATIONS = "peak_month_reactivations";

    private ReportJob() {
    }

    /**
     * What the page's header takes from the run; null fields are looked up in the latest manifests.
     *
     * @param runId the run being reported (null: the latest manifest's)
     */
    public record RunInfo(String runId, String keyFingerprint, Long seed, String tiedepthVersion) {
    }

    public record Config(Warehouse warehouse, LocalDate runDate, int kMin, RunInfo run) {
    }

    /**
     * What the report wrote.
     *
     * @param cautions the titles of the page's banners ("synthetic data", "relative times", "mixed platforms"),
     *     for the console summary
     */
    public record Result(String html, String markdown, List<String> cautions, Duration took) {
    }

    public static Result run(SparkSession spark, Config config) throws IOException {
        Instant start = Instant.now();
        System.setProperty("java.awt.headless", "true");
        spark.sparkContext().setJobGroup("report", "report: the research report", false);
        try {
            ReportModel model = model(spark, config);
            String dir = config.warehouse().path(ClaimsJob.reportsDir(config.runDate()));
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            String html = write(hadoop, dir, "report.html", HtmlReport.render(model));
            String md = write(hadoop, dir, "report.md", MarkdownReport.render(model));
            Result r = new Result(html, md, model.banners().stream().map(Banner::title).toList(),
                    Duration.between(start, Instant.now()));
            LOG.info("report: {} ({} s)", html, r.took().toSeconds());
            return r;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    static ReportModel model(SparkSession spark, Config config) throws IOException {
        Warehouse w = config.warehouse();
        int k = config.kMin();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        RunInfo run = fillFromManifests(w, hadoop, config.run());

        Dataset<Row> exports = spark.read().parquet(w.path(Warehouse.EXPORTS));
        Dataset<Row> metrics = spark.read().parquet(w.path(Warehouse.OWNER_METRICS));
        Dataset<Row> features = spark.read().parquet(w.path(Warehouse.TIE_FEATURES));

        // exports, owners, ties, interactions per platform
        Map<String, long[]> perPlatform = new TreeMap<>();
        for (Row r : exports.groupBy(PLATFORM).agg(
                sum(when(col(STATUS).equalTo("ok"), 1L).otherwise(0L)).as("ok"),
                sum(when(col(STATUS).equalTo("ok"), 0L).otherwise(1L)).as("bad")).collectAsList()) {
            perPlatform.computeIfAbsent(str(r, 0), x -> new long[5])[0] = r.getLong(1);
            perPlatform.get(str(r, 0))[1] = r.getLong(2);
        }
        for (Row r : metrics.groupBy(PLATFORM).agg(countDistinct(OWNER_ID), sum(N_TIES)).collectAsList()) {
            long[] v = perPlatform.computeIfAbsent(str(r, 0), x -> new long[5]);
            v[2] = r.getLong(1);
            v[3] = r.isNullAt(2) ? 0 : r.getLong(2);
        }
        Dataset<Row> interactions = spark.read().parquet(w.path(Warehouse.INTERACTIONS));
        if (!Arrays.asList(interactions.columns()).contains(PLATFORM)) {
            interactions = interactions.join(exports.select(EXPORT_ID, PLATFORM), EXPORT_ID);
        }
        for (Row r : interactions.groupBy(PLATFORM).count().collectAsList()) {
            perPlatform.computeIfAbsent(str(r, 0), x -> new long[5])[4] = r.getLong(1);
        }
        List<PlatformCount> platforms = new ArrayList<>();
        perPlatform.forEach((p, v) -> platforms.add(new PlatformCount(p, v[0], v[1], v[2], v[3], v[4])));

        Dataset<Row> analysed = AnalysedExports.withDataFlags(exports).where(col(STATUS).equalTo("ok"));
        Column relativeTime = col(TIME_ORIGIN).equalTo(Canonical.ExportRow.RELATIVE);
        Row window = analysed.where(not(relativeTime)).agg(min(WINDOW_START), max(WINDOW_END)).first();
        String windowStart = window.isNullAt(0) ? "" : date(window.getTimestamp(0));
        String windowEnd = window.isNullAt(1) ? "" : date(window.getTimestamp(1));
        String relativeSpan = relativeSpan(analysed.where(relativeTime));

        Dataset<Row> rejects = spark.read().parquet(w.path(Warehouse.REJECTS));
        List<ReasonCount> reasons = new ArrayList<>();
        long rejected = 0;
        for (Row r : rejects.groupBy(REASON_CODE).count().collectAsList()) {
            reasons.add(new ReasonCount(str(r, 0), r.getLong(1)));
            rejected += r.getLong(1);
        }
        reasons.sort(Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::reasonCode));
        if (reasons.size() > TOP_REASONS) {
            reasons = new ArrayList<>(reasons.subList(0, TOP_REASONS));
        }

        ReportModel.Header header = new ReportModel.Header(config.runDate().toString(), nz(run.runId()),
                nz(run.tiedepthVersion()), nz(run.keyFingerprint()), run.seed() == null ? "" : run.seed().toString(),
                k, windowStart, windowEnd, platforms, rejected, reasons, relativeSpan);

        List<ClaimRow> claims = new ArrayList<>();
        List<ClaimRow> platformClaims = new ArrayList<>();
        double breakpoint = Double.NaN;
        Map<String, Double> intervalDf = new TreeMap<>();
        Set<String> publishedMonths = new java.util.HashSet<>();
        for (Row r : spark.read().parquet(w.path(ClaimsJob.STATS_CLAIMS)).collectAsList()) {
            ClaimRow c = claimRow(r);
            if (!c.platform().equals(PlatformClaims.POOLED)) {
                platformClaims.add(c);
                continue;
            }
            claims.add(c);
            Map<String, String> extra = r.getJavaMap(r.fieldIndex(StatsTables.EXTRA));
            double df = parseOrNaN(extra.get(ClaimResult.INTERVAL_DF));
            if (!Double.isNaN(df)) {
                intervalDf.put(c.id(), df);
            }
            if (c.id().equals("C2")) {
                breakpoint = parseOrNaN(extra.get("breakpoint_psi"));
            }
            if (c.id().equals("C8") && !ReportCsv.suppressed(c.nOwners(), k)
                    && !Double.isNaN(parseOrNaN(extra.get(PEAK_MONTH_REACTIVATIONS)))) {
                publishedMonths.add(extra.get(PEAK_MONTH));
            }
        }
        Comparator<ClaimRow> byId = Comparator.comparingInt(c -> Integer.parseInt(c.id().substring(1)));
        claims.sort(byId);
        platformClaims.sort(Comparator.comparing(ClaimRow::platform).thenComparing(byId));
        PlatformSuppression.Decision platformHidden = ReportModel.platformSuppression(header, claims,
                platformClaims);
        List<Banner> banners = new ArrayList<>(banners(exports, platforms, !platformClaims.isEmpty(),
                platformHidden::hidesPlatform));
        Banners.fewEffectiveOwners(intervalDf).ifPresent(banners::add);

        List<OwnerPoint> owners = new ArrayList<>();
        for (Row r : metrics.select(N_TIES, N_ACTIVE, N_RECIPROCAL).orderBy(N_TIES, N_ACTIVE, N_RECIPROCAL)
                .collectAsList()) {
            owners.add(new OwnerPoint(lng(r, 0), lng(r, 1), lng(r, 2)));
        }

        List<CurvePoint> curves = new ArrayList<>();
        for (Row r : spark.read().parquet(w.path(ClaimsJob.STATS_CURVES)).orderBy("metric", "bin_index")
                .collectAsList()) {
            curves.add(new CurvePoint(r.getAs("metric"), r.<Integer>getAs("bin_index"), dbl(r, "bin_lower"),
                    dbl(r, "bin_upper"), dbl(r, "mean_n_ties"), r.<Long>getAs("owners"), dbl(r, "mean"),
                    dbl(r, "median"), dbl(r, "q1"), dbl(r, "q3"), suppressed(r, k)));
        }

        List<CohortRow> cohorts = new ArrayList<>();
        for (Row r : spark.read().parquet(w.path(ClaimsJob.STATS_COHORTS))
                .where(col("grouping").isin("all", "size_class")).collectAsList()) {
            cohorts.add(new CohortRow(r.getAs("grouping"), r.getAs("cohort"), r.getAs("metric"),
                    r.<Long>getAs("owners"), dbl(r, "median"), dbl(r, "q1"), dbl(r, "q3"), dbl(r, "mean"),
                    dbl(r, "mean_ci_low"), dbl(r, "mean_ci_high"), suppressed(r, k)));
        }
        cohorts.sort(Comparator.comparing((CohortRow c) -> c.grouping().equals("all") ? 0 : 1)
                .thenComparing(c -> SizeClass.LABELS.indexOf(c.cohort())).thenComparing(CohortRow::metric));

        // chart 3 hides the size classes whose n_ties cohort the reports hide
        Set<String> hiddenClasses = cohorts.stream().filter(c -> c.grouping().equals("size_class")
                && c.metric().equals(N_TIES) && c.suppressed()).map(CohortRow::cohort).collect(Collectors.toSet());
        Map<String, DepthMix> mix = new TreeMap<>();
        for (Row r : metrics.groupBy(SIZE_CLASS).agg(count(lit(1)), sum(N_TIES), sum(N_ONE_WAY), sum(N_RECIPROCAL),
                sum(N_SUSTAINED)).collectAsList()) {
            long ties = lng(r, 2);
            long oneWay = lng(r, 3);
            long recip = lng(r, 4);
            long sustained = lng(r, 5);
            mix.put(str(r, 0), new DepthMix(str(r, 0), r.getLong(1), ties - oneWay - recip, oneWay,
                    recip - sustained, sustained, ReportCsv.suppressed(r.getLong(1), k)
                    || hiddenClasses.contains(str(r, 0))));
        }
        List<DepthMix> depth = new ArrayList<>();
        for (String label : SizeClass.LABELS) {
            if (mix.containsKey(label)) {
                depth.add(mix.get(label));
            }
        }

        List<LayerRow> layers = new ArrayList<>();
        for (Row r : spark.read().parquet(w.path(ClaimsJob.STATS_LAYERS)).orderBy("group", "layer")
                .collectAsList()) {
            layers.add(new LayerRow(r.getAs("group"), r.<Integer>getAs("layer"), r.<Long>getAs("owners"),
                    dbl(r, "median_size"), dbl(r, "q1_size"), dbl(r, "q3_size"), dbl(r, "reference_size"),
                    suppressed(r, k)));
        }

        Dataset<Row> ties = features.where(col(IS_TIE));
        List<ResponseRow> response = responseTable(ties, Arrays.asList(features.columns()), k);
        List<MonthCount> months = reactivationMonths(ties, analysed.where(relativeTime).select(EXPORT_ID),
                publishedMonths, k);

        List<ReportModel.PublishedRow> published = new ArrayList<>();
        if (exists(spark, w.path(ClaimsJob.STATS_PUBLISHED))) {
            for (Row r : spark.read().parquet(w.path(ClaimsJob.STATS_PUBLISHED)).collectAsList()) {
                published.add(new ReportModel.PublishedRow(r.getAs(StatsTables.GROUP), r.getAs(StatsTables.SOURCE),
                        r.getAs(StatsTables.MEASURE), r.getAs(StatsTables.PUBLISHED), r.getAs(StatsTables.FOUND),
                        r.<Long>getAs(StatsTables.OWNERS), suppressed(r, k)));
            }
        }
        return new ReportModel(header, banners, claims, platformClaims, owners, curves, breakpoint, depth, layers,
                response, months, cohorts, published, panelCurve(spark, w, k, hiddenClasses));
    }

    /**
     * The within-owner chart's points ({@link PanelCurve}) from {@code features/panels}, each owner in its
     * owner_metrics size class: each export's panel is grouped in Spark and reduced to its bins inside the tasks, so
     * only a few numbers per owner reach the driver; the classes the cohort tables hide are hidden; none when the
     * warehouse has no panels.
     */
    static List<PanelCurve.Point> panelCurve(SparkSession spark, Warehouse w, int kMin, Set<String> hiddenClasses)
            throws IOException {
        if (!exists(spark, w.path(Warehouse.PANELS))) {
            return List.of();
        }
        List<PanelCurve.OwnerBin> bins = OwnerInputs.panelsPerExport(spark.read().parquet(w.path(Warehouse.PANELS)))
                .join(spark.read().parquet(w.path(Warehouse.OWNER_METRICS)).select(EXPORT_ID, SIZE_CLASS),
                        EXPORT_ID)
                .toJavaRDD().flatMap(r -> PanelCurve.ownerBins(OwnerInputs.panel(r, r.<String>getAs(EXPORT_ID), null,
                        null), r.<String>getAs(SIZE_CLASS)).iterator()).collect();
        return PanelCurve.points(bins, kMin, hiddenClasses);
    }

    /** One row of stats/claims; warehouses written before the platform column hold pooled rows only. */
    private static ClaimRow claimRow(Row r) {
        boolean hasPlatform = Arrays.asList(r.schema().fieldNames()).contains(PLATFORM);
        return new ClaimRow(r.getAs(StatsTables.CLAIM_ID), hasPlatform ? r.getAs(PLATFORM) : PlatformClaims.POOLED,
                r.getAs(StatsTables.SEEDS), r.getAs(StatsTables.STATEMENT), r.getAs(StatsTables.STATISTIC),
                dbl(r, StatsTables.ESTIMATE), dbl(r, StatsTables.CI_LOW), dbl(r, StatsTables.CI_HIGH),
                dbl(r, StatsTables.CI_LOW_ADJUSTED), dbl(r, StatsTables.CI_HIGH_ADJUSTED),
                dbl(r, StatsTables.CI_LEVEL_ADJUSTED), dbl(r, StatsTables.NULL_VALUE), dbl(r, StatsTables.P_HOLM),
                r.<Long>getAs(StatsTables.N_OWNERS), r.getAs(StatsTables.VERDICT), r.getAs(StatsTables.REASON));
    }

    /** The page's cautions ({@link Banners}) from the analysed exports' markers and windows and the platforms. */
    private static List<Banner> banners(Dataset<Row> exports, List<PlatformCount> platforms, boolean perPlatform,
                                        java.util.function.Predicate<String> hiddenPlatform) {
        long analysed = 0;
        long synthetic = 0;
        long relative = 0;
        Column origin = Arrays.asList(exports.columns()).contains(Banners.TIME_ORIGIN) ? col(Banners.TIME_ORIGIN)
                : lit(null).cast("string");
        for (Row r : exports.where(col(STATUS).equalTo("ok"))
                .select(array_contains(col(WARNINGS), SyntheticMarker.WARNING), origin, col(WINDOW_START))
                .collectAsList()) {
            analysed++;
            synthetic += r.getBoolean(0) ? 1 : 0;
            relative += Banners.looksRelative(r.getString(1), r.isNullAt(2) ? null : r.getTimestamp(2).toInstant())
                    ? 1 : 0;
        }
        return Banners.of(analysed, synthetic, relative, platforms, perPlatform, hiddenPlatform);
    }

    /** The response table's rows, with its complements ({@link Complements#response}). */
    private static List<ResponseRow> responseTable(Dataset<Row> ties, List<String> columns, int kMin) {
        List<ResponseRow> response = new ArrayList<>();
        Map<String, Long> owners = new TreeMap<>();
        Dataset<Row> known = ties.where(col(INTERACTED_WITHIN_180D).isNotNull());
        response(known, BURST_ACCEPTED, BURST_GROUPING, response, owners);
        if (columns.contains(INVITATION_HAS_NOTE)) {
            response(known, INVITATION_HAS_NOTE, NOTE_GROUPING, response, owners);
        }
        return Complements.response(response, owners, kMin);
    }

    /**
     * Reactivations per calendar month of the exports with calendar times, with the months' complements
     * ({@link Complements#months}; {@code published}: months whose count C8 publishes).
     */
    private static List<MonthCount> reactivationMonths(Dataset<Row> ties, Dataset<Row> relativeExports,
                                                       Set<String> published, int kMin) {
        Dataset<Row> reactivations = ties.where(col(REACTIVATED_AT).isNotNull()).join(relativeExports,
                        ties.col(EXPORT_ID).equalTo(relativeExports.col(EXPORT_ID)), "left_anti")
                .select(col(EXPORT_ID), explode(col(REACTIVATED_AT)).as(MONTH))
                .withColumn(MONTH, date_format(col(MONTH), "yyyy-MM"));
        Map<String, Set<String>> exportsByMonth = new TreeMap<>();
        Map<String, Long> reactivationsByMonth = new TreeMap<>();
        for (Row r : reactivations.groupBy(MONTH, EXPORT_ID).count().collectAsList()) {
            exportsByMonth.computeIfAbsent(str(r, 0), m -> new java.util.HashSet<>()).add(str(r, 1));
            reactivationsByMonth.merge(str(r, 0), r.getLong(2), Long::sum);
        }
        List<MonthCount> months = new ArrayList<>();
        exportsByMonth.forEach((m, ids) -> months.add(new MonthCount(m, ids.size(), reactivationsByMonth.get(m))));
        return Complements.months(months, exportsByMonth, published, kMin);
    }

    /** One grouping's rows of the response table, and its owners with a tie in either row. */
    private static void response(Dataset<Row> known, String column, String label, List<ResponseRow> out,
                                 Map<String, Long> ownersByGrouping) {
        Column yes = col(column);
        for (Row r : known.where(yes.isNotNull()).rollup(yes).agg(countDistinct(EXPORT_ID), count(lit(1)),
                sum(when(col(INTERACTED_WITHIN_180D), 1L).otherwise(0L))).orderBy(col(column).desc_nulls_last())
                .collectAsList()) {
            if (r.isNullAt(0)) {
                ownersByGrouping.put(label, r.getLong(1));
            } else {
                out.add(new ResponseRow(label, r.getBoolean(0) ? "yes" : "no", r.getLong(1), r.getLong(2),
                        r.getLong(3)));
            }
        }
    }

    /** Fills what the caller did not know from the newest manifests (run ids sort by time). */
    static RunInfo fillFromManifests(Warehouse w, Configuration hadoop, RunInfo given) throws IOException {
        String runId = given == null ? null : given.runId();
        String key = given == null ? null : given.keyFingerprint();
        Long seed = given == null ? null : given.seed();
        String version = given == null ? null : given.tiedepthVersion();
        Path runs = new Path(w.path("runs"));
        FileSystem fs = runs.getFileSystem(hadoop);
        if (fs.exists(runs)) {
            FileStatus[] dirs = fs.listStatus(runs);
            Arrays.sort(dirs, Comparator.comparing((FileStatus s) -> s.getPath().getName()).reversed());
            for (FileStatus d : dirs) {
                Path file = new Path(d.getPath(), "manifest.json");
                if (!fs.exists(file)) {
                    continue;
                }
                JsonNode m;
                try (InputStream in = fs.open(file)) {
                    m = JSON.readTree(in);
                }
                if (!"ok".equals(m.path("status").asText())) {
                    continue;
                }
                if (runId == null) {
                    runId = m.path("run_id").asText(null);
                }
                if (version == null) {
                    version = m.path("tiedepth_version").asText(null);
                }
                if (key == null && m.hasNonNull("key_fingerprint")) {
                    key = m.get("key_fingerprint").asText();
                }
                if (seed == null && m.hasNonNull("seed")) {
                    seed = m.get("seed").asLong();
                }
            }
        }
        return new RunInfo(runId, key, seed, version);
    }

    private static String write(Configuration hadoop, String dir, String name, String text) throws IOException {
        Path folder = new Path(dir);
        FileSystem fs = folder.getFileSystem(hadoop);
        fs.setWriteChecksum(false); // no .crc files next to the reports
        fs.mkdirs(folder);
        Path tmp = new Path(folder, "." + name + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Path target = new Path(folder, name);
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
            throw new IOException("Cannot write " + name + ": rename failed in " + dir);
        }
        return target.toString();
    }

    /**
     * "up to 193.0 days (median 193.0) for 1,899 exports whose times are offsets from an unknown start": the
     * observation of relative-time exports as durations; empty when there are none.
     */
    static String relativeSpan(Dataset<Row> relativeExports) {
        Column days = unix_seconds(col(WINDOW_END)).minus(unix_seconds(col(WINDOW_START))).divide(86_400.0);
        Row r = relativeExports.agg(count(lit(1)), max(days), percentile_approx(days, lit(0.5), lit(10_000)))
                .first();
        if (r.getLong(0) == 0 || r.isNullAt(1)) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "up to %.1f days (median %.1f) for %,d export(s) whose times "
                + "are offsets from an unknown start: no calendar dates", r.getDouble(1), r.getDouble(2), r.getLong(0));
    }

    private static boolean exists(SparkSession spark, String path) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    }

    private static String date(Timestamp t) {
        return t.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String str(Row r, int i) {
        return r.isNullAt(i) ? "(unknown)" : r.get(i).toString();
    }

    private static long lng(Row r, int i) {
        return r.isNullAt(i) ? 0 : ((Number) r.get(i)).longValue();
    }

    /** The column's value, NaN when null or when the table predates the column (e.g. claims-1's stats/claims). */
    private static double dbl(Row r, String name) {
        if (!Arrays.asList(r.schema().fieldNames()).contains(name)) {
            return Double.NaN;
        }
        int i = r.fieldIndex(name);
        return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Whether the reports hide a row of stats/cohorts, curves, layers or published: its {@code suppressed} column
     * ({@code ReportSuppression}, {@code PublishedResults}: below k_min and the complements), or below k_min for
     * tables written before it.
     */
    private static boolean suppressed(Row r, int kMin) {
        return ReportCsv.suppressed(r.<Long>getAs(StatsTables.OWNERS), kMin) || Arrays.asList(r.schema().fieldNames()).contains(StatsTables.SUPPRESSED)
                && r.<Boolean>getAs(StatsTables.SUPPRESSED);
    }

    /** A number written in {@code extra}, NaN when absent or not a number. */
    private static double parseOrNaN(String value) {
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
