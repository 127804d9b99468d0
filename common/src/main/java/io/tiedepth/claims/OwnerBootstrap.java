package io.tiedepth.claims;

import io.tiedepth.stats.Bootstrap;
import io.tiedepth.stats.NormalInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

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
 *
 * <p>Beside the resamples, a delete-a-group jackknife over {@link #JACKKNIFE_GROUPS} random groups of owners gives
 * each component's effective degrees of freedom ({@link NormalInterval#effectiveDegreesOfFreedom}): how many owners
 * really carry the statistic, and so which t critical value its normal-theory interval needs ({@link #interval}).
 */
public final class OwnerBootstrap {
    /** Groups of the delete-a-group jackknife (every owner its own group when there are fewer owners). */
    public static final int JACKKNIFE_GROUPS = 100;

    private OwnerBootstrap() {
    }

    /**
     * Per-component bootstrap results and jackknife values, index as returned by the statistic.
     *
     * @param components the bootstrap result of each component
     * @param jackknife per component, the statistic without each group of owners (NaN where undefined)
     */
    public record Estimates(List<Bootstrap.Result> components, List<double[]> jackknife) {
        public Bootstrap.Result get(int component) {
            return components.get(component);
        }

        public Bootstrap.Result primary() {
            return components.get(0);
        }

        /**
         * The component's normal-theory interval on {@code scale} with its jackknife degrees of freedom and the
         * larger of the bootstrap and jackknife se (a statistic smooth in the owners' data).
         */
        public NormalInterval interval(int component, NormalInterval.Scale scale) {
            return interval(component, scale, true);
        }

        /** {@link #interval(int, NormalInterval.Scale)}, with the bootstrap se alone when not {@code smooth}. */
        public NormalInterval interval(int component, NormalInterval.Scale scale, boolean smooth) {
            Bootstrap.Result b = components.get(component);
            return NormalInterval.of(b.estimate(), b.replicates(), jackknife.get(component), scale, smooth);
        }

        /** {@link #interval} of component 0. */
        public NormalInterval primaryInterval(NormalInterval.Scale scale) {
            return interval(0, scale);
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
        List<double[]> evaluated = new ArrayList<>(); // the whole sample first, then each resample
        double level = 1.0 - params.alpha();
        Bootstrap.percentileCI(inputs.owners(), clusters -> {
            double[] v = statistic.apply(inputs.rowsOf(clusters));
            evaluated.add(v.clone());
            return v[0];
        }, params.resamples(), params.seedFor(stream), level);
        double[] estimate = evaluated.get(0);
        List<double[]> replicates = evaluated.subList(1, evaluated.size());
        double[][] jackknife = jackknife(inputs, statistic, params.seedFor(stream + "/jackknife"));
        List<Bootstrap.Result> out = new ArrayList<>();
        List<double[]> deleted = new ArrayList<>();
        for (int j = 0; j < estimate.length; j++) {
            out.add(component(estimate[j], replicates, j, level, params.resamples()));
            double[] values = new double[jackknife.length];
            for (int g = 0; g < jackknife.length; g++) {
                values[g] = j < jackknife[g].length ? jackknife[g][j] : Double.NaN;
            }
            deleted.add(values);
        }
        return new Estimates(out, deleted);
    }

    /**
     * The statistic without each of G = min(owners, {@link #JACKKNIFE_GROUPS}) groups of owners; the owners are
     * dealt to the groups in a random order drawn from {@code seed} (deterministic), so input order (e.g. owners
     * sorted by size) cannot make a group homogeneous.
     */
    static double[][] jackknife(ClaimInputs inputs, Function<int[], double[]> statistic, long seed) {
        int n = inputs.owners();
        int groups = Math.min(n, JACKKNIFE_GROUPS);
        if (groups < 2) {
            return new double[0][];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        RandomGenerator rng = new Well19937c(seed);
        for (int i = n - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        double[][] values = new double[groups][];
        for (int g = 0; g < groups; g++) {
            int[] kept = new int[n - (n - g + groups - 1) / groups];
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (i % groups != g) {
                    kept[next++] = order[i];
                }
            }
            values[g] = statistic.apply(inputs.rowsOf(kept));
        }
        return values;
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
