package io.tiedepth.claims;

import io.tiedepth.stats.NormalInterval;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * C6, mega-networkers are not all spammers (seed 003).
 *
 * <p><b>Estimand</b>: the share of mega owners (n_ties ≥ {@code mega}, 1,000) who keep more two-way ties than their
 * network size predicts, the prediction being the typical (conditional mean of the log) number of reciprocal ties of
 * the other owners at that size: log(1 + n_reciprocal) = a + b·log(n_ties), fitted by least squares over the
 * non-mega owners with at least {@code mega}/10 ties (the sizes nearest the mega range) and extrapolated to each
 * mega owner's size. A mega owner who behaves like the others is above the prediction about half the time; one whose
 * ties rarely answer (a spammer) is almost never above it. Size-adjusted: two-way ties grow with network size, so
 * comparing mega owners with the others' unconditional median (the former statistic) credits them with their size
 * alone — 0.18 when every mega owner was a spammer.
 *
 * <p><b>Estimator</b>: that share; each owner-bootstrap resample refits the prediction and recomputes the share.
 * <b>Null and verdict</b>: θ₀ = 0.1 (DESIGN: "not all spammers" means more than a tenth of mega owners above what
 * their size predicts); supported when the normal-theory 95 % interval lies above 0.1, contradicted when below,
 * then Holm. The share is not smooth in the owners' data (deleting a few owners moves the line and flips many
 * indicators), so its se is the bootstrap's alone, not the larger of it and the jackknife's. Needs at least {@code min_owners} mega owners and {@code min_owners} comparison owners.
 */
public final class C6MegaNetworkers implements Claim {
    /** DESIGN §7: supported if the interval's lower bound exceeds this share. */
    public static final double SHARE = 0.1;
    /** Comparison owners have at least mega / this many ties. */
    static final int COMPARISON_DIVISOR = 10;

    @Override
    public String id() {
        return "C6";
    }

    @Override
    public String seeds() {
        return "003";
    }

    @Override
    public String statement() {
        return "Mega-networkers are not all spammers";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "share of mega owners (>= " + params.megaTies() + " ties) whose n_reciprocal exceeds what their size "
                + "predicts from the other owners with >= " + params.megaTies() / COMPARISON_DIVISOR + " ties (least "
                + "squares of log(1+n_reciprocal) on log(n_ties)); supported if the 95% CI lies above 0.1, "
                + "contradicted if below";
    }

    @Override
    public double nullValue() {
        return SHARE;
    }

    private static ClaimInputs usable(ClaimInputs all, int mega) {
        return all.where(r -> r.nTies() >= mega / COMPARISON_DIVISOR && r.nTies() >= 1
                && !Double.isNaN(r.get(OwnerMetric.N_RECIPROCAL)));
    }

    @Override
    public double estimate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = usable(all, params.megaTies());
        return share(in.column(OwnerMetric.N_TIES), in.column(OwnerMetric.N_RECIPROCAL),
                in.allRows(), params.megaTies());
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        int mega = params.megaTies();
        ClaimInputs in = usable(all, mega);
        long megaOwners = in.rows().stream().filter(r -> r.nTies() >= mega).count();
        long others = in.size() - megaOwners;
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("mega_owners", params.owners(megaOwners));
        extra.put("comparison_owners", params.owners(others));
        if (megaOwners < params.minOwners() || others < params.minOwners()) {
            String reason = all.rows().stream().noneMatch(r -> r.nTies() > 0) ? Reasons.noTies(params, all)
                    : megaOwners == 0 ? "no mega owners (>= " + mega + " ties), need " + params.minOwners()
                    : megaOwners < params.minOwners()
                    ? Reasons.only(params, megaOwners) + " mega owners (>= " + mega + " ties), need "
                    + params.minOwners()
                    : Reasons.only(params, others) + " comparison owners with " + mega / COMPARISON_DIVISOR + " to "
                    + (mega - 1) + " ties, need " + params.minOwners();
            return ClaimResult.notTestable(this, params, reason, in.size(), in.ties(), extra);
        }
        AboveSize above = new AboveSize(in.column(OwnerMetric.N_TIES), in.column(OwnerMetric.N_RECIPROCAL), mega);
        OwnerBootstrap.Estimates boot = OwnerBootstrap.run(in, rows -> new double[] {above.share(rows)}, params,
                id());
        var b = boot.primary();
        extra.put("percentile_ci", Fmt.interval(b.lower(), b.upper()));
        extra.put("undefined_replicates", Integer.toString(b.nanReplicates()));
        return ClaimResult.byInterval(this, params, boot.interval(0, NormalInterval.Scale.IDENTITY, false), SHARE,
                Verdict.Side.ABOVE, in.size(), in.ties(), extra);
    }

    /** The share of mega owners at {@code rows} above the prediction fitted on the other owners at {@code rows}. */
    static double share(double[] ties, double[] reciprocal, int[] rows, int mega) {
        return new AboveSize(ties, reciprocal, mega).share(rows);
    }

    /** {@link #share} on any resample of the same owners, their logarithms taken once. */
    private static final class AboveSize {
        private final double[] logTies;
        private final double[] logReciprocal;
        private final boolean[] isMega;

        AboveSize(double[] ties, double[] reciprocal, int mega) {
            logTies = new double[ties.length];
            logReciprocal = new double[ties.length];
            isMega = new boolean[ties.length];
            for (int i = 0; i < ties.length; i++) {
                logTies[i] = Math.log(ties[i]);
                logReciprocal[i] = Math.log1p(reciprocal[i]);
                isMega[i] = ties[i] >= mega;
            }
        }

        double share(int[] rows) {
            SimpleRegression fit = new SimpleRegression(true);
            for (int i : rows) {
                if (!isMega[i]) {
                    fit.addData(logTies[i], logReciprocal[i]);
                }
            }
            if (fit.getN() < 3) {
                return Double.NaN;
            }
            int megaCount = 0;
            int above = 0;
            for (int i : rows) {
                if (isMega[i]) {
                    megaCount++;
                    above += logReciprocal[i] > fit.predict(logTies[i]) ? 1 : 0;
                }
            }
            return megaCount == 0 || Double.isNaN(fit.getSlope()) ? Double.NaN : above / (double) megaCount;
        }
    }
}
