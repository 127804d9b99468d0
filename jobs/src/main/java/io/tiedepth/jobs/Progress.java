package io.tiedepth.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * Progress lines during a long stage: every {@value #DEFAULT_SECONDS} s (system property
 * {@code tiedepth.progress.seconds}) while Spark tasks run, one INFO line with the tasks done of the active Spark
 * stages, the share of the stage's items (exports) that means, and the time left at the rate so far, e.g.
 * {@code ingest: 12 of 32 tasks done (about 3,750 of 10,000 exports), about 2 min left}. Items are estimated from
 * the share of tasks done (tasks are balanced by bytes, not by count), hence "about". Quiet when nothing runs.
 */
public final class Progress implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Progress.class);
    static final int DEFAULT_SECONDS = 15;
    private final ScheduledExecutorService timer;

    private Progress(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts reporting for {@code stage}.
     *
     * @param unit  what the stage's items are called ("exports"), or null for tasks only
     * @param items how many items the stage has (0 when unknown)
     */
    public static Progress start(SparkSession spark, String stage, String unit, long items) {
        long seconds = Long.getLong("tiedepth.progress.seconds", DEFAULT_SECONDS);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tiedepth-progress");
            t.setDaemon(true);
            return t;
        });
        SparkStatusTracker tracker = spark.sparkContext().statusTracker();
        timer.scheduleAtFixedRate(() -> report(tracker, stage, unit, items), seconds, seconds, TimeUnit.SECONDS);
        return new Progress(timer);
    }

    private static void report(SparkStatusTracker tracker, String stage, String unit, long items) {
        int done = 0;
        int total = 0;
        long started = Long.MAX_VALUE;
        for (int id : tracker.getActiveStageIds()) {
            SparkStageInfo info = tracker.getStageInfo(id).getOrElse(() -> null);
            if (info != null) {
                done += info.numCompletedTasks();
                total += info.numTasks();
                started = Math.min(started, info.submissionTime());
            }
        }
        if (total > 0) {
            LOG.info(line(stage, unit, items, done, total,
                    Duration.between(Instant.ofEpochMilli(started), Instant.now())));
        }
    }

    /** The progress line; pure, for tests. */
    static String line(String stage, String unit, long items, int done, int total, Duration elapsed) {
        StringBuilder b = new StringBuilder(stage).append(": ").append(done).append(" of ").append(total)
                .append(" tasks done");
        if (unit != null && items > 0) {
            b.append(String.format(java.util.Locale.ROOT, " (about %,d of %,d %s)", Math.round((double) items * done / total), items, unit));
        }
        return b.append(timeLeft(elapsed, done, total)).toString();
    }

    /** ", about 3 min left" at the rate so far (seconds under 90 s); empty before the first and after the last. */
    public static String timeLeft(Duration elapsed, long done, long total) {
        if (done <= 0 || done >= total) {
            return "";
        }
        long left = elapsed.toSeconds() * (total - done) / done;
        return ", about " + (left < 90 ? left + " s" : Math.round(left / 60.0) + " min") + " left";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
