package io.tiedepth.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contact frequencies of one generated owner's active ties, as {@code features} computes them on the written
 * export, beside each tie's planted Dunbar layer: the input of the Dunbar circles ({@code DunbarLayers}) and its
 * truth, for recovery tests of the number of circles. Kept apart from {@link OwnerTruth} (whose per-owner values are
 * scalars the driver aggregates) because it is per tie.
 *
 * <p>contact_frequency = interactions / (observed days / 365.25) with observed days = max(30, window_end −
 * max(connected_at, window_start)) (TieFeatures; without connection dates, as on X, the tie starts at its first
 * interaction); a tie is active when it is ≥ 1 per year. These are the rules {@link OwnerTruth#of} counts
 * {@code nActive} with, so {@code frequency.length == truth.nActive()}.
 *
 * @param frequency    contact_frequency of each active tie (interactions per year), in tie order
 * @param plantedLayer the tie's planted layer ({@link SynthOwner.Contact#layer()}: 1 = innermost of the sustained
 *                     core), 0 for an active tie outside the core (a young acquaintance)
 * @param observedDays the tie's observed days (tie_features.observed_days), in the same order
 */
public record ActiveTieFrequencies(double[] frequency, int[] plantedLayer, double[] observedDays) {

    public ActiveTieFrequencies {
        frequency = frequency.clone();
        plantedLayer = plantedLayer.clone();
        observedDays = observedDays.clone();
    }

    /** The active ties of {@code o}, whose window is {@code truth}'s ({@code truth = OwnerTruth.of(o, …)}). */
    public static ActiveTieFrequencies of(SynthOwner o, OwnerTruth truth) {
        int[] interactions = new int[o.contacts().size()];
        long[] first = new long[o.contacts().size()];
        Arrays.fill(first, Long.MAX_VALUE);
        for (OwnerTruth.Interaction x : OwnerTruth.interactions(o)) {
            interactions[x.contact()]++;
            first[x.contact()] = Math.min(first[x.contact()], x.at());
        }
        boolean dated = OwnerTruth.hasConnectionDates(o.platform());
        List<Double> frequencies = new ArrayList<>();
        List<Integer> layers = new ArrayList<>();
        List<Double> observedDays = new ArrayList<>();
        for (int i = 0; i < o.nTies(); i++) {
            long connected = dated ? o.contacts().get(i).connectedAt().getEpochSecond()
                    : interactions[i] == 0 ? truth.windowStart() : first[i];
            double observed = Math.max(30.0,
                    (truth.windowEnd() - Math.max(connected, truth.windowStart())) / 86_400.0);
            double frequency = interactions[i] / (observed / 365.25);
            if (frequency >= 1.0) {
                frequencies.add(frequency);
                layers.add(o.contacts().get(i).layer());
                observedDays.add(observed);
            }
        }
        return new ActiveTieFrequencies(frequencies.stream().mapToDouble(Double::doubleValue).toArray(),
                layers.stream().mapToInt(Integer::intValue).toArray(),
                observedDays.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public double[] frequency() {
        return frequency.clone();
    }

    @Override
    public int[] plantedLayer() {
        return plantedLayer.clone();
    }

    @Override
    public double[] observedDays() {
        return observedDays.clone();
    }
}
