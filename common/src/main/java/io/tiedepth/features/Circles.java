package io.tiedepth.features;

import io.tiedepth.stats.DunbarLayers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An owner's Dunbar circles (README "Dunbar circles"): the contact frequencies of the owner's established active
 * ties ({@link DunbarLayers#established}) split into at most 5 nested circles ({@link DunbarLayers#of}); owners with
 * fewer than {@value #MIN_ACTIVE_TIES} established active ties get none. The ties enter in contact_id order (then
 * frequency and observed days), so the result does not depend on the order rows arrive in.
 *
 * @param count   {@code owner_metrics.n_layers}, 0 without circles
 * @param sizes   {@code layer_sizes}: cumulative circle sizes, innermost first; null without circles
 * @param ratios  {@code layer_ratios}: size_j / size_(j−1); null without circles
 * @param layerOf {@code tie_features.layer} of each tie in a circle, by contact_id
 */
public record Circles(int count, List<Integer> sizes, List<Double> ratios, Map<String, Integer> layerOf) {
    /** Fewest established active ties for which circles are computed. */
    public static final int MIN_ACTIVE_TIES = 5;

    /** No circles. */
    public static final Circles NONE = new Circles(0, null, null, Map.of());

    /** An established-or-not active tie as the circles read it. */
    public record ActiveTie(String contactId, double contactFrequency, double observedDays) {
    }

    private static final Comparator<ActiveTie> ORDER = Comparator.comparing(ActiveTie::contactId)
            .thenComparingDouble(ActiveTie::contactFrequency)
            .thenComparingDouble(ActiveTie::observedDays);

    /** @param tieFeatures an owner's tie features (only active ties enter) */
    static Circles of(List<TieFeature> tieFeatures) {
        List<ActiveTie> active = new ArrayList<>();
        for (TieFeature t : tieFeatures) {
            if (t.isTie() && t.active()) {
                active.add(new ActiveTie(t.contactId(), t.contactFrequency(), t.observedDays()));
            }
        }
        return ofActive(active);
    }

    /** @param activeTies an owner's active ties, in any order */
    public static Circles ofActive(List<ActiveTie> activeTies) {
        List<ActiveTie> active = new ArrayList<>(activeTies);
        active.sort(ORDER);
        double[] observed = new double[active.size()];
        for (int i = 0; i < observed.length; i++) {
            observed[i] = active.get(i).observedDays();
        }
        boolean[] established = DunbarLayers.established(observed);
        List<ActiveTie> ties = new ArrayList<>();
        for (int i = 0; i < established.length; i++) {
            if (established[i]) {
                ties.add(active.get(i));
            }
        }
        return ties.size() < MIN_ACTIVE_TIES ? NONE : layers(ties);
    }

    private static Circles layers(List<ActiveTie> ties) {
        double[] frequencies = new double[ties.size()];
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] = ties.get(i).contactFrequency();
        }
        DunbarLayers layers = DunbarLayers.of(frequencies);
        int[] layer = layers.layerOf();
        Map<String, Integer> layerOf = new HashMap<>();
        for (int i = 0; i < layer.length; i++) {
            layerOf.put(ties.get(i).contactId(), layer[i]);
        }
        List<Integer> sizes = new ArrayList<>();
        for (int s : layers.cumulativeSizes()) {
            sizes.add(s);
        }
        List<Double> ratios = new ArrayList<>();
        for (double q : layers.ratios()) {
            ratios.add(q);
        }
        return new Circles(layers.layerCount(), List.copyOf(sizes), List.copyOf(ratios), Map.copyOf(layerOf));
    }
}
