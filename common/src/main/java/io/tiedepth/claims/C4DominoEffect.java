package io.tiedepth.claims;

import io.tiedepth.schema.Columns;
import io.tiedepth.stats.Elasticity;
import io.tiedepth.stats.NormalInterval;
import io.tiedepth.stats.PoissonRegression;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * C4, the domino effect (seed 000): a bigger network brings more inbound requests.
 *
 * <p><b>Estimand</b>: the elasticity γ of the mean rate of inbound requests per month with respect to n_ties,
 * log E[requests per month | n_ties] = α + γ·log n_ties (the Poisson-deviance best log-linear fit when the mean is not
 * exactly a power law), over owners with at least one tie, <b>owners without any request included</b>.
 *
 * <p><b>Estimator</b>: Poisson pseudo-maximum likelihood ({@link PoissonRegression}) of
 * inbound_requests_per_month on log(n_ties), weighted by the months the requests are counted over
 * (min(observation_days, {@link Columns#INBOUND_WINDOW_DAYS}) / 30.4375): the same as a Poisson fit of the request
 * count with log(months) as offset, so zeros are kept (the former OLS of log(rate) had to drop owners without requests: selection on the outcome).
 * The OLS slope over owners with requests stays in {@code extra}.
 *
 * <p><b>Null and verdict</b>: θ₀ = 0; supported when the 95 % owner-bootstrap normal-theory interval lies above 0,
 * contradicted when below, then Holm. {@code extra.elasticity_above_1} says whether the interval lies above 1 (the
 * "domino" reading: requests grow faster than the network), below 1, or spans it.
 */
public final class C4DominoEffect implements Claim {
    private static final double DAYS_PER_MONTH = 30.4375;

    @Override
    public String id() {
        return "C4";
    }

    @Override
    public String seeds() {
        return "000";
    }

    @Override
    public String statement() {
        return "Domino effect: a bigger network brings more inbound requests";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "elasticity of inbound requests per month on n_ties by Poisson pseudo-maximum likelihood (PPML, "
                + "weighted by months observed, owners without requests kept); supported if the 95% CI lies above 0, "
                + "contradicted if below 0; reports whether it lies above 1";
    }

    @Override
    public double nullValue() {
        return 0.0;
    }

    private static ClaimInputs usable(ClaimInputs all) {
        return all.where(r -> r.nTies() >= 1 && !Double.isNaN(r.get(OwnerMetric.INBOUND_REQUESTS_PER_MONTH))
                && r.get(OwnerMetric.OBSERVATION_DAYS) > 0);
    }

    /** The months each owner's requests are counted over: min(observation_days, half a year) / 30.4375. */
    private static double[] months(ClaimInputs in) {
        double[] m = in.column(OwnerMetric.OBSERVATION_DAYS);
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.min(m[i], Columns.INBOUND_WINDOW_DAYS) / DAYS_PER_MONTH;
        }
        return m;
    }

    /** The PPML fit of the request rate on log(n_ties) weighted by months, on any resample of the rows of in. */
    private static PoissonRegression.Levels ppml(ClaimInputs in) {
        return new PoissonRegression.Levels(in.logColumn(OwnerMetric.N_TIES),
                in.column(OwnerMetric.INBOUND_REQUESTS_PER_MONTH), months(in));
    }

    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        return ppml(in).fit(in.allRows()).slope();
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all);
        double[] rate = in.column(OwnerMetric.INBOUND_REQUESTS_PER_MONTH);
        long without = java.util.Arrays.stream(rate).filter(v -> v == 0).count();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("owners_without_inbound_requests", params.owners(without));
        if (in.size() < params.minOwners() || without == in.size()) {
            boolean recorded = all.rows().stream().anyMatch(r -> r.nTies() > 0
                    && !Double.isNaN(r.get(OwnerMetric.INBOUND_REQUESTS_PER_MONTH)));
            String reason = all.rows().stream().noneMatch(r -> r.nTies() > 0) ? Reasons.noTies(params, all)
                    : !recorded ? "no invitation data in these exports, so no inbound requests are recorded (X "
                    + "archives and network datasets do not list requests to connect)"
                    : in.size() >= params.minOwners()
                    ? "no inbound requests (incoming invitations or conversations started by a non-tie) in the last "
                    + "half year of these exports"
                    : Reasons.only(params, in.size()) + " owners have ties and recorded inbound requests, need "
                    + params.minOwners();
            return ClaimResult.notTestable(this, params, reason, in.size(), in.ties(), extra);
        }
        PoissonRegression.Levels fit = ppml(in);
        OwnerBootstrap.Estimates boot = OwnerBootstrap.run(in, rows -> new double[] {fit.fit(rows).slope()}, params,
                id());
        var b = boot.primary();
        NormalInterval e = boot.primaryInterval(NormalInterval.Scale.IDENTITY);
        double level = 1 - params.alpha();
        extra.put("elasticity_above_1", e.lower(level) > 1 ? "yes" : e.upper(level) < 1 ? "no" : "undetermined");
        extra.put("ols_log_slope_owners_with_requests", Fmt.num(Elasticity.fit(in.column(OwnerMetric.N_TIES), rate)
                .slope()));
        extra.put("percentile_ci", Fmt.interval(b.lower(), b.upper()));
        extra.put("undefined_replicates", Integer.toString(b.nanReplicates()));
        return ClaimResult.byInterval(this, params, e, nullValue(), Verdict.Side.ABOVE, in.size(), in.ties(), extra);
    }
}
