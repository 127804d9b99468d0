package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * C6, mega-networkers are not all spammers (seed 003).
 *
 * <p>Statistic: among owners with at least one tie, the share of mega owners (n_ties ≥ {@code mega}, 1,000) whose
 * n_reciprocal exceeds the median n_reciprocal of the other owners (median of an even count = mean of the middle
 * two). Each bootstrap resample of owners recomputes both the median and the share. Supported when the 95 % interval
 * lies above 0.1 (more than a tenth of mega owners keep more two-way ties than a typical owner), contradicted when it
 * lies below 0.1. Needs at least {@code min_owners} mega owners and {@code min_owners} others.
 */
public final class C6MegaNetworkers implements Claim {
    /** DESIGN §7: supported if the interval's lower bound exceeds this share. */
    public static final double SHARE = 0.1;

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
        return "share of mega owners (>= " + params.megaTies() + " ties) whose n_reciprocal exceeds the median "
                + "n_reciprocal of the other owners; supported if the 95% CI lies above 0.1, contradicted if below";
    }

    @Override
    public double nullValue() {
        return SHARE;
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = all.where(r -> r.nTies() >= 1);
        int mega = params.megaTies();
        long megaOwners = in.rows().stream().filter(r -> r.nTies() >= mega).count();
        long others = in.size() - megaOwners;
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("mega_owners", params.owners(megaOwners));
        extra.put("other_owners", params.owners(others));
        if (megaOwners < params.minOwners() || others < params.minOwners()) {
            String reason = megaOwners == 0
                    ? "no mega owners (>= " + mega + " ties) among " + params.owners(in.size()) + " owners with ties, "
                    + "need " + params.minOwners()
                    : megaOwners < params.minOwners()
                    ? Reasons.only(params, megaOwners) + " mega owners (>= " + mega + " ties), need "
                    + params.minOwners()
                    : Reasons.only(params, others) + " owners below " + mega + " ties, need " + params.minOwners();
            return ClaimResult.notTestable(this, params, reason, in.size(), in.ties(), extra);
        }
        double[] ties = in.column(OwnerMetric.N_TIES);
        double[] reciprocal = in.column(OwnerMetric.N_RECIPROCAL);
        Bootstrap.Result b = OwnerBootstrap.run(in, rows -> new double[] {share(ties, reciprocal, rows, mega)},
                params, id()).primary();
        extra.put("median_n_reciprocal_others", Fmt.num(medianOfOthers(ties, reciprocal, identity(ties.length),
                mega)));
        extra.put("undefined_replicates", Integer.toString(b.nanReplicates()));
        Verdict v = Verdict.byInterval(b.lower(), b.upper(), SHARE, Verdict.Side.ABOVE);
        String reason = v == Verdict.INCONCLUSIVE ? Reasons.spans(b, SHARE) : "";
        return ClaimResult.tested(this, params, b.estimate(), b.lower(), b.upper(), b.pValue(SHARE), v, reason,
                in.size(), in.ties(), extra);
    }

    static double share(double[] ties, double[] reciprocal, int[] rows, int mega) {
        double median = medianOfOthers(ties, reciprocal, rows, mega);
        int megaCount = 0;
        int above = 0;
        for (int i : rows) {
            if (ties[i] >= mega) {
                megaCount++;
                if (reciprocal[i] > median) {
                    above++;
                }
            }
        }
        return megaCount == 0 || Double.isNaN(median) ? Double.NaN : above / (double) megaCount;
    }

    static double medianOfOthers(double[] ties, double[] reciprocal, int[] rows, int mega) {
        double[] others = new double[rows.length];
        int n = 0;
        for (int i : rows) {
            if (ties[i] < mega) {
                others[n++] = reciprocal[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(others, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
