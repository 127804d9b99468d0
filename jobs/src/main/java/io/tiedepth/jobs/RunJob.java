package io.tiedepth.jobs;

import io.tiedepth.jobs.features.FeatureParams;
import io.tiedepth.jobs.features.FeaturesJob;
import io.tiedepth.jobs.ingest.IngestJob;
import io.tiedepth.pseudo.StudyKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.SparkSession;

/** {@code run}: ingest, then features (later stages are added here), one manifest for the whole run. */
public final class RunJob {
    private RunJob() {
    }

    public record Config(Path input, Warehouse warehouse, StudyKey key, LocalDate runDate, int tasks,
                         FeatureParams params) {
        IngestJob.Config ingest() {
            return new IngestJob.Config(input, warehouse, key, tasks, runDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        }

        FeaturesJob.Config features() {
            return new FeaturesJob.Config(warehouse, params);
        }
    }

    /** What a run did; {@code features} is null for a {@link #noop()} run. */
    public record Result(String runId, IngestJob.Result ingest, FeaturesJob.Result features) {
        public boolean noop() {
            return ingest.noop();
        }
    }

    public static Result run(SparkSession spark, Config config) throws Exception {
        String runId = Runs.newRunId(config.runDate());
        RunManifest manifest = new RunManifest("run", runId, config.runDate().toString(),
                config.key().fingerprint(), null);
        Runs runs = new Runs(spark, config.warehouse(), runId, manifest);
        return runs.execute(() -> {
            IngestJob.Result ingest = IngestJob.run(spark, config.ingest(), runs.publisher());
            manifest.stage("ingest", Runs.counts(ingest), ingest.took());
            if (ingest.noop()) {
                manifest.outcome("noop");
                return new Result(runId, ingest, null);
            }
            FeaturesJob.Result features = FeaturesJob.run(spark, config.features(), runs.publisher());
            manifest.stage("features", features.tableRows(), features.took());
            return new Result(runId, ingest, features);
        });
    }
}
