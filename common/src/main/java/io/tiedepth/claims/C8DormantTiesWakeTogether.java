package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.PermutationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C8, passive until an event (seed 000): dormant ties wake up together.
 *
 * <p>Data: each owner's reactivations (inbound interactions after at least {@code dormancy_days} (180) of silence
 * with that tie) counted per UTC calendar month over the owner's <b>eligible months</b>: the whole calendar months
 * that start at or after window_start + dormancy_days, up to the month before window_end's month ({@link #eligibleMonths}). A
 * reactivation cannot occur earlier, and partial months would distort a uniform null; reactivations in partial
 * months are left out (counted in {@code extra}).
 *
 * <p>Statistic: peak-to-median ratio T of the reactivations pooled by calendar month over the months some owner is
 * eligible in ({@link PermutationTest#peakToMedian}); p-value from the permutation null that places each owner's
 * reactivations uniformly and independently over that owner's own eligible months
 * ({@link PermutationTest.Null#EVENTS_WITHIN_OWNER}, {@code resamples} draws). Supported when p (after Holm) is below
 * alpha; a permutation test cannot show the absence of clustering, so the claim is never contradicted. The interval
 * is the owner bootstrap of T (informative only; +∞ where a resample's median month is empty).
 */
public final class C8DormantTiesWakeTogether implements Claim {

    @Override
    public String id() {
        return "C8";
    }

    @Override
    public String seeds() {
        return "000";
    }

    @Override
    public String statement() {
        return "Passive until an event: dormant ties wake up together";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "peak-to-median ratio of reactivations (inbound after >= " + params.dormancyDays() + " silent days) "
                + "per calendar month, pooled over owners' eligible months, vs a permutation null (each owner's "
                + "reactivations placed uniformly in its own months, " + params.resamples() + " draws); supported if "
                + "p < 0.05";
    }

    @Override
    public double nullValue() {
        return Double.NaN;
    }

    /** Month index year·12 + month − 1 of an instant (UTC). */
    public static int monthIndex(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return z.getYear() * 12 + z.getMonthValue() - 1;
    }

    /** "YYYY-MM" of a month index. */
    public static String monthLabel(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1).toString();
    }

    /**
     * The eligible months of an export: {first, last} month indices (inclusive) of the whole UTC calendar months
     * within [windowStart + dormancyDays, windowEnd): from the first month starting at or after windowStart +
     * dormancyDays to the month before windowEnd's month (which is taken as partial); first &gt; last when there are
     * none.
     */
    public static int[] eligibleMonths(Instant windowStart, Instant windowEnd, int dormancyDays) {
        Instant from = windowStart.plus(Duration.ofDays(dormancyDays));
        ZonedDateTime z = from.atZone(ZoneOffset.UTC);
        int first = monthIndex(from);
        boolean startsMonth = z.getDayOfMonth() == 1 && z.toLocalTime().toSecondOfDay() == 0 && z.getNano() == 0;
        if (!startsMonth) {
            first++;
        }
        return new int[] {first, monthIndex(windowEnd) - 1};
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = all.where(r -> r.reactivationMonths().counts().length > 0);
        Map<String, String> extra = new LinkedHashMap<>();
        if (in.size() < params.minOwners()) {
            Quantiles days = Quantiles.of(all.column(OwnerMetric.OBSERVATION_DAYS));
            String observed = days.n() >= params.kMin() ? " (median observation: " + Math.round(days.median())
                    + " days)" : "";
            String reason = in.size() == 0
                    ? "no owner is observed for a whole calendar month more than " + params.dormancyDays()
                    + " days after the start of its export" + observed + ", so no reactivation can be seen"
                    : Reasons.only(params, in.size()) + " owners are observed for a whole calendar month more than "
                    + params.dormancyDays() + " days after the start of their export, need " + params.minOwners();
            return ClaimResult.notTestable(this, params, reason, in.size(), in.ties(), extra);
        }
        List<PermutationTest.OwnerMonths> months = new ArrayList<>();
        for (OwnerRow r : in.rows()) {
            months.add(r.reactivationMonths());
        }
        PermutationTest.Result test = PermutationTest.peakToMedian(months, PermutationTest.Null.EVENTS_WITHIN_OWNER,
                params.resamples(), params.seedFor(id() + "/permutation"));
        long inMonths = test.events();
        long total = in.rows().stream().mapToLong(r -> (long) r.get(OwnerMetric.REACTIVATIONS)).sum();
        extra.put("reactivations_in_eligible_months", Long.toString(inMonths));
        extra.put("reactivations_outside", Long.toString(Math.max(0, total - inMonths)));
        extra.put("months", Integer.toString(test.months()));
        extra.put("peak", Long.toString(test.peak()));
        extra.put("median", Fmt.num(test.median()));
        extra.put("null_model", "events_within_owner");
        extra.put("permutations", Integer.toString(test.permutations()));
        if (inMonths == 0) {
            return ClaimResult.notTestable(this, params, "no reactivation in the eligible months of "
                    + params.owners(in.size()) + " owners", in.size(), in.ties(), extra);
        }
        Pooling pooling = new Pooling(months);
        extra.put("peak_month", monthLabel(pooling.first + pooling.peakMonth()));
        Bootstrap.Result b = OwnerBootstrap.run(in, rows -> new double[] {pooling.statistic(rows)}, params, id())
                .primary();
        Verdict v;
        String reason = "";
        if (test.pValue() < params.alpha()) {
            v = Verdict.SUPPORTED;
        } else {
            v = Verdict.INCONCLUSIVE;
            reason = test.zeroMedian()
                    ? "the median month has no reactivation, so the peak-to-median ratio is infinite and cannot "
                    + "exceed the null"
                    : "the peak month is not more extreme than under the permutation null (p = " + Fmt.p(test.pValue())
                    + "); this does not show that ties wake up independently";
        }
        return ClaimResult.tested(this, params, test.statistic(), b.lower(), b.upper(), test.pValue(), v, reason,
                in.size(), in.ties(), extra);
    }

    /**
     * Recomputes T for a resample of owners from each owner's multiplicity: pooled counts from the owners' non-zero
     * months (stored flat), covered months from a difference array of the owners' eligible ranges.
     */
    private static final class Pooling {
        final int first;
        final int span;
        final int[] offset;
        final int[] length;
        final int[] start;
        final int[] eventMonth;
        final long[] eventCount;

        Pooling(List<PermutationTest.OwnerMonths> owners) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            int nonZero = 0;
            for (PermutationTest.OwnerMonths o : owners) {
                long[] c = o.counts();
                lo = Math.min(lo, o.firstMonth());
                hi = Math.max(hi, o.firstMonth() + c.length - 1);
                for (long v : c) {
                    nonZero += v > 0 ? 1 : 0;
                }
            }
            first = lo;
            span = hi - lo + 1;
            int n = owners.size();
            offset = new int[n];
            length = new int[n];
            start = new int[n + 1];
            eventMonth = new int[nonZero];
            eventCount = new long[nonZero];
            int k = 0;
            for (int i = 0; i < n; i++) {
                long[] c = owners.get(i).counts();
                offset[i] = owners.get(i).firstMonth() - first;
                length[i] = c.length;
                start[i] = k;
                for (int m = 0; m < c.length; m++) {
                    if (c[m] > 0) {
                        eventMonth[k] = offset[i] + m;
                        eventCount[k++] = c[m];
                    }
                }
            }
            start[n] = k;
        }

        int peakMonth() {
            long[] pooled = new long[span];
            for (int k = 0; k < eventMonth.length; k++) {
                pooled[eventMonth[k]] += eventCount[k];
            }
            int best = 0;
            for (int m = 1; m < span; m++) {
                if (pooled[m] > pooled[best]) {
                    best = m;
                }
            }
            return best;
        }

        double statistic(int[] rows) {
            int[] w = ResampleRanks.multiplicity(offset.length, rows);
            int[] coverage = new int[span + 1];
            long[] pooled = new long[span];
            long events = 0;
            for (int i = 0; i < w.length; i++) {
                if (w[i] == 0) {
                    continue;
                }
                coverage[offset[i]]++;
                coverage[offset[i] + length[i]]--;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    pooled[eventMonth[k]] += w[i] * eventCount[k];
                    events += w[i] * eventCount[k];
                }
            }
            if (events == 0) {
                return Double.NaN;
            }
            long[] values = new long[span];
            int months = 0;
            int running = 0;
            for (int m = 0; m < span; m++) {
                running += coverage[m];
                if (running > 0) {
                    values[months++] = pooled[m];
                }
            }
            long[] sorted = Arrays.copyOf(values, months);
            Arrays.sort(sorted);
            long peak = sorted[months - 1];
            double median = months % 2 == 1 ? sorted[months / 2] : (sorted[months / 2 - 1] + sorted[months / 2]) / 2.0;
            return median > 0 ? peak / median : Double.POSITIVE_INFINITY;
        }
    }
}
