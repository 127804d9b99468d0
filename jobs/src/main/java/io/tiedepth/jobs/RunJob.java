package io.tiedepth.jobs;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.jobs.claims.ClaimsJob;
import io.tiedepth.jobs.features.FeatureParams;
import io.tiedepth.jobs.features.FeaturesJob;
import io.tiedepth.jobs.ingest.IngestJob;
import io.tiedepth.jobs.report.ReportJob;
import io.tiedepth.pseudo.StudyKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.SparkSession;

/** {@code run}: ingest, then features, then claims, then the report (later stages are added here), one manifest for the whole run. */
public final class RunJob {
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
     * and every stage current, nothing (a {@code noop}, which writes only its manifest).
     */
    public static Result run(SparkSession spark, Config config) throws Exception {
        Runs runs = Runs.start(spark, config.warehouse(), "run", config.runDate(), config.key().fingerprint(),
                config.claimParams().seed());
        String runId = runs.runId();
        RunManifest manifest = runs.manifest();
        Stages stages = new Stages(config.warehouse(), spark.sparkContext().hadoopConfiguration());
        return runs.execute(() -> {
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
        });
    }
}
