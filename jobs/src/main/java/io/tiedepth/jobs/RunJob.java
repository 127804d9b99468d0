package io.tiedepth.jobs;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.jobs.claims.ClaimsJob;
import io.tiedepth.jobs.features.FeaturesJob;
import io.tiedepth.jobs.ingest.IngestJob;
import io.tiedepth.jobs.report.ReportJob;
import io.tiedepth.pseudo.StudyKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/** {@code run}: ingest, then features, then claims, then the report (later stages are added here), one manifest for the whole run. */
public final class RunJob {
    private static final Logger LOG = LogManager.getLogger(RunJob.class);

    private RunJob() {
    }

    /**
     * @param backfillFrom when set, reports are also rebuilt for every date from it up to the day before
     *                     {@code runDate}, each over the exports ingested by then (README "Backfill")
     */
    public record Config(Path input, Warehouse warehouse, StudyKey key, LocalDate runDate, int tasks,
                         FeatureParams params, ClaimParams claimParams, LocalDate backfillFrom) {
        public Config(Path input, Warehouse warehouse, StudyKey key, LocalDate runDate, int tasks,
                      FeatureParams params, ClaimParams claimParams) {
            this(input, warehouse, key, runDate, tasks, params, claimParams, null);
        }

        /** A run with the default claim parameters (their burst, dormancy and response days taken from params). */
        public Config(Path input, Warehouse warehouse, StudyKey key, LocalDate runDate, int tasks,
                      FeatureParams params) {
            this(input, warehouse, key, runDate, tasks, params, ClaimParams.DEFAULTS.withFeatureThresholds(
                    params.burstK(), params.dormancyDays(), params.responseDays()));
        }

        ClaimsJob.Config claims() {
            return new ClaimsJob.Config(warehouse, runDate, claimParams);
        }

        IngestJob.Config ingest() {
            return new IngestJob.Config(input, warehouse, key, tasks, runDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        }

        FeaturesJob.Config features() {
            return new FeaturesJob.Config(warehouse, params);
        }
    }

    /**
     * What a run did. A stage that was already current (nothing new for it) is null; a run where every stage was
     * current is a {@link #noop()}.
     */
    public record Result(String runId, IngestJob.Result ingest, FeaturesJob.Result features,
                         ClaimsJob.Result claims, ReportJob.Result report) {
        public boolean noop() {
            return ingest.noop() && features == null && claims == null && report == null;
        }
    }

    /**
     * Ingests what is new, then redoes every later stage that is not current ({@link Stages}): after new exports,
     * all of them; after a run killed once ingest had published, the stages it did not finish; with nothing new
     * and every stage current, nothing (a {@code noop}, which writes only its manifest). A run on a local warehouse
     * that leaves every stage current records the inbox's {@link InboxFingerprint} as it was before ingest read
     * it, last, for the next run's {@link #noopWithoutSpark}.
     */
    public static Result run(SparkSession spark, Config config) throws Exception {
        Runs runs = Runs.start(spark, config.warehouse(), "run", config.runDate(), config.key().fingerprint(),
                config.claimParams().seed());
        Stages stages = new Stages(config.warehouse(), spark.sparkContext().hadoopConfiguration());
        Path local = WarehouseLock.localPath(config.warehouse().root());
        return runs.execute(() -> {
            Optional<InboxFingerprint.Listing> read = local == null ? Optional.empty() : listing(config);
            Result result = stages(spark, config, runs, stages);
            Optional<List<String>> generations = stages.currentGenerations();
            if (read.isPresent() && generations.isPresent()) {
                InboxFingerprint.record(local, new InboxFingerprint.Recorded(read.get().fingerprint(),
                        runs.runId(), generations.get()));
            }
            return result;
        });
    }

    /**
     * The no-op decided before Spark starts, in plain Java (README "Nightly runs"): when the warehouse is local, no
     * backfill is asked, every stage is current, and the inbox's {@link InboxFingerprint} (file names, sizes and
     * modification times, never contents) equals the one recorded by the run that last left every stage current
     * against the same stage runs, the run writes its {@code noop} manifest, as {@link #run} would, and returns
     * its result. It holds the warehouse's lock and refuses a study key other than the warehouse's
     * ({@link KeyMismatchException}) as {@link #run} does. Empty (nothing written) when the run needs Spark, and
     * always for a driver in cluster deploy mode (on YARN, an application that never starts Spark fails).
     */
    public static Optional<Result> noopWithoutSpark(Config config) throws Exception {
        Path local = WarehouseLock.localPath(config.warehouse().root());
        if (local == null || config.backfillFrom() != null || clusterDeployMode()
                || InboxFingerprint.read(local).isEmpty()) {
            return Optional.empty();
        }
        Instant start = Instant.now();
        Configuration hadoop = new Configuration();
        Runs runs = Runs.start(hadoop, config.warehouse(), "run", config.runDate(), config.key().fingerprint(),
                config.claimParams().seed());
        Stages stages = new Stages(config.warehouse(), hadoop);
        return runs.execute(() -> {
            Optional<InboxFingerprint.Recorded> recorded = InboxFingerprint.read(local);
            if (recorded.isEmpty() || !stages.currentGenerations().equals(Optional.of(recorded.get().generations()))) {
                return Optional.empty();
            }
            Optional<InboxFingerprint.Listing> now = listing(config);
            if (now.isEmpty() || !now.get().fingerprint().equals(recorded.get().fingerprint())) {
                return Optional.<Result>empty();
            }
            IngestJob.Result ingest = IngestJob.Result.nothingNew(now.get().sources(),
                    Duration.between(start, Instant.now()));
            runs.manifest().stage(Stages.INGEST, ingest.counts(), ingest.took());
            runs.manifest().input("noop_decided_by", "inbox_fingerprint");
            runs.manifest().outcome("noop");
            if (config.key().isDemo()) {
                LOG.warn(IngestJob.DEMO_KEY_WARNING);
            }
            LOG.info("run: inbox unchanged since run {} and every stage current: nothing new ({} donation(s)), "
                    + "decided without Spark", recorded.get().runId(), now.get().sources());
            return Optional.of(new Result(runs.runId(), ingest, null, null, null));
        }, Optional::isPresent);
    }

    /** True in a driver that {@code spark-submit --deploy-mode cluster} started. */
    static boolean clusterDeployMode() {
        return "cluster".equals(System.getProperty("spark.submit.deployMode"));
    }

    /** The inbox's fingerprint, or empty when it cannot be listed (ingest then says why, or rejects the export). */
    private static Optional<InboxFingerprint.Listing> listing(Config config) {
        try {
            return Optional.of(InboxFingerprint.of(config.input(), config.key().fingerprint()));
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("inbox not fingerprinted: {}", Errors.describe(e));
            return Optional.empty();
        }
    }

    private static Result stages(SparkSession spark, Config config, Runs runs, Stages stages) throws Exception {
        String runId = runs.runId();
        RunManifest manifest = runs.manifest();
        IngestJob.Result ingest = runs.stage(stages, Stages.INGEST,
                publisher -> IngestJob.run(spark, config.ingest(), publisher));
        if (ingest.noop() && !stages.hasTables()) {
            manifest.outcome("noop"); // an empty inbox and an empty warehouse: nothing to compute yet
            return new Result(runId, ingest, null, null, null);
        }
        boolean backfill = config.backfillFrom() != null;
        FeaturesJob.Result features = null;
        if (backfill || !stages.current(Stages.FEATURES)) {
            features = runs.stage(stages, Stages.FEATURES,
                    publisher -> FeaturesJob.run(spark, config.features(), publisher));
            Faults.point("features.published");
        }
        ClaimsJob.Result claims = null;
        if (backfill || !stages.current(Stages.CLAIMS)) {
            claims = runs.stage(stages, Stages.CLAIMS,
                    publisher -> ClaimsJob.run(spark, config.claims(), publisher));
        }
        ReportJob.Result report = null;
        if (backfill || !stages.current(Stages.REPORT)) {
            report = ReportJob.run(spark, new ReportJob.Config(config.warehouse(), config.runDate(),
                    config.claimParams().kMin(), new ReportJob.RunInfo(runId, config.key().fingerprint(),
                    config.claimParams().seed(), Versions.TIEDEPTH)));
            Faults.point("report.written");
            runs.marking(stages, Stages.REPORT).publish();
            manifest.stage("report", java.util.Map.of("files", 2L), report.took());
        }
        if (backfill) {
            for (LocalDate d = config.backfillFrom(); d.isBefore(config.runDate()); d = d.plusDays(1)) {
                manifest.stage("backfill " + d, Backfill.report(spark, config, d, runId), java.time.Duration.ZERO);
            }
        }
        Result result = new Result(runId, ingest, features, claims, report);
        if (result.noop()) {
            manifest.outcome("noop");
        }
        return result;
    }
}
