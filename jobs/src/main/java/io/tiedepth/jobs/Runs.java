package io.tiedepth.jobs;

import io.tiedepth.jobs.ingest.IngestJob;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * What every command shares: a run id, a publisher for its staged outputs, and the manifest written last with
 * status ok or failed. A failed run's staged outputs are deleted; the published ones stay those of the last
 * successful run.
 */
public final class Runs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private final SparkSession spark;
    private final Warehouse warehouse;
    private final String runId;
    private final RunManifest manifest;
    private final Publisher publisher;

    public Runs(SparkSession spark, Warehouse warehouse, String runId, RunManifest manifest) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.runId = runId;
        this.manifest = manifest;
        this.publisher = new Publisher(warehouse, runId, spark.sparkContext().hadoopConfiguration());
    }

    /** {@code <run_date>T<HHmmss of now, UTC>-<4 hex>}: sortable, unique enough for one warehouse. */
    public static String newRunId(LocalDate runDate) {
        return runDate + "T" + LocalTime.now(ZoneOffset.UTC).format(TIME) + "-"
                + String.format("%04x", (int) (Math.random() * 0x10000));
    }

    public Publisher publisher() {
        return publisher;
    }

    /**
     * Runs {@code work} as one command on the warehouse: takes the warehouse's lock, refuses a study key other than
     * the warehouse's, recovers what an interrupted run left, then runs; the manifest is written last (status
     * {@code failed} with the cause when the work throws) and the run's staging folder is removed either way.
     */
    public <T> T execute(Callable<T> work) throws Exception {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse)) {
            checkKey(hadoop);
            Publisher.recover(warehouse, hadoop);
            try {
                T result = work.call();
                publisher.abort();
                manifest.write(warehouse, runId, manifest.outcome(), null, hadoop);
                return result;
            } catch (Exception e) {
                publisher.abort();
                manifest.write(warehouse, runId, "failed", Errors.describe(e), hadoop);
                throw e;
            }
        }
    }

    private void checkKey(Configuration hadoop) throws IOException, KeyMismatchException {
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

    static Map<String, Object> counts(IngestJob.Result r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sources", r.sources());
        c.put("sources_skipped", r.skipped());
        c.put("exports", r.exports());
        c.put("exports_rejected", r.exportsRejected());
        c.put("rows_read", r.rowsRead());
        c.put("rows_accepted", r.rowsAccepted());
        c.put("rows_rejected", r.rowsRejected());
        r.tableRows().forEach((k, v) -> c.put("rows_" + k, v));
        Map<String, Object> files = new LinkedHashMap<>();
        r.perFile().forEach((file, n) -> files.put(file, Map.of("read", n.get(0), "accepted", n.get(1),
                "rejected", n.get(2))));
        c.put("files", files);
        c.put("sources_ingested", r.ingestedSources());
        return c;
    }
}
