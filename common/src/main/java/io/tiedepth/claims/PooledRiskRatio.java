package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.RiskRatio;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tie-level claims C3 and C9: a risk ratio of two groups of ties, pooled over owners and bootstrapped over
 * owners.
 *
 * <p>Estimate: RR = (Σ_owners a_o / Σ_owners n_o) / (Σ_owners b_o / Σ_owners m_o), the ratio of the pooled
 * proportions of ties reaching the outcome in group A (a_o of n_o ties of owner o) and group B (b_o of m_o). Every
 * bootstrap resample of owners re-pools the sums over the resampled owners (a cluster bootstrap of the ratio
 * estimator), so the interval reflects that the ties of one owner are not independent; the Katz tie-level interval
 * of {@link RiskRatio}, which ignores that, is reported in {@code extra} for comparison only. A resample in which a
 * group has no ties or group B no events gives an undefined replicate (dropped and counted).
 */
final class PooledRiskRatio {
    private PooledRiskRatio() {
    }

    record Evaluation(Bootstrap.Result ratio, long tiesA, long eventsA, long tiesB, long eventsB,
                      Map<String, String> extra) {
    }

    static Evaluation evaluate(ClaimInputs in, Function<OwnerRow, OwnerRow.Outcome> groupA,
                               Function<OwnerRow, OwnerRow.Outcome> groupB, String nameA, String nameB,
                               ClaimParams params, String stream) {
        List<OwnerRow> rows = in.rows();
        long[] a = new long[rows.size()];
        long[] n = new long[rows.size()];
        long[] b = new long[rows.size()];
        long[] m = new long[rows.size()];
        for (int i = 0; i < a.length; i++) {
            OwnerRow.Outcome oa = groupA.apply(rows.get(i));
            OwnerRow.Outcome ob = groupB.apply(rows.get(i));
            a[i] = oa.events();
            n[i] = oa.ties();
            b[i] = ob.events();
            m[i] = ob.ties();
        }
        OwnerBootstrap.Estimates e = OwnerBootstrap.run(in, idx -> {
            long sa = 0;
            long sn = 0;
            long sb = 0;
            long sm = 0;
            for (int i : idx) {
                sa += a[i];
                sn += n[i];
                sb += b[i];
                sm += m[i];
            }
            return new double[] {ratio(sa, sn, sb, sm)};
        }, params, stream);
        long ta = 0;
        long ea = 0;
        long tb = 0;
        long eb = 0;
        for (int i = 0; i < a.length; i++) {
            ea += a[i];
            ta += n[i];
            eb += b[i];
            tb += m[i];
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(nameA + "_ties", Long.toString(ta));
        extra.put(nameA + "_with_outcome", Long.toString(ea));
        extra.put(nameB + "_ties", Long.toString(tb));
        extra.put(nameB + "_with_outcome", Long.toString(eb));
        if (ta > 0 && tb > 0) {
            RiskRatio katz = RiskRatio.of(ea, ta, eb, tb, 1.0 - params.alpha());
            extra.put("tie_level_katz_ci", Fmt.interval(katz.lower(), katz.upper()));
        }
        extra.put("undefined_replicates", Integer.toString(e.primary().nanReplicates()));
        return new Evaluation(e.primary(), ta, ea, tb, eb, extra);
    }

    static double ratio(long eventsA, long tiesA, long eventsB, long tiesB) {
        if (tiesA == 0 || tiesB == 0 || eventsB == 0) {
            return Double.NaN;
        }
        return ((double) eventsA / tiesA) / ((double) eventsB / tiesB);
    }
}
