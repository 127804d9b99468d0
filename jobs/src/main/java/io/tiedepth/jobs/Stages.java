package io.tiedepth.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The stage markers {@code _stages/<stage>}: which run last published a stage's outputs, and from which run's
 * outputs of the stage before it (its upstream). A marker is staged and published together with the outputs it
 * describes ({@link Publisher#marking}), so it is rolled back with them. A stage is <i>current</i> when its marker
 * names the run that last published its upstream stage; {@code run} redoes every stage that is not, even when
 * ingest finds nothing new, so a run killed after ingest published is completed by the next run.
 *
 * <p>Markers are plain text, two lines: {@code run_id=...} and {@code upstream=...} (empty for ingest). A warehouse
 * written before markers existed has none: its first run redoes features, claims and the report once.
 */
public final class Stages {
    public static final String INGEST = "ingest";
    public static final String FEATURES = "features";
    public static final String CLAIMS = "claims";
    public static final String REPORT = "report";
    /** Every stage in order; each one's upstream is the one before it. */
    public static final List<String> ORDER = List.of(INGEST, FEATURES, CLAIMS, REPORT);
    static final String DIR = "_stages";

    /** A published marker: the run that published the stage and the upstream run it was computed from. */
    public record Marker(String runId, String upstream) {
        String text() {
            return "run_id=" + runId + "\nupstream=" + (upstream == null ? "" : upstream) + "\n";
        }
    }

    private final Warehouse warehouse;
    private final Configuration hadoop;

    public Stages(Warehouse warehouse, Configuration hadoop) {
        this.warehouse = warehouse;
        this.hadoop = hadoop;
    }

    static String relative(String stage) {
        return DIR + "/" + stage;
    }

    /** The stage before {@code stage}, or null for ingest. */
    static String upstreamOf(String stage) {
        int i = ORDER.indexOf(stage);
        if (i < 0) {
            throw new IllegalArgumentException("Cannot find stage " + stage + ": expected one of " + ORDER);
        }
        return i == 0 ? null : ORDER.get(i - 1);
    }

    /** The stage's published marker, if any. */
    public Optional<Marker> marker(String stage) throws IOException {
        Path p = new Path(warehouse.path(relative(stage)));
        FileSystem fs = p.getFileSystem(hadoop);
        if (!fs.exists(p)) {
            return Optional.empty();
        }
        String runId = null;
        String upstream = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(p), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("run_id=")) {
                    runId = line.substring("run_id=".length()).strip();
                } else if (line.startsWith("upstream=")) {
                    String u = line.substring("upstream=".length()).strip();
                    upstream = u.isEmpty() ? null : u;
                }
            }
        }
        return Optional.of(new Marker(runId, upstream));
    }

    /** The run id of the stage's latest publication (null when the stage has no marker). */
    public String generation(String stage) throws IOException {
        return stage == null ? null : marker(stage).map(Marker::runId).orElse(null);
    }

    /** True when the warehouse has canonical tables (an export table) that later stages can read. */
    public boolean hasTables() throws IOException {
        Path exports = new Path(warehouse.path(Warehouse.EXPORTS));
        return exports.getFileSystem(hadoop).exists(exports);
    }

    /**
     * The run ids of every stage's latest publication, in {@link #ORDER}, when every stage is current (each marker
     * names the run of the one before it); empty when a stage has no marker or is not current.
     */
    public Optional<List<String>> currentGenerations() throws IOException {
        List<String> generations = new ArrayList<>();
        String upstream = null;
        for (String stage : ORDER) {
            Optional<Marker> m = marker(stage);
            if (m.isEmpty() || m.get().runId() == null || !Objects.equals(m.get().upstream(), upstream)) {
                return Optional.empty();
            }
            upstream = m.get().runId();
            generations.add(upstream);
        }
        return Optional.of(List.copyOf(generations));
    }

    /** True when the stage's outputs were computed from its upstream stage's latest publication. */
    public boolean current(String stage) throws IOException {
        Optional<Marker> m = marker(stage);
        return m.isPresent() && Objects.equals(m.get().upstream(), generation(upstreamOf(stage)));
    }
}
