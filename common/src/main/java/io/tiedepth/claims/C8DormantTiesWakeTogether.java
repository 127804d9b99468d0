package io.tiedepth.claims;

import io.tiedepth.stats.IntervalJitterTest;
import io.tiedepth.stats.PermutationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C8, passive until an event (seed 000): dormant ties wake up together.
 *
 * <p>Data: each owner's reactivations (inbound interactions after at least {@code dormancy_days} (180) of silence
 * with that tie) counted per UTC calendar month over the owner's <b>eligible months</b>: the whole calendar months
 * that start at or after window_start + dormancy_days, up to the month before window_end's month ({@link #eligibleMonths}). A
 * reactivation cannot occur earlier, and partial months would distort the null; reactivations in partial months are
 * left out (counted in {@code extra}).
 *
 * <p><b>Statistic</b>: the local peak ratio T = max over months of (c_m + 1)/(median of the covered months within ±6
 * months + 1) of the pooled counts c ({@link IntervalJitterTest.Statistic#LOCAL_PEAK}). <b>Null</b>: the
 * {@value #BLOCK_MONTHS}-month block jitter conditioned on month-of-year ({@link IntervalJitterTest.Null#MONTH_OF_YEAR}):
 * each owner keeps its reactivations per fixed 2-month block (so slow trends stay in the null), and their positions
 * within the blocks are permuted among all reactivations of the same months of the year (so a yearly pattern, such as
 * New-Year greetings every January, stays in the null too; Agresti 2013 §16.5, Amarasingham et al. 2012).
 * {@code resamples} draws; p = (1 + #{T* ≥ T})/(1 + draws). <b>Estimate</b>: the effect ratio T / E0[T*], E0[T*] the
 * mean of T* over the draws (1 = no peak beyond what the null produces; {@link #nullValue()}), with the 2.5 % and
 * 97.5 % quantiles of T* / E0[T*] in place of an interval: a maximum over months has no consistent bootstrap interval.
 * <b>Estimand</b>: the limit of that ratio for a very large population of the same model ({@link #effectRatio}
 * computes it with fewer draws). Supported when p (after Holm) is below alpha; a permutation test cannot show the
 * absence of clustering, so never contradicted.
 *
 * <p>Why not DESIGN's first "peak-to-median ratio vs shuffled months": shuffling over the whole window
 * ({@link PermutationTest.Null#EVENTS_WITHIN_OWNER}) rejects whenever reactivations become more frequent over the
 * years (p = 0.001 for every seed of the generator's world without waves), and under a trend the global peak is the
 * top of the trend. Both numbers stay in {@code extra} ({@code global_peak_to_median}, {@code uniform_null_p}).
 *
 * <p>Blind spots: a wave spread over more than a block (two months or more) is in the null; a month-of-year seen in
 * one year only cannot be told from seasonality, so its reactivations do not move ({@code movable_reactivations});
 * not testable when none move.
 */
public final class C8DormantTiesWakeTogether implements Claim {
    /**
     * Draws of DESIGN's whole-window null behind {@code uniform_null_p}, a descriptive figure no verdict uses: each
     * draw moves every reactivation (O(reactivations)), so at 100,000 owners 1,000 draws took 5 minutes.
     */
    static final int UNIFORM_NULL_DRAWS = 199;

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
        return "effect ratio T / E0[T*] of the local peak ratio T of reactivations (inbound after >= "
                + params.dormancyDays() + " silent days) per calendar month, pooled over owners' eligible months "
                + "(max of (month + 1)/(median of the year around it + 1)); null: each owner's reactivations permuted "
                + "within fixed " + BLOCK_MONTHS + "-month blocks among those of the same months of the year ("
                + params.resamples() + " draws, E0[T*] their mean); interval: 2.5 % and 97.5 % quantiles of "
                + "T* / E0[T*]; supported if p < 0.05";
    }

    /** 1: the observed peak is the null's expected peak. */
    @Override
    public double nullValue() {
        return 1.0;
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

    /** Null draws of {@link #estimate} at most (its E0[T*] varies little on the large populations it is for). */
    public static final int ESTIMAND_DRAWS = 100;

    /**
     * The effect ratio T / E0[T*] alone ({@link #effectRatio}) with min({@code --bootstrap}, {@value #ESTIMAND_DRAWS})
     * null draws from the claim's permutation stream: on populations of ~50,000 owners it costs seconds. Equal to
     * {@code evaluate}'s estimate when resamples ≤ {@value #ESTIMAND_DRAWS}; otherwise it differs only by the Monte
     * Carlo error of E0[T*]. NaN without a testable month.
     */
    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        return effectRatio(all, Math.min(params.resamples(), ESTIMAND_DRAWS), params.seedFor(id() + "/permutation"));
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
        List<PermutationTest.OwnerMonths> months = months(in);
        IntervalJitterTest.Result test = jitter(months, params.resamples(), params.seedFor(id() + "/permutation"));
        long inMonths = test.events();
        long total = in.rows().stream().mapToLong(r -> (long) r.get(OwnerMetric.REACTIVATIONS)).sum();
        extra.put("reactivations_in_eligible_months", Long.toString(inMonths));
        extra.put("reactivations_outside", Long.toString(Math.max(0, total - inMonths)));
        extra.put("months", Integer.toString(test.months()));
        if (inMonths == 0) {
            return ClaimResult.notTestable(this, params, "no reactivation in the eligible months of "
                    + params.owners(in.size()) + " owners", in.size(), in.ties(), extra);
        }
        if (Double.isNaN(test.statistic())) {
            return ClaimResult.notTestable(this, params, "too few reactivations: no month has a median of at least "
                    + IntervalJitterTest.MIN_BASELINE + " in the year around it", in.size(), in.ties(), extra);
        }
        extra.put("movable_reactivations", Long.toString(test.movable()));
        if (test.movable() == 0) {
            return ClaimResult.notTestable(this, params, "no month of the year with reactivations is observed in two "
                    + "different years, so a wake-up wave cannot be told from a yearly pattern", in.size(), in.ties(),
                    extra);
        }
        PermutationTest.Result uniform = PermutationTest.peakToMedian(months, PermutationTest.Null.EVENTS_WITHIN_OWNER,
                Math.min(params.resamples(), UNIFORM_NULL_DRAWS), params.seedFor(id() + "/uniform"));
        putPeak(extra, test, uniform);
        hideSmallPeaks(extra, months, test.peakMonth(), params.kMin());
        Verdict v = Verdict.SUPPORTED;
        String reason = "";
        if (!(test.pValue() < params.alpha())) {
            v = Verdict.INCONCLUSIVE;
            reason = "no month stands out from the year around it more than under the permutation null (p = "
                    + Fmt.p(test.pValue()) + "); this does not show that ties wake up independently";
        }
        return ClaimResult.tested(this, params, test.effectRatio(), test.nullLow(), test.nullHigh(), test.pValue(),
                nullValue(), v, reason, in.size(), in.ties(), extra);
    }

    private static void putPeak(Map<String, String> extra, IntervalJitterTest.Result test,
                                PermutationTest.Result uniform) {
        extra.put("peak_month", monthLabel(test.peakMonth()));
        extra.put("peak_month_reactivations", Long.toString(test.peak()));
        extra.put("neighbour_median", Fmt.num(test.baseline()));
        extra.put("local_peak_ratio", Fmt.num(test.statistic()));
        extra.put("null_expected_peak", Fmt.num(test.nullMean()));
        extra.put("null_model", "month_of_year_jitter_" + BLOCK_MONTHS + "_months");
        extra.put("interval", "null quantiles of T* / E0[T*]");
        extra.put("global_peak_to_median", Fmt.num(uniform.statistic()));
        extra.put("uniform_null_p", Fmt.p(uniform.pValue()));
        extra.put("permutations", Integer.toString(test.draws()));
    }

    /** Figures of {@link #putPeak} that, with the others, give a month's pooled count: its own or a neighbour's. */
    static final List<String> PEAK_FIGURES = List.of("peak_month", "peak_month_reactivations", "neighbour_median",
            "local_peak_ratio", "null_expected_peak", "global_peak_to_median");

    /**
     * The peak figures read "suppressed" when the local peak month, or the month of the most reactivations (the
     * global peak), holds reactivations of fewer than k_min owners (but one at least): the peak's count (also
     * T·(median + 1) − 1, and the estimate times E0[T*]) would describe them, and the report's months table hides
     * that month.
     */
    static void hideSmallPeaks(Map<String, String> extra, List<PermutationTest.OwnerMonths> months, int localPeak,
                               int kMin) {
        Map<Integer, Long> owners = new java.util.HashMap<>();
        Map<Integer, Long> pooled = new java.util.HashMap<>();
        for (PermutationTest.OwnerMonths m : months) {
            for (int i = 0; i < m.counts().length; i++) {
                if (m.counts()[i] > 0) {
                    owners.merge(m.firstMonth() + i, 1L, Long::sum);
                    pooled.merge(m.firstMonth() + i, m.counts()[i], Long::sum);
                }
            }
        }
        long most = pooled.values().stream().mapToLong(Long::longValue).max().orElse(0);
        boolean small = ReportCsv.suppressed(owners.getOrDefault(localPeak, 0L), kMin) || pooled.entrySet().stream()
                .anyMatch(e -> e.getValue() == most && ReportCsv.suppressed(owners.get(e.getKey()), kMin));
        if (small) {
            PEAK_FIGURES.forEach(k -> extra.replace(k, ReportCsv.SUPPRESSED_VALUE));
        }
    }

    /**
     * The point estimate alone, T / E0[T*] with E0[T*] the mean of {@code draws} null draws, for ground truths on
     * large populations: the null's peak varies little there, so 50–100 draws suffice where the test uses
     * {@code --bootstrap}. Cost: one pass over the reactivations per draw. NaN when {@link #evaluate} finds no month
     * to test; 1 when no reactivation can move.
     */
    public static double effectRatio(ClaimInputs all, int draws, long seed) {
        return jitter(months(all), draws, seed).effectRatio();
    }

    private static List<PermutationTest.OwnerMonths> months(ClaimInputs in) {
        List<PermutationTest.OwnerMonths> months = new ArrayList<>();
        for (OwnerRow r : in.rows()) {
            if (r.reactivationMonths().counts().length > 0) {
                months.add(r.reactivationMonths());
            }
        }
        return months;
    }

    private static IntervalJitterTest.Result jitter(List<PermutationTest.OwnerMonths> months, int draws, long seed) {
        return IntervalJitterTest.test(months, IntervalJitterTest.Statistic.LOCAL_PEAK,
                IntervalJitterTest.Null.MONTH_OF_YEAR, BLOCK_MONTHS, draws, seed);
    }
}
