package io.tiedepth.jobs;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * What every command shares: a run id, a publisher for its staged outputs, and the manifest written last with
 * status ok or failed. A failed run's staged outputs are deleted; the published ones stay those of the last
 * successful run.
 */
public final class Runs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private final Configuration hadoop;
    private final Warehouse warehouse;
    private final String runId;
    private final RunManifest manifest;
    private final Publisher publisher;

    public Runs(SparkSession spark, Warehouse warehouse, String runId, RunManifest manifest) {
        this(spark.sparkContext().hadoopConfiguration(), warehouse, runId, manifest);
    }

    /** A run on the warehouse through {@code hadoop}'s file systems; needs no Spark session. */
    public Runs(Configuration hadoop, Warehouse warehouse, String runId, RunManifest manifest) {
        this.hadoop = hadoop;
        this.warehouse = warehouse;
        this.runId = runId;
        this.manifest = manifest;
        this.publisher = new Publisher(warehouse, runId, hadoop);
    }

    /**
     * What a stage returns for the run manifest: its counts (rows written per output, or ingest's richer counts)
     * and how long it took.
     */
    public interface StageResult {
        Map<String, ?> counts();

        Duration took();
    }

    /** One stage's work, given the run's publisher set to publish the stage's marker. */
    @FunctionalInterface
    public interface StageWork<R extends StageResult> {
        R run(Publisher publisher) throws Exception;
    }

    /**
     * A new run of {@code command} on the warehouse: its run id (from the run date and the time now) and its
     * manifest (the key's fingerprint and the seed when the command has them, else null).
     */
    public static Runs start(SparkSession spark, Warehouse warehouse, String command, LocalDate runDate,
                             String keyFingerprint, Long seed) {
        return start(spark.sparkContext().hadoopConfiguration(), warehouse, command, runDate, keyFingerprint, seed);
    }

    /** As {@link #start(SparkSession, Warehouse, String, LocalDate, String, Long)}, before (or without) Spark. */
    public static Runs start(Configuration hadoop, Warehouse warehouse, String command, LocalDate runDate,
                             String keyFingerprint, Long seed) {
        String runId = newRunId(runDate);
        return new Runs(hadoop, warehouse, runId, new RunManifest(command, runId, runDate.toString(), keyFingerprint,
                seed));
    }

    /** {@code <run_date>T<HHmmss of now, UTC>-<4 hex>}: sortable, unique enough for one warehouse. */
    public static String newRunId(LocalDate runDate) {
        return runDate + "T" + LocalTime.now(ZoneOffset.UTC).format(TIME) + "-"
                + String.format("%04x", (int) (Math.random() * 0x10000));
    }

    public Publisher publisher() {
        return publisher;
    }

    public String runId() {
        return runId;
    }

    public RunManifest manifest() {
        return manifest;
    }

    /** The run's publisher, set to publish {@code stage}'s marker naming its upstream stage's latest run. */
    Publisher marking(Stages stages, String stage) throws IOException {
        return publisher.marking(stage, stages.generation(Stages.upstreamOf(stage)));
    }

    /**
     * Runs one stage inside this run (within {@link #execute}): {@code work} publishes through {@link #marking},
     * and the stage's counts and duration go into the manifest under the stage's name.
     */
    public <R extends StageResult> R stage(Stages stages, String stage, StageWork<R> work) throws Exception {
        R result = work.run(marking(stages, stage));
        manifest.stage(stage, result.counts(), result.took());
        return result;
    }

    /**
     * Runs {@code work} as one command on the warehouse: takes the warehouse's lock, refuses a study key other than
     * the warehouse's, recovers what an interrupted run left, then runs; the manifest is written last (status
     * {@code failed} with the cause when the work throws) and the run's staging folder is removed either way.
     */
    public <T> T execute(Callable<T> work) throws Exception {
        return execute(work, result -> true);
    }

    /**
     * As {@link #execute(Callable)}, for work that may find it cannot finish the run here: when {@code finished}
     * is false for its result, no manifest is written (the run did not happen) and the lock is released.
     */
    public <T> T execute(Callable<T> work, Predicate<T> finished) throws Exception {
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse)) {
            checkKey();
            Publisher.recover(warehouse, hadoop);
            try {
                T result = work.call();
                publisher.abort();
                if (finished.test(result)) {
                    manifest.write(warehouse, runId, manifest.outcome(), null, hadoop);
                }
                return result;
            } catch (Exception e) {
                publisher.abort();
                manifest.write(warehouse, runId, "failed", Errors.describe(e), hadoop);
                throw e;
            }
        }
    }

    private void checkKey() throws IOException, KeyMismatchException {
        String ours = manifest.keyFingerprint();
        if (ours == null) {
            return;
        }
        String theirs = RunManifest.warehouseFingerprint(warehouse, hadoop);
        if (theirs != null && !theirs.equals(ours)) {
            throw new KeyMismatchException("Cannot use this study key on warehouse " + warehouse.root()
                    + ": its fingerprint " + ours + " differs from " + theirs + ", the key the warehouse was written"
                    + " with, so the same person would get two ids in one study; use the study's key (or a new"
                    + " warehouse for a new study)");
        }
    }
}
