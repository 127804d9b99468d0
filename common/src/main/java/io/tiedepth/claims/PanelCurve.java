package io.tiedepth.claims;

import io.tiedepth.panels.PanelRow;
import io.tiedepth.stats.LogBins;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report's within-owner chart: median active ties (12-month window) against ties held, following owners over
 * their monthly panels ({@code features/panels}), one line per size class at the end of the panel.
 *
 * <p>Definition. Each owner (an analysed export) is classed by its {@code size_class} (n_ties at the window end,
 * where its panel ends), so the classes are those of the cohort tables and hide with them. Its months with at least
 * one tie held are grouped by log2 bin of ties held
 * (2^k ≤ ties held &lt; 2^(k+1)); in each bin the owner contributes one value: the median active_12m of its months
 * there ({@link OwnerBin}), so an owner with many months in a bin counts once. A point of the chart (size class,
 * bin) is the median of those values over the owners of the class with months in the bin, at the median of their
 * median ties held; it is {@code suppressed} (not drawn, its numbers not published) when fewer than k_min owners
 * make it, and so is every point of a class the reports hide (below k_min owners, or hidden as a complement in the
 * cohort tables: otherwise the shown classes' counts would give the hidden ones away). A line therefore shows how active ties grow as the same owners' networks grow: an association within
 * these donors over time, not an effect.
 */
public final class PanelCurve {

    private PanelCurve() {
    }

    /**
     * One owner's months in one log2 bin of ties held.
     *
     * @param sizeClass the owner's size class at the end of its panel
     * @param bin the log2 bin of ties held (k: 2^k ≤ ties held &lt; 2^(k+1))
     * @param tiesHeld the median ties held over the owner's months in the bin
     * @param active the median active_12m over those months
     */
    public record OwnerBin(String sizeClass, int bin, double tiesHeld, double active) implements Serializable {
    }

    /**
     * One point of the chart: the owners of a size class with months in a bin of ties held.
     *
     * @param owners owners making the point
     * @param tiesHeld the median over those owners of their median ties held in the bin (NaN when suppressed)
     * @param medianActive the median over those owners of their median active ties (NaN when suppressed)
     * @param suppressed fewer than k_min owners (but at least one): neither drawn nor published
     */
    public record Point(String sizeClass, int bin, long owners, double tiesHeld, double medianActive,
                        boolean suppressed) {
    }

    /** One owner's {@link OwnerBin}s in its size class, bin order; none when its panel holds no tie. */
    public static List<OwnerBin> ownerBins(List<PanelRow> panel, String sizeClass) {
        List<PanelRow> held = panel.stream().filter(r -> r.tiesHeld() >= 1).toList();
        if (held.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<PanelRow>> byBin = new TreeMap<>();
        for (PanelRow r : held) {
            byBin.computeIfAbsent(LogBins.binIndex(r.tiesHeld(), 2), b -> new ArrayList<>()).add(r);
        }
        List<OwnerBin> out = new ArrayList<>();
        byBin.forEach((bin, months) -> out.add(new OwnerBin(sizeClass, bin,
                median(months.stream().mapToDouble(PanelRow::tiesHeld).toArray()),
                median(months.stream().mapToDouble(PanelRow::active12m).toArray()))));
        return out;
    }

    /**
     * The chart's points from every owner's bins: size classes in {@link SizeClass#LABELS} order, then bin order;
     * the points of {@code hiddenClasses} and of fewer than k_min owners suppressed.
     */
    public static List<Point> points(List<OwnerBin> bins, int kMin, Set<String> hiddenClasses) {
        Map<String, Map<Integer, List<OwnerBin>>> cells = new TreeMap<>(
                Comparator.comparingInt(SizeClass.LABELS::indexOf));
        for (OwnerBin b : bins) {
            cells.computeIfAbsent(b.sizeClass(), c -> new TreeMap<>()).computeIfAbsent(b.bin(),
                    k -> new ArrayList<>()).add(b);
        }
        List<Point> out = new ArrayList<>();
        cells.forEach((sizeClass, byBin) -> byBin.forEach((bin, owners) -> {
            boolean hidden = hiddenClasses.contains(sizeClass) || ReportCsv.suppressed(owners.size(), kMin);
            out.add(new Point(sizeClass, bin, owners.size(),
                    hidden ? Double.NaN : median(owners.stream().mapToDouble(OwnerBin::tiesHeld).toArray()),
                    hidden ? Double.NaN : median(owners.stream().mapToDouble(OwnerBin::active).toArray()), hidden));
        }));
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
