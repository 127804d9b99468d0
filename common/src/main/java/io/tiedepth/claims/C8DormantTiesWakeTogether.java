package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.IntervalJitterTest;
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
 * <p>Statistic and null, and why they differ from DESIGN §7's "peak-to-median ratio vs shuffled months". Shuffling
 * an owner's reactivations over its whole window ({@link PermutationTest.Null#EVENTS_WITHIN_OWNER}) rejects whenever
 * reactivations simply become more frequent over the years, as they do when networks grow towards the export: on the
 * synthetic generator's world without waves it gives p = 0.001 for every seed. And under such a trend the global peak
 * is the top of the trend, so a wave in mid-series cannot raise the global peak-to-median ratio. The test therefore
 * uses (1) the <b>local peak ratio</b> T = max over months of (c_m + 1)/(median of the covered months within ±6 months
 * + 1) of the pooled counts ({@link IntervalJitterTest.Statistic#LOCAL_PEAK}), and (2) the <b>interval jitter</b>
 * null: each owner's reactivations keep their fixed {@value #BLOCK_MONTHS}-month block and are shuffled among the
 * owner's eligible months of that block ({@link IntervalJitterTest}, {@code resamples} draws), so slow trends stay in
 * the null and only months that stand out from their neighbours count. DESIGN's global ratio and its whole-window
 * p-value are reported in {@code extra} ({@code global_peak_to_median}, {@code uniform_null_p}). Supported when p
 * (after Holm) is below alpha; a permutation test cannot show the absence of clustering, so the claim is never
 * contradicted. The interval is the owner bootstrap of T (informative only).
 */
public final class C8DormantTiesWakeTogether implements Claim {
    /** Width of the jitter blocks, in calendar months. */
    public static final int BLOCK_MONTHS = 2;

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
        return "local peak ratio of reactivations (inbound after >= " + params.dormancyDays() + " silent days) per "
                + "calendar month, pooled over owners' eligible months: max of (month + 1)/(median of the year around "
                + "it + 1); vs a permutation null (each owner's reactivations shuffled among its own months within "
                + "fixed " + BLOCK_MONTHS + "-month blocks, " + params.resamples() + " draws); supported if p < 0.05";
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

    /** The local peak ratio of the pooled eligible months (no permutation draws); NaN without reactivations. */
    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = all.where(r -> r.reactivationMonths().counts().length > 0);
        if (in.size() == 0) {
            return Double.NaN;
        }
        List<PermutationTest.OwnerMonths> months = new ArrayList<>();
        for (OwnerRow r : in.rows()) {
            months.add(r.reactivationMonths());
        }
        return new Pooling(months).statistic(C1DiminishingReturns.identity(in.size()));
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
        IntervalJitterTest.Result test = IntervalJitterTest.test(months, IntervalJitterTest.Statistic.LOCAL_PEAK,
                BLOCK_MONTHS, params.resamples(), params.seedFor(id() + "/permutation"));
        PermutationTest.Result uniform = PermutationTest.peakToMedian(months, PermutationTest.Null.EVENTS_WITHIN_OWNER,
                params.resamples(), params.seedFor(id() + "/uniform"));
        long inMonths = test.events();
        long total = in.rows().stream().mapToLong(r -> (long) r.get(OwnerMetric.REACTIVATIONS)).sum();
        extra.put("reactivations_in_eligible_months", Long.toString(inMonths));
        extra.put("reactivations_outside", Long.toString(Math.max(0, total - inMonths)));
        extra.put("months", Integer.toString(test.months()));
        if (inMonths == 0) {
            return ClaimResult.notTestable(this, params, "no reactivation in the eligible months of "
                    + params.owners(in.size()) + " owners", in.size(), in.ties(), extra);
        }
        extra.put("peak_month", monthLabel(test.peakMonth()));
        extra.put("peak_month_reactivations", Long.toString(test.peak()));
        extra.put("neighbour_median", Fmt.num(test.baseline()));
        extra.put("null_model", "interval_jitter_" + BLOCK_MONTHS + "_months");
        extra.put("global_peak_to_median", Fmt.num(uniform.statistic()));
        extra.put("uniform_null_p", Fmt.p(uniform.pValue()));
        extra.put("permutations", Integer.toString(test.draws()));
        Pooling pooling = new Pooling(months);
        Bootstrap.Result b = OwnerBootstrap.run(in, rows -> new double[] {pooling.statistic(rows)}, params, id())
                .primary();
        Verdict v;
        String reason = "";
        if (test.pValue() < params.alpha()) {
            v = Verdict.SUPPORTED;
        } else {
            v = Verdict.INCONCLUSIVE;
            reason = "no month stands out from the year around it more than under the permutation null (p = "
                    + Fmt.p(test.pValue()) + "); this does not show that ties wake up independently";
        }
        return ClaimResult.tested(this, params, test.statistic(), b.lower(), b.upper(), test.pValue(), nullValue(), v,
                reason, in.size(), in.ties(), extra);
    }

    /**
     * Recomputes the local peak ratio for a resample of owners from each owner's multiplicity: pooled counts from the owners' non-zero
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
            boolean[] covered = new boolean[span];
            int running = 0;
            for (int m = 0; m < span; m++) {
                running += coverage[m];
                covered[m] = running > 0;
            }
            return IntervalJitterTest.evaluate(IntervalJitterTest.Statistic.LOCAL_PEAK, pooled, covered)[0];
        }
    }
}
