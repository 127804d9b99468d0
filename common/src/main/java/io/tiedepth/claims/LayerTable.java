package io.tiedepth.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code stats/layers}: the owners' Dunbar circles summarised across owners, to compare with the published circle
 * sizes 1.5 / 5 / 15 / 50 / 150 and a scaling ratio of about 3 (Dunbar, Arnaboldi, Conti &amp; Passarella 2015,
 * Soc. Netw. 43:39–47; Zhou, Sornette, Hill &amp; Dunbar 2005).
 *
 * <p>Groups: {@code k=K} for owners with exactly K circles (K = 1..5), and {@code all} for every owner with at least
 * j circles at circle j. Per group and circle j (1 = innermost): owners, median, quartiles and mean of the cumulative
 * circle size, and median and quartiles of the ratio size_j / size_(j−1) (from circle 2). Reference: for a K-circle
 * owner the published sizes are aligned on the outermost circle (150), so circle j compares with the (5 − K + j)-th of
 * 1.5, 5, 15, 50, 150 (a 4-circle owner with 5, 15, 50, 150, as Facebook's 4 layers); the reference ratio is 3.
 * The {@code all} group has no reference size.
 */
public final class LayerTable {
    /** Published cumulative circle sizes, innermost first. */
    public static final double[] PUBLISHED_SIZES = {1.5, 5, 15, 50, 150};
    /** Published scaling ratio between successive circles. */
    public static final double PUBLISHED_RATIO = 3.0;

    private LayerTable() {
    }

    public record Row(String group, int layer, long owners, double medianSize, double q1Size, double q3Size,
                      double meanSize, double medianRatio, double q1Ratio, double q3Ratio, double referenceSize,
                      double referenceRatio) {
    }

    public static List<Row> compute(ClaimInputs inputs) {
        List<Row> out = new ArrayList<>();
        int max = PUBLISHED_SIZES.length;
        for (int k = 1; k <= max; k++) {
            final int layers = k;
            List<OwnerRow> rows = inputs.rows().stream().filter(r -> r.layerCount() == layers).toList();
            for (int j = 1; j <= k; j++) {
                out.add(row("k=" + k, j, rows, PUBLISHED_SIZES[max - k + j - 1]));
            }
        }
        for (int j = 1; j <= max; j++) {
            final int layer = j;
            List<OwnerRow> rows = inputs.rows().stream().filter(r -> r.layerCount() >= layer).toList();
            if (!rows.isEmpty()) {
                out.add(row("all", j, rows, Double.NaN));
            }
        }
        return out;
    }

    private static Row row(String group, int j, List<OwnerRow> rows, double reference) {
        double[] sizes = new double[rows.size()];
        double[] ratios = new double[rows.size()];
        for (int i = 0; i < sizes.length; i++) {
            OwnerRow r = rows.get(i);
            sizes[i] = r.layerSizes()[j - 1];
            ratios[i] = j >= 2 ? r.layerRatios()[j - 2] : Double.NaN;
        }
        Quantiles s = Quantiles.of(sizes);
        Quantiles q = Quantiles.of(ratios);
        return new Row(group, j, rows.size(), s.median(), s.q1(), s.q3(), s.mean(), q.median(), q.q1(), q.q3(),
                reference, j >= 2 ? PUBLISHED_RATIO : Double.NaN);
    }
}
