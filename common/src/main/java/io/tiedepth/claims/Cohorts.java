package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.LogBins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * {@code stats/cohorts}: every {@link OwnerMetric} summarised within cohorts of owners. Groupings: {@code all} (one
 * cohort), {@code size_class} (DESIGN §6 classes) and {@code log2_n_ties} (owners with at least one tie, by
 * ⌊log₂ n_ties⌋: 1, 2-3, 4-7, ...). Per cohort and metric, over the owners whose metric is defined: owners, median
 * and quartiles (type 7), mean and a 95 % interval of the mean.
 *
 * <p>Interval of the mean: percentile bootstrap over the cohort's owners ({@code resamples}, seeded per cell) when
 * the cohort has at most {@value #BOOTSTRAP_MAX_OWNERS} owners; above that, the normal interval mean ± z·sd/√n, to
 * which the percentile bootstrap of a mean converges (Efron &amp; Tibshirani 1993, §13.3) and which costs nothing at
 * a hundred thousand owners. {@code ci_method} says which.
 */
public final class Cohorts {
    /** Largest cohort whose mean is bootstrapped. */
    public static final int BOOTSTRAP_MAX_OWNERS = 2000;

    private Cohorts() {
    }

    /**
     * One cohort × metric cell.
     *
     * @param grouping all, size_class or log2_n_ties
     * @param cohort the cohort's label
     * @param binLower smallest n_ties of a log2 cohort (NaN otherwise)
     * @param binUpper largest n_ties of a log2 cohort (NaN otherwise)
     * @param ciMethod bootstrap or normal
     */
    public record Cell(String grouping, String cohort, double binLower, double binUpper, String metric, long owners,
                       double median, double q1, double q3, double mean, double meanCiLow, double meanCiHigh,
                       String ciMethod) {
    }

    public static List<Cell> compute(ClaimInputs inputs, ClaimParams params) {
        List<Cell> out = new ArrayList<>();
        Map<String, List<OwnerRow>> bySize = new LinkedHashMap<>();
        for (String label : SizeClass.LABELS) {
            bySize.put(label, new ArrayList<>());
        }
        TreeMap<Integer, List<OwnerRow>> byBin = new TreeMap<>();
        for (OwnerRow r : inputs.rows()) {
            bySize.get(SizeClass.of(r.nTies())).add(r);
            if (r.nTies() >= 1) {
                byBin.computeIfAbsent(LogBins.binIndex(r.nTies(), 2), k -> new ArrayList<>()).add(r);
            }
        }
        add(out, "all", "all", Double.NaN, Double.NaN, inputs.rows(), params);
        bySize.forEach((label, rows) -> add(out, "size_class", label, Double.NaN, Double.NaN, rows, params));
        byBin.forEach((k, rows) -> {
            long lo = 1L << k;
            long hi = (1L << (k + 1)) - 1;
            add(out, "log2_n_ties", lo == hi ? Long.toString(lo) : lo + "-" + hi, lo, hi, rows, params);
        });
        return out;
    }

    private static void add(List<Cell> out, String grouping, String cohort, double lo, double hi, List<OwnerRow> rows,
                            ClaimParams params) {
        for (OwnerMetric m : OwnerMetric.values()) {
            double[] v = rows.stream().mapToDouble(r -> r.get(m)).filter(d -> !Double.isNaN(d)).toArray();
            if (v.length == 0) {
                continue;
            }
            Quantiles q = Quantiles.of(v);
            double[] ci = meanInterval(v, q, params, grouping + "/" + cohort + "/" + m.column());
            out.add(new Cell(grouping, cohort, lo, hi, m.column(), v.length, q.median(), q.q1(), q.q3(), q.mean(),
                    ci[0], ci[1], v.length <= BOOTSTRAP_MAX_OWNERS ? "bootstrap" : "normal"));
        }
    }

    static double[] meanInterval(double[] v, Quantiles q, ClaimParams params, String stream) {
        double level = 1.0 - params.alpha();
        if (v.length <= BOOTSTRAP_MAX_OWNERS) {
            Bootstrap.Result b = Bootstrap.percentileCI(v.length, idx -> {
                double s = 0;
                for (int i : idx) {
                    s += v[i];
                }
                return s / idx.length;
            }, params.resamples(), params.seedFor(stream), level);
            return new double[] {b.lower(), b.upper()};
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
        double half = z * q.sd() / Math.sqrt(v.length);
        return new double[] {q.mean() - half, q.mean() + half};
    }
}
