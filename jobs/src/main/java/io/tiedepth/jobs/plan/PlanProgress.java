package io.tiedepth.jobs.plan;

import io.tiedepth.jobs.Progress;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Progress of {@code plan}'s simulation on the console: one INFO line at most every
 * {@code tiedepth.progress.seconds} (15) seconds, as {@link io.tiedepth.jobs.Progress} does for Spark stages:
 * {@code plan: 120 of 400 populations evaluated, about 3 min left}. Plain Java (no Spark).
 */
public final class PlanProgress implements IntConsumer {
    private static final Logger LOG = LogManager.getLogger(PlanProgress.class);
    private final int total;
    private final long start = System.nanoTime();
    private final long everyNanos = Duration.ofSeconds(Long.getLong("tiedepth.progress.seconds", 15)).toNanos();
    private long lastNanos = start;

    public PlanProgress(int total) {
        this.total = total;
    }

    @Override
    public void accept(int done) {
        long now = System.nanoTime();
        if (now - lastNanos >= everyNanos && done < total) {
            lastNanos = now;
            LOG.info(line(done, total, Duration.ofNanos(now - start)));
        }
    }

    /** The progress line; pure, for tests. */
    static String line(int done, int total, Duration elapsed) {
        return String.format(Locale.ROOT, "plan: %,d of %,d populations evaluated", done, total)
                + Progress.timeLeft(elapsed, done, total);
    }
}
