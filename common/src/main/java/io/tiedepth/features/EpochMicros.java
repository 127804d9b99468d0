package io.tiedepth.features;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Times as the canonical tables store them (Spark timestamps): microseconds since the Unix epoch, UTC. Every
 * calendar key and every difference of the features is taken as Spark SQL takes it, so that the plain-Java features
 * equal the former SQL ones to the last bit: whole seconds are {@code unix_seconds} (rounded down), days are
 * {@code to_date} in UTC, months {@code date_format(at, "yyyy-MM")} in UTC.
 */
final class EpochMicros {
    static final long PER_SECOND = 1_000_000L;
    static final long SECONDS_PER_DAY = 86_400L;
    static final double DAY_SECONDS = 86_400.0;
    /** The 30-day periods of {@code active_periods}, counted from the Unix epoch. */
    static final long PERIOD_SECONDS = 30L * SECONDS_PER_DAY;

    private EpochMicros() {
    }

    /** Microseconds of an instant, sub-microsecond digits dropped (as Spark stores a timestamp); null for null. */
    static Long of(Instant t) {
        if (t == null) {
            return null;
        }
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), PER_SECOND), t.getNano() / 1000);
    }

    static Instant instant(Long micros) {
        if (micros == null) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1000L);
    }

    /** Spark's {@code unix_seconds}: whole seconds, rounded down. */
    static long seconds(long micros) {
        return Math.floorDiv(micros, PER_SECOND);
    }

    /** Days from {@code from} to {@code to}, as (unix_seconds(to) − unix_seconds(from)) / 86,400. */
    static double daysBetween(long from, long to) {
        return (seconds(to) - seconds(from)) / DAY_SECONDS;
    }

    /** The UTC calendar day (days since the epoch). */
    static long day(long micros) {
        return Math.floorDiv(seconds(micros), SECONDS_PER_DAY);
    }

    /** The UTC calendar month of a {@link #day}, as year × 12 + month. */
    static long month(long day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return d.getYear() * 12L + d.getMonthValue();
    }

    /** The 30-day period since the epoch, as {@code floor(unix_seconds / 2,592,000)} in doubles. */
    static long period(long micros) {
        return (long) Math.floor((double) seconds(micros) / (double) PERIOD_SECONDS);
    }
}
