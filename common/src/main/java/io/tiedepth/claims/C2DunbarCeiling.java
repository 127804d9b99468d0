package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.NormalInterval;
import io.tiedepth.stats.SegmentedRegression;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * C2, the Dunbar ceiling (seed 004): actively kept ties level off near 150 whatever the network size.
 *
 * <p>Model: the one-breakpoint segmented regression n_active = a + b·n_ties + c·(n_ties − ψ)₊ over owners with at
 * least one tie ({@link SegmentedRegression#fit}, exact least squares, Hudson 1966; Muggeo 2003's model), on the
 * linear scale, with ψ searched between the 15th and 85th percentile of owners ({@link #options}). Slope before ψ:
 * b; after: b + c; plateau: the fitted n_active at ψ, a + b·ψ.
 *
 * <p><b>Estimand</b>: the <b>excess slope</b> d = (b + c) − 0.1·b of the population's least-squares segmented fit
 * (its pseudo-true values when n_active is not exactly piecewise linear): d &lt; 0 exactly when the slope after ψ is
 * below a tenth of the slope before (DESIGN's "levels off"). The plateau's estimand is the population fit's a + b·ψ.
 * d replaces the slope ratio (b + c)/b as the tested number because a ratio whose denominator can be near 0 has no
 * usable sampling distribution (2·10¹¹ with an interval up to 4·10¹² in a world with small counts); the ratio, ψ,
 * the plateau and both slopes are in {@code extra} with percentile intervals.
 *
 * <p>Testable only when at least {@code min_owners} owners have more than 250 ties: a ceiling of 100–250 active ties
 * (or its absence) shows only in networks larger than that.
 *
 * <p><b>Null and verdict</b> (θ₀ = 0): supported when the 95 % owner-bootstrap normal-theory interval of d lies below
 * 0 and the plateau's 95 % percentile interval inside [100, 250]; contradicted when the interval of d lies above 0
 * (no levelling off), or below 0 with the plateau's interval entirely outside [100, 250] (a ceiling, but not near
 * 150); inconclusive otherwise, and when n_active does not rise before ψ (b ≤ 0). The p-value is that of d against
 * 0. The Davies (1987) test of "no change in slope" is reported in {@code extra}.
 */
public final class C2DunbarCeiling implements Claim {
    /** DESIGN §7: the slope after ψ must be below this fraction of the slope before. */
    public static final double SLOPE_RATIO = 0.1;
    /** DESIGN §7: the plateau must lie within [PLATEAU_LOW, PLATEAU_HIGH]. */
    public static final double PLATEAU_LOW = 100;
    public static final double PLATEAU_HIGH = 250;

    /** Share of owners that must lie on each side of the breakpoint. */
    public static final double TRIM = 0.15;

    private static final int EXCESS = 0;
    private static final int PSI = 1;
    private static final int PLATEAU = 2;
    private static final int BEFORE = 3;
    private static final int AFTER = 4;
    private static final int RATIO = 5;

    @Override
    public String id() {
        return "C2";
    }

    @Override
    public String seeds() {
        return "004";
    }

    @Override
    public String statement() {
        return "Dunbar ceiling: actively kept ties level off near 150 whatever the network size";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "segmented regression of n_active on n_ties (one breakpoint psi): estimate = slope after psi minus "
                + "0.1 x slope before; supported if its 95% CI < 0 and the plateau (fitted n_active at psi) CI within "
                + "100-250";
    }

    @Override
    public double nullValue() {
        return 0.0;
    }

    private static ClaimInputs usable(ClaimInputs all) {
        return all.where(r -> r.nTies() >= 1 && !Double.isNaN(r.get(OwnerMetric.N_ACTIVE)));
    }

    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        if (in.size() < 10) {
            return Double.NaN;
        }
        double[] x = in.column(OwnerMetric.N_TIES);
        return components(SegmentedRegression.fit(x, in.column(OwnerMetric.N_ACTIVE), options(x.length)))[EXCESS];
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        if (in.size() < params.minOwners()) {
            String reason = all.rows().stream().noneMatch(r -> r.nTies() > 0) ? Reasons.noTies(params, all)
                    : Reasons.only(params, in.size()) + " owners have at least one tie, need " + params.minOwners();
            return ClaimResult.notTestable(this, params, reason, in.size(), in.ties(), Map.of());
        }
        long beyond = in.rows().stream().filter(r -> r.nTies() > PLATEAU_HIGH).count();
        if (beyond < params.minOwners()) {
            return ClaimResult.notTestable(this, params, (beyond == 0 ? "no" : Reasons.only(params, beyond))
                    + " owners have more than " + (int) PLATEAU_HIGH + " ties; a ceiling at 100-250 active ties "
                    + "shows only in larger networks, need " + params.minOwners(), in.size(), in.ties(), Map.of());
        }
        double[] x = in.column(OwnerMetric.N_TIES);
        double[] y = in.column(OwnerMetric.N_ACTIVE);
        SegmentedRegression.Fit fit = SegmentedRegression.fit(x, y, options(x.length));
        if (!fit.estimable()) {
            return ClaimResult.tested(this, params, Double.NaN, Double.NaN, Double.NaN, Double.NaN, nullValue(),
                    Verdict.INCONCLUSIVE, "segmented regression not estimable: " + fit.reason(), in.size(), in.ties(),
                    Map.of());
        }
        int[] ascending = ResampleRanks.ascending(x);
        OwnerBootstrap.Estimates b = OwnerBootstrap.run(in, rows -> {
            int[] sorted = sortedByX(ascending, rows);
            return components(SegmentedRegression.fitCoefficients(ClaimInputs.pick(x, sorted),
                    ClaimInputs.pick(y, sorted), options(rows.length)));
        }, params, id());
        Bootstrap.Result plateau = b.get(PLATEAU);
        Map<String, String> extra = new LinkedHashMap<>();
        put(extra, "slope_ratio", b.get(RATIO));
        put(extra, "breakpoint_psi", b.get(PSI));
        put(extra, "plateau", plateau);
        put(extra, "slope_before", b.get(BEFORE));
        put(extra, "slope_after", b.get(AFTER));
        extra.put("davies_p", Fmt.p(fit.daviesP()));
        extra.put("undefined_replicates", Integer.toString(b.get(EXCESS).nanReplicates()));
        NormalInterval excess = b.interval(EXCESS, NormalInterval.Scale.IDENTITY);
        ClaimResult byExcess = ClaimResult.byInterval(this, params, excess, nullValue(), Verdict.Side.BELOW,
                in.size(), in.ties(), extra);
        Verdict v = byExcess.verdict();
        String reason = byExcess.reason();
        if (!(fit.slopeBefore() > 0)) {
            v = Verdict.INCONCLUSIVE;
            reason = "n_active does not rise with n_ties before the breakpoint (slope " + Fmt.num(fit.slopeBefore())
                    + "), so a levelling off is undefined";
        } else if (v == Verdict.SUPPORTED) {
            boolean inside = plateau.lower() >= PLATEAU_LOW && plateau.upper() <= PLATEAU_HIGH;
            boolean outside = plateau.upper() < PLATEAU_LOW || plateau.lower() > PLATEAU_HIGH;
            if (outside) {
                v = Verdict.CONTRADICTED;
                reason = "n_active levels off, but at " + Fmt.num(plateau.estimate()) + " "
                        + Fmt.interval(plateau.lower(), plateau.upper()) + ", outside 100-250";
            } else if (!inside) {
                v = Verdict.INCONCLUSIVE;
                reason = "n_active levels off, but the plateau's 95% CI "
                        + Fmt.interval(plateau.lower(), plateau.upper()) + " is not within 100-250";
            }
        } else if (v == Verdict.CONTRADICTED) {
            reason = "no ceiling: the slope after psi is more than 0.1 times the slope before";
        }
        return ClaimResult.tested(this, params, excess, nullValue(), v, reason, in.size(), in.ties(), extra);
    }

    /**
     * Fitting options: linear scale, and a breakpoint searched only where at least {@value #TRIM} of the owners (and
     * at least 5) lie on each side — the trimming of structural-break tests (Andrews 1993, Econometrica 61:821–856,
     * trims 15 %). Without it, data with no break put ψ among the few largest networks and the slope after ψ rests on
     * a handful of owners, so no interval could ever exclude a ceiling.
     */
    static SegmentedRegression.Options options(int n) {
        return new SegmentedRegression.Options(false, Math.max(5, (int) Math.ceil(TRIM * n)), 10);
    }

    /** The resample's rows in ascending n_ties (the fit's sort then runs in linear time); the fit is unchanged. */
    private static int[] sortedByX(int[] ascending, int[] rows) {
        int[] w = ResampleRanks.multiplicity(ascending.length, rows);
        int[] out = new int[rows.length];
        int k = 0;
        for (int i : ascending) {
            for (int c = 0; c < w[i]; c++) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static double[] components(SegmentedRegression.Fit f) {
        if (!f.estimable()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double ratio = f.slopeBefore() > 0 ? f.slopeAfter() / f.slopeBefore() : Double.NaN;
        return new double[] {f.slopeAfter() - SLOPE_RATIO * f.slopeBefore(), f.breakpoint(), f.fittedAtBreakpoint(),
            f.slopeBefore(), f.slopeAfter(), ratio};
    }

    private static void put(Map<String, String> extra, String name, Bootstrap.Result r) {
        extra.put(name, Fmt.num(r.estimate()));
        extra.put(name + "_ci", Fmt.interval(r.lower(), r.upper()));
    }
}
