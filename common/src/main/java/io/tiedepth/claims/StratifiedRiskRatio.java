package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.MantelHaenszel;
import io.tiedepth.stats.NormalInterval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tie-level claims C3 and C9: a risk ratio of two groups of ties, <b>stratified by owner</b> (Mantel–Haenszel,
 * {@link MantelHaenszel}) and bootstrapped over owners.
 *
 * <p>Estimand: the common within-owner risk ratio P(outcome | group A) / P(outcome | group B) (when it differs
 * between owners, the Mantel–Haenszel weighted average of the owners' ratios, weights b·n/N). Only owners with ties
 * in both groups inform it: comparing ties within an owner removes everything that differs between owners (their
 * activity, platform, network size), which the former pooled ratio (Σa/Σn)/(Σb/Σm) mixed into the comparison.
 *
 * <p>Interval: owner bootstrap of log RR_MH, normal-theory ({@link NormalInterval}, log scale); the
 * Greenland–Robins interval (analytic, treats ties of one owner as independent given the owner) and the crude
 * pooled ratio are in {@code extra} for comparison. A resample without a defined ratio is dropped and counted.
 */
final class StratifiedRiskRatio {
    private StratifiedRiskRatio() {
    }

    record Evaluation(NormalInterval ratio, long owners, long tiesA, long tiesB, Map<String, String> extra) {
    }

    /** The per-owner counts of the two groups. */
    private record Counts(long[] a, long[] n, long[] b, long[] m) {
        static Counts of(List<OwnerRow> rows, Function<OwnerRow, OwnerRow.Outcome> groupA,
                         Function<OwnerRow, OwnerRow.Outcome> groupB) {
            int k = rows.size();
            Counts c = new Counts(new long[k], new long[k], new long[k], new long[k]);
            for (int i = 0; i < k; i++) {
                OwnerRow.Outcome oa = groupA.apply(rows.get(i));
                OwnerRow.Outcome ob = groupB.apply(rows.get(i));
                c.a[i] = oa.events();
                c.n[i] = oa.ties();
                c.b[i] = ob.events();
                c.m[i] = ob.ties();
            }
            return c;
        }

        MantelHaenszel mantelHaenszel(int[] rows) {
            return MantelHaenszel.of(a, n, b, m, rows);
        }

        long sum(long[] v) {
            long s = 0;
            for (long x : v) {
                s += x;
            }
            return s;
        }
    }

    /** The point estimate RR_MH over every owner of {@code in}. */
    static double estimate(ClaimInputs in, Function<OwnerRow, OwnerRow.Outcome> groupA,
                           Function<OwnerRow, OwnerRow.Outcome> groupB) {
        return Counts.of(in.rows(), groupA, groupB).mantelHaenszel(in.allRows()).ratio();
    }

    static Evaluation evaluate(ClaimInputs in, Function<OwnerRow, OwnerRow.Outcome> groupA,
                               Function<OwnerRow, OwnerRow.Outcome> groupB, String nameA, String nameB,
                               ClaimParams params, String stream) {
        Counts c = Counts.of(in.rows(), groupA, groupB);
        MantelHaenszel all = c.mantelHaenszel(in.allRows());
        OwnerBootstrap.Estimates estimates = OwnerBootstrap.run(in,
                idx -> new double[] {c.mantelHaenszel(idx).ratio()}, params, stream);
        Bootstrap.Result boot = estimates.primary();
        long ta = c.sum(c.n);
        long tb = c.sum(c.m);
        long ea = c.sum(c.a);
        long eb = c.sum(c.b);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("owners_with_both", Integer.toString(all.strata()));
        extra.put(nameA + "_ties", Long.toString(ta));
        extra.put(nameA + "_with_outcome", Long.toString(ea));
        extra.put(nameB + "_ties", Long.toString(tb));
        extra.put(nameB + "_with_outcome", Long.toString(eb));
        double[] gr = all.interval(1 - params.alpha());
        extra.put("greenland_robins_ci", Fmt.interval(gr[0], gr[1]));
        extra.put("crude_pooled_ratio", Fmt.num(ta == 0 || tb == 0 || eb == 0 ? Double.NaN
                : ((double) ea / ta) / ((double) eb / tb)));
        extra.put("undefined_replicates", Integer.toString(boot.nanReplicates()));
        return new Evaluation(estimates.primaryInterval(NormalInterval.Scale.LOG), all.strata(), ta, tb, extra);
    }
}
