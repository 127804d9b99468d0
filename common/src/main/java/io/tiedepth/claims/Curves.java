package io.tiedepth.claims;

import io.tiedepth.stats.LogBins;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code stats/curves}: owner metrics against n_ties in base-2 logarithmic bins ({@link LogBins#log2}), the
 * "metric vs degree" curves of Gonçalves, Perra &amp; Vespignani (2011, PLoS ONE 6(8):e22656), whose mean weight per
 * tie rises to a peak and then falls; the peak's bin locates the saturation. Curves: n_active, n_reciprocal,
 * interactions_per_tie and mean_active_frequency (mean contact frequency per active tie). Owners without ties, or
 * with the metric undefined, are left out.
 *
 * <p>{@code peak}: the bin with the largest mean among bins of at least {@code k_min} owners (so that one owner
 * cannot make the peak); none when no bin has that many.
 */
public final class Curves {
    /** The curves, in output order. */
    public static final List<OwnerMetric> METRICS = List.of(OwnerMetric.N_ACTIVE, OwnerMetric.N_RECIPROCAL,
            OwnerMetric.INTERACTIONS_PER_TIE, OwnerMetric.MEAN_ACTIVE_FREQUENCY);

    private Curves() {
    }

    /** One bin of one curve (the fields of {@link LogBins.Bin}, and whether it is the curve's peak). */
    public record Point(String metric, int binIndex, double binLower, double binUpper, double center, long owners,
                        double meanNTies, double mean, double standardError, double median, double q1, double q3,
                        boolean peak) {
    }

    public static List<Point> compute(ClaimInputs inputs, ClaimParams params) {
        List<Point> out = new ArrayList<>();
        double[] x = inputs.column(OwnerMetric.N_TIES);
        for (OwnerMetric m : METRICS) {
            LogBins.Binning binning = LogBins.log2(x, inputs.column(m));
            int peak = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < binning.bins().size(); i++) {
                LogBins.Bin b = binning.bins().get(i);
                if (b.n() >= params.kMin() && b.mean() > best) {
                    best = b.mean();
                    peak = i;
                }
            }
            for (int i = 0; i < binning.bins().size(); i++) {
                LogBins.Bin b = binning.bins().get(i);
                out.add(new Point(m.column(), b.index(), b.lower(), b.upper(), b.center(), b.n(), b.meanX(), b.mean(),
                        b.standardError(), b.median(), b.q1(), b.q3(), i == peak));
            }
        }
        return out;
    }
}
