package io.tiedepth.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Data first, marker last: a stage writes each output under {@code _staging/<run_id>/<relative>}; once the whole
 * stage succeeded, {@link #publish()} moves every staged output into place by rename (the previous version is
 * renamed aside first, then deleted), so readers of the warehouse see either the old or the new version of an
 * output, never a half-written one. {@link #abort()} deletes the staging folder. Works on any Hadoop file system.
 */
public final class Publisher {
    private static final Logger LOG = LogManager.getLogger(Publisher.class);
    private final Warehouse warehouse;
    private final String runId;
    private final Configuration hadoop;
    private final List<String> staged = new ArrayList<>();

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

    public String stagingRoot() {
        return warehouse.path("_staging/" + runId);
    }

    /** Moves every staged output into place, then removes the staging folder. */
    public void publish() throws IOException {
        for (String relative : staged) {
            Path from = new Path(stagingRoot() + "/" + relative);
            Path to = new Path(warehouse.path(relative));
            FileSystem fs = to.getFileSystem(hadoop);
            Path aside = new Path(warehouse.path("_staging/" + runId + "-old/" + relative));
            fs.mkdirs(to.getParent());
            boolean hadOld = fs.exists(to);
            if (hadOld) {
                fs.mkdirs(aside.getParent());
                rename(fs, to, aside);
            }
            rename(fs, from, to);
            if (hadOld) {
                fs.delete(aside, true);
            }
        }
        deleteQuietly(stagingRoot());
        deleteQuietly(warehouse.path("_staging/" + runId + "-old"));
        LOG.info("published {} output(s) of run {}", staged.size(), runId);
        staged.clear();
    }

    /** Deletes what this run staged. */
    public void abort() {
        deleteQuietly(stagingRoot());
        staged.clear();
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
