package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.Correlation;
import io.tiedepth.stats.NormalInterval;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A claim tested by Spearman's ρ between two owner metrics ({@link Correlation#spearman}, mid-ranks) over the owners
 * with both defined (estimand: the population's Spearman correlation of the two metrics), with an owner-bootstrap
 * normal-theory interval on Fisher's atanh scale ({@link NormalInterval}); the claimed sign is the side of 0 the
 * interval must lie on.
 */
abstract class SpearmanClaim implements Claim {
    private final OwnerMetric x;
    private final OwnerMetric y;
    private final Verdict.Side claimed;

    SpearmanClaim(OwnerMetric x, OwnerMetric y, Verdict.Side claimed) {
        this.x = x;
        this.y = y;
        this.claimed = claimed;
    }

    @Override
    public double nullValue() {
        return 0.0;
    }

    @Override
    public String statistic(ClaimParams params) {
        return "Spearman rho(" + x.column() + ", " + y.column() + ") over owners with both defined; supported if the "
                + "95% CI lies " + (claimed == Verdict.Side.ABOVE ? "above" : "below") + " 0, contradicted if "
                + (claimed == Verdict.Side.ABOVE ? "below" : "above");
    }

    /** Reason when too few owners have both metrics. */
    abstract String missing(ClaimInputs all, ClaimInputs usable, ClaimParams params);

    private ClaimInputs usable(ClaimInputs all) {
        return all.where(r -> r.nTies() >= 1 && !Double.isNaN(r.get(x)) && !Double.isNaN(r.get(y)));
    }

    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        return in.size() < 2 ? Double.NaN : Correlation.spearman(in.column(x), in.column(y)).rho();
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        if (in.size() < params.minOwners()) {
            return ClaimResult.notTestable(this, params, missing(all, in, params), in.size(), in.ties(), Map.of());
        }
        double[] xs = in.column(x);
        double[] ys = in.column(y);
        Correlation.Spearman rho = Correlation.spearman(xs, ys);
        ResampleRanks ranks = new ResampleRanks(xs, ys);
        OwnerBootstrap.Estimates boot = OwnerBootstrap.run(in, rows -> new double[] {ranks.rho(rows)}, params, id());
        Bootstrap.Result b = boot.primary();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("t_approximation_p", Fmt.p(rho.pValue()));
        extra.put("undefined_replicates", Integer.toString(b.nanReplicates()));
        extra.put("percentile_ci", Fmt.interval(b.lower(), b.upper()));
        NormalInterval inference = boot.primaryInterval(NormalInterval.Scale.ATANH);
        return ClaimResult.byInterval(this, params, inference, nullValue(), claimed, in.size(), in.ties(), extra);
    }
}
