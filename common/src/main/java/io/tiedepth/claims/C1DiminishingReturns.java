package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.Elasticity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * C1, diminishing returns (seeds 000, 004): more connections bring proportionally less interaction.
 *
 * <p>Statistic (DESIGN §7): the elasticity β of log(1 + n_active) on log(n_ties) by OLS over owners with at least one
 * tie ({@link Elasticity#fit(double[], double[], boolean)}, natural logs), with its 95 % owner-bootstrap interval.
 *
 * <p>Verdict. DESIGN's rule "supported if the interval lies below 1" is biased by the +1: when n_active is exactly
 * proportional to n_ties but small, log(1 + n_active) rises more slowly than log(n_ties) and β is below 1 (0.97 on
 * the synthetic generator's null world, where every owner's n_active is proportional to n_ties), so the rule would
 * call proportional growth "diminishing returns". The verdict therefore compares β with β₀, the slope that exact
 * proportionality would give on the same owners ({@link #proportionalReference}; 1 when n_active is large): supported
 * when the 95 % interval of β − β₀ (both recomputed on each resample) lies below 0, contradicted when above 0. The
 * p-value is that of β − β₀ against 0; β₀ and the interval of β − β₀ are in {@code extra}.
 * Reference for the design: Miritello et al. (2013) Soc. Netw. 35:89 (large networks do not get proportionally
 * more communication).
 */
public final class C1DiminishingReturns implements Claim {

    @Override
    public String id() {
        return "C1";
    }

    @Override
    public String seeds() {
        return "000, 004";
    }

    @Override
    public String statement() {
        return "Diminishing returns: more connections bring proportionally less interaction";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "elasticity beta of log(1+n_active) on log(n_ties), OLS over owners with at least one tie; supported "
                + "if the 95% CI of beta minus beta0 (the slope proportional growth would give, 1 for large n_active) "
                + "lies below 0, contradicted if above 0";
    }

    @Override
    public double nullValue() {
        return 1.0;
    }

    /**
     * β₀: the OLS slope of log(1 + ĉ·n_ties) on log(n_ties) over the same owners, with ĉ = Σ n_active / Σ n_ties —
     * the slope that n_active exactly proportional to n_ties would give. Below 1 when n_active is small (the +1
     * flattens the bottom of the curve), 1 in the limit of large n_active.
     */
    static double proportionalReference(double[] nTies, double[] nActive) {
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < nTies.length; i++) {
            if (nTies[i] > 0 && nActive[i] >= 0) {
                sx += nTies[i];
                sy += nActive[i];
            }
        }
        if (!(sx > 0)) {
            return Double.NaN;
        }
        double c = sy / sx;
        double[] proportional = new double[nTies.length];
        for (int i = 0; i < nTies.length; i++) {
            proportional[i] = c * nTies[i];
        }
        return Elasticity.fit(nTies, proportional, true).slope();
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = all.where(r -> r.nTies() >= 1);
        if (in.size() < params.minOwners()) {
            return ClaimResult.notTestable(this, params, Reasons.only(params, in.size())
                    + " owners have at least one tie, need " + params.minOwners(), in.size(), in.ties(), Map.of());
        }
        double[] x = in.column(OwnerMetric.N_TIES);
        double[] y = in.column(OwnerMetric.N_ACTIVE);
        Elasticity.Fit fit = Elasticity.fit(x, y, true);
        OwnerBootstrap.Estimates b = OwnerBootstrap.run(in, rows -> {
            double[] xs = ClaimInputs.pick(x, rows);
            double[] ys = ClaimInputs.pick(y, rows);
            double beta = Elasticity.fit(xs, ys, true).slope();
            double reference = proportionalReference(xs, ys);
            return new double[] {beta - reference, beta, reference};
        }, params, id());
        Bootstrap.Result difference = b.get(0);
        Bootstrap.Result beta = b.get(1);
        Bootstrap.Result reference = b.get(2);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("proportional_reference", Fmt.num(reference.estimate()));
        extra.put("beta_minus_reference", Fmt.num(difference.estimate()));
        extra.put("beta_minus_reference_ci", Fmt.interval(difference.lower(), difference.upper()));
        extra.put("intercept", Fmt.num(fit.intercept()));
        extra.put("r_squared", Fmt.num(fit.rSquared()));
        extra.put("ols_slope_se", Fmt.num(fit.slopeStdErr()));
        extra.put("undefined_replicates", Integer.toString(difference.nanReplicates()));
        Verdict v = Verdict.byInterval(difference.lower(), difference.upper(), 0.0, Verdict.Side.BELOW);
        String reason = v == Verdict.INCONCLUSIVE ? Reasons.spans(difference, 0.0)
                .replace("the 95% CI", "the 95% CI of beta minus its proportional reference") : "";
        return ClaimResult.tested(this, params, fit.slope(), beta.lower(), beta.upper(), difference.pValue(0.0), v,
                reason, in.size(), in.ties(), extra).withNullValue(reference.estimate());
    }
}
