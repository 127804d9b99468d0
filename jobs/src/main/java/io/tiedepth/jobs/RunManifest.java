package io.tiedepth.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code runs/<run_id>/manifest.json}, written last (to a temporary name, then renamed): command, run id and date,
 * status ({@code ok}, {@code failed}), per-stage counts and durations, versions, the study key's fingerprint
 * (never the key), the seed, and the error of a failed run (only our own "Cannot ..." messages, never data).
 */
public final class RunManifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode stages = JSON.createArrayNode();
    private final Instant started = Instant.now();
    private String outcome = "ok";

    public RunManifest(String command, String runId, String runDate, String keyFingerprint, Long seed) {
        root.put("command", command);
        root.put("run_id", runId);
        root.put("run_date", runDate);
        root.put("tiedepth_version", Versions.TIEDEPTH);
        root.put("parser_version", io.tiedepth.ingest.Resolver.PARSER_VERSION);
        root.put("spark_version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        root.put("java_version", System.getProperty("java.version"));
        root.put("key_fingerprint", keyFingerprint);
        if (seed != null) {
            root.put("seed", seed);
        }
        root.put("started_at", started.toString());
    }

    /** The study key's fingerprint of this run, or null for a command without a key. */
    public String keyFingerprint() {
        return root.hasNonNull("key_fingerprint") ? root.get("key_fingerprint").asText() : null;
    }

    /**
     * The key fingerprint the warehouse was written with: that of the latest successful run that had a key (ok
     * or noop), or null when no such run exists.
     */
    public static String warehouseFingerprint(Warehouse w, Configuration hadoop) throws IOException {
        Path runs = new Path(w.path("runs"));
        FileSystem fs = runs.getFileSystem(hadoop);
        if (!fs.exists(runs)) {
            return null;
        }
        String latestRun = null;
        String fingerprint = null;
        for (var dir : fs.listStatus(runs)) {
            Path manifest = new Path(dir.getPath(), "manifest.json");
            if (!fs.exists(manifest)) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode m;
            try (var in = fs.open(manifest)) {
                m = JSON.readTree(in);
            }
            String status = m.path("status").asText();
            String runId = m.path("run_id").asText();
            if (m.hasNonNull("key_fingerprint") && (status.equals("ok") || status.equals("noop"))
                    && (latestRun == null || runId.compareTo(latestRun) > 0)) {
                latestRun = runId;
                fingerprint = m.get("key_fingerprint").asText();
            }
        }
        return fingerprint;
    }

    public void stage(String name, Map<String, ?> counts, Duration took) {
        ObjectNode s = stages.addObject();
        s.put("stage", name);
        s.put("seconds", took.toMillis() / 1000.0);
        ObjectNode c = s.putObject("counts");
        new TreeMap<>(counts).forEach((k, v) -> c.putPOJO(k, v));
    }

    /** The status written when the run succeeds: {@code ok} unless set (e.g. {@code noop}). */
    public void outcome(String status) {
        this.outcome = status;
    }

    public String outcome() {
        return outcome;
    }

    public void input(String key, Object value) {
        root.putPOJO(key, value);
    }

    /** Writes the manifest with the given status; the last thing a run does. */
    public void write(Warehouse w, String runId, String status, String error, Configuration hadoop) throws IOException {
        root.put("status", status);
        if (error != null) {
            root.put("error", error);
        }
        root.put("finished_at", Instant.now().toString());
        root.set("stages", stages);
        Path dir = new Path(w.path("runs/" + runId));
        FileSystem fs = dir.getFileSystem(hadoop);
        fs.setWriteChecksum(false);
        fs.mkdirs(dir);
        Path tmp = new Path(dir, ".manifest.json.tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            JSON.writeValue(out, root);
        }
        Path target = new Path(dir, "manifest.json");
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
            throw new IOException("Cannot write manifest: rename failed in " + dir);
        }
    }
}
