package io.tiedepth.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Data first, marker last: a stage writes each output under {@code _staging/<run_id>/<relative>}; once the whole
 * stage succeeded, {@link #publish()} swaps every staged output into place by rename, so readers of the warehouse
 * see either the old or the new version of an output, never a half-written one.
 *
 * <p>Crash safety: before the first rename, publish writes {@code _staging/<run_id>/_PUBLISHING} listing the
 * outputs; each previous version is renamed aside to {@code _staging/<run_id>-old/<relative>} before the new one
 * moves in. {@link #recover} (run at the start of every run) rolls an interrupted publish back to the previous
 * versions, so a run killed at any point leaves the warehouse as the last successful run left it, and deletes
 * staging folders of runs that never reached publish. One writer per warehouse at a time: every writing command
 * holds the {@link WarehouseLock} before it recovers or writes anything.
 */
public final class Publisher {
    private static final Logger LOG = LogManager.getLogger(Publisher.class);
    static final String STAGING = "_staging";
    static final String MARKER = "_PUBLISHING";
    private static final String OLD = "-old";

    private final Warehouse warehouse;
    private final String runId;
    private final Configuration hadoop;
    private final List<String> staged = new ArrayList<>();
    private Stages.Marker pendingMarker;
    private String pendingStage;

    public Publisher(Warehouse warehouse, String runId, Configuration hadoop) {
        this.warehouse = warehouse;
        this.runId = runId;
        this.hadoop = hadoop;
    }

    /** Where to write {@code relative} for this run; remembered for {@link #publish()}. */
    public String stage(String relative) {
        staged.add(relative);
        return stagingRoot() + "/" + relative;
    }

    /**
     * Stages an output that another step already wrote completely elsewhere (on the same file system), by moving
     * it into this run's staging; published with the rest.
     */
    public void adopt(String relative, String writtenAt) throws IOException {
        Path from = new Path(writtenAt);
        Path to = new Path(stage(relative));
        FileSystem fs = to.getFileSystem(hadoop);
        fs.mkdirs(to.getParent());
        rename(fs, from, to);
    }

    public String stagingRoot() {
        return warehouse.path(STAGING + "/" + runId);
    }

    /** A scratch folder inside this run's staging: never published, removed with the staging folder. */
    public String scratch(String name) {
        return stagingRoot() + "/" + name;
    }

    /** Deletes a {@link #scratch} folder now (a warning, not a failure, when it cannot be deleted). */
    public void deleteScratch(String path) {
        Path p = new Path(path);
        try {
            p.getFileSystem(hadoop).delete(p, true);
        } catch (IOException e) {
            LOG.warn("could not delete the scratch folder {}: {}", path, e.getClass().getSimpleName());
        }
    }

    /**
     * Makes the next {@link #publish()} also publish the marker of {@code stage} ({@link Stages}), naming this run
     * and the upstream run the stage's outputs were computed from. Returns this publisher.
     */
    public Publisher marking(String stage, String upstream) {
        pendingStage = stage;
        pendingMarker = new Stages.Marker(runId, upstream);
        return this;
    }

    /** Moves every staged output (and the pending stage marker) into place, then removes the staging folder. */
    public void publish() throws IOException {
        Path marker = new Path(stagingRoot(), MARKER);
        FileSystem fs = marker.getFileSystem(hadoop);
        if (pendingMarker != null) {
            fs.setWriteChecksum(false);
            try (OutputStream out = fs.create(new Path(stage(Stages.relative(pendingStage))), true)) {
                out.write(pendingMarker.text().getBytes(StandardCharsets.UTF_8));
            }
            pendingMarker = null;
        }
        try (OutputStream out = fs.create(marker, true)) {
            out.write(String.join("\n", staged).getBytes(StandardCharsets.UTF_8));
        }
        int moved = 0;
        for (String relative : staged) {
            Path from = new Path(stagingRoot() + "/" + relative);
            Path to = new Path(warehouse.path(relative));
            Path aside = new Path(stagingRoot() + OLD + "/" + relative);
            fs.mkdirs(to.getParent());
            if (fs.exists(to)) {
                fs.mkdirs(aside.getParent());
                rename(fs, to, aside);
            }
            rename(fs, from, to);
            Faults.point("publish.after-" + (++moved));
        }
        fs.delete(marker, false);
        deleteQuietly(stagingRoot() + OLD);
        deleteQuietly(stagingRoot());
        LOG.info("published {} output(s) of run {}", staged.size(), runId);
        staged.clear();
    }

    /** Deletes what this run staged (also what a stage left there without publishing, such as scratch). */
    public void abort() {
        deleteQuietly(stagingRoot());
        staged.clear();
        pendingMarker = null;
    }

    /**
     * Brings the warehouse back to its last published state: rolls back interrupted publishes and deletes stale
     * staging folders. Returns the number of runs recovered.
     */
    public static int recover(Warehouse warehouse, Configuration hadoop) throws IOException {
        Path staging = new Path(warehouse.path(STAGING));
        FileSystem fs = staging.getFileSystem(hadoop);
        fs.delete(new Path(warehouse.path("_scratch")), true);
        if (!fs.exists(staging)) {
            return 0;
        }
        int recovered = 0;
        for (FileStatus run : fs.listStatus(staging)) {
            String name = run.getPath().getName();
            if (name.endsWith(OLD)) {
                continue;
            }
            Path marker = new Path(run.getPath(), MARKER);
            if (fs.exists(marker)) {
                for (String relative : readLines(fs, marker)) {
                    Path target = new Path(warehouse.path(relative));
                    Path aside = new Path(warehouse.path(STAGING + "/" + name + OLD + "/" + relative));
                    Path pending = new Path(run.getPath(), relative);
                    if (fs.exists(aside)) {
                        fs.delete(target, true);
                        rename(fs, aside, target);
                    } else if (!fs.exists(pending)) {
                        fs.delete(target, true);
                    }
                }
                LOG.warn("recovered the warehouse from run {}, interrupted while publishing: rolled back", name);
            } else {
                LOG.warn("removed the staging of run {}, which stopped before publishing", name);
            }
            fs.delete(new Path(staging, name + OLD), true);
            fs.delete(run.getPath(), true);
            recovered++;
        }
        return recovered;
    }

    private static List<String> readLines(FileSystem fs, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("Cannot publish " + from.getName() + ": rename to " + to + " failed");
        }
    }

    private void deleteQuietly(String path) {
        try {
            Path p = new Path(path);
            p.getFileSystem(hadoop).delete(p, true);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", path, e.getClass().getSimpleName());
        }
    }
}
