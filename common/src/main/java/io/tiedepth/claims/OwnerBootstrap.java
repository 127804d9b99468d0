package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The claims' uncertainty: a percentile bootstrap over owners ({@link Bootstrap}, Efron &amp; Tibshirani 1993 §13.3)
 * in which the resampled unit is the owner (cluster bootstrap: an owner's exports move together, see
 * {@link ClaimInputs}), and the whole statistic is recomputed on each resample from the resampled owners' rows —
 * e.g. the pooled risk ratio of C3 is re-pooled over the resampled owners' tie counts, so the interval accounts for
 * ties of one owner being alike.
 *
 * <p>A statistic may return several numbers (C2: slope ratio, breakpoint, plateau, ...): all come from the same
 * resamples, component 0 drives {@link Bootstrap#percentileCI}, and every component gets its own percentile
 * interval (R type 7 quantiles of its non-NaN replicates) and its own {@link Bootstrap.Result}.
 */
public final class OwnerBootstrap {
    private OwnerBootstrap() {
    }

    /** Per-component bootstrap results, index as returned by the statistic. */
    public record Estimates(List<Bootstrap.Result> components) {
        public Bootstrap.Result get(int component) {
            return components.get(component);
        }

        public Bootstrap.Result primary() {
            return components.get(0);
        }
    }

    /**
     * Bootstraps {@code statistic} over the owners of {@code inputs}.
     *
     * @param statistic receives the row indices of a resample (first all rows in order: the estimate) and returns the
     *     statistic's components; NaN marks a component undefined on that resample (dropped and counted)
     * @param stream name of the random stream ({@link ClaimParams#seedFor}), e.g. the claim id
     */
    public static Estimates run(ClaimInputs inputs, Function<int[], double[]> statistic, ClaimParams params,
                                String stream) {
        List<double[]> replicates = new ArrayList<>();
        double[][] estimate = new double[1][];
        double level = 1.0 - params.alpha();
        Bootstrap.percentileCI(inputs.owners(), clusters -> {
            double[] v = statistic.apply(inputs.rowsOf(clusters));
            if (estimate[0] == null) {
                estimate[0] = v.clone();
            } else {
                replicates.add(v.clone());
            }
            return v[0];
        }, params.resamples(), params.seedFor(stream), level);
        List<Bootstrap.Result> out = new ArrayList<>();
        for (int j = 0; j < estimate[0].length; j++) {
            out.add(component(estimate[0][j], replicates, j, level, params.resamples()));
        }
        return new Estimates(out);
    }

    private static Bootstrap.Result component(double estimate, List<double[]> replicates, int j, double level,
                                              int resamples) {
        double[] values = new double[replicates.size()];
        int valid = 0;
        for (double[] r : replicates) {
            if (!Double.isNaN(r[j])) {
                values[valid++] = r[j];
            }
        }
        return Bootstrap.summarise(estimate, values, valid, level, resamples);
    }
}
