package io.tiedepth.stats;

import io.tiedepth.generate.ActiveTieFrequencies;
import io.tiedepth.generate.Generator;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.generate.OwnerTruth;
import io.tiedepth.generate.SynthOwner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.Well19937c;

/**
 * The rules compared for the number of Dunbar circles, and the frequency sets they are compared on: the active ties
 * of generated owners (the generator's model, {@link Generator#measure}'s owners, without writing exports) and
 * frequency spreads without layers. Used by {@code DunbarCirclesRecoveryTest} (in the suite) and
 * {@code CirclesStudyTest} (the README table).
 */
final class CircleCountRules {
    /** Owners with at least this many active ties are where 4 layers are planted in full. */
    static final int MIN_ACTIVE = 140;

    private CircleCountRules() {
    }

    /** A way to choose the number of circles of one owner's frequencies. */
    enum Rule {
        BIC("BIC (Ckmeans.1d.dp, the old rule)") {
            @Override
            int count(double[] f) {
                return DunbarLayers.of(f, DunbarLayers.DEFAULT_MAX_LAYERS, 1.0).layerCount();
            }
        },
        BIC_1_5("BIC, penalty × 1.5") {
            @Override
            int count(double[] f) {
                return DunbarLayers.of(f, DunbarLayers.DEFAULT_MAX_LAYERS, 1.5).layerCount();
            }
        },
        BIC_2("BIC, penalty × 2 (chosen)") {
            @Override
            int count(double[] f) {
                return DunbarLayers.of(f).layerCount();
            }
        },
        BIC_3("BIC, penalty × 3") {
            @Override
            int count(double[] f) {
                return DunbarLayers.of(f, DunbarLayers.DEFAULT_MAX_LAYERS, 3.0).layerCount();
            }
        },
        GAIN_3("explained variance: add a circle while it gains ≥ 3 %") {
            @Override
            int count(double[] f) {
                return gainCount(f, 0.03);
            }
        },
        MEAN_SHIFT("Mean Shift (valearna/egonetworks)") {
            @Override
            int count(double[] f) {
                return MeanShiftCount.of(f);
            }
        },
        LOG_BIC_2("diagnostic, not a candidate: BIC × 2 on ln(frequency)") {
            @Override
            int count(double[] f) {
                return Ckmeans.selectK(Arrays.stream(f).map(Math::log).toArray(), 1, DunbarLayers.DEFAULT_MAX_LAYERS,
                        DunbarLayers.DEFAULT_PENALTY).k();
            }
        };

        final String label;

        Rule(String label) {
            this.label = label;
        }

        abstract int count(double[] f);
    }

    /**
     * The smallest K (at most {@link DunbarLayers#DEFAULT_MAX_LAYERS}) whose next circle would explain less than
     * {@code minGain} of the total sum of squares: (W(K) − W(K+1)) / W(1) &lt; minGain, W the optimal within-cluster
     * sum of squares (the "elbow" read as a threshold).
     */
    static int gainCount(double[] f, double minGain) {
        int kMax = Math.min(DunbarLayers.DEFAULT_MAX_LAYERS, distinct(f));
        double total = Ckmeans.cluster(f, 1).totalWithinSs();
        int k = 1;
        while (k < kMax && (Ckmeans.cluster(f, k).totalWithinSs() - Ckmeans.cluster(f, k + 1).totalWithinSs())
                >= minGain * total) {
            k++;
        }
        return k;
    }

    private static int distinct(double[] f) {
        return (int) Arrays.stream(f).distinct().count();
    }

    /** Cumulative circle sizes of the optimal k-means partition into k groups (at most the distinct values). */
    static int[] cumulativeSizes(double[] f, int k) {
        Ckmeans.Clustering c = Ckmeans.cluster(f, Math.min(k, distinct(f)));
        int[] ascending = c.sizes();
        int[] cumulative = new int[ascending.length];
        for (int j = 0; j < ascending.length; j++) {
            cumulative[j] = ascending[ascending.length - 1 - j] + (j > 0 ? cumulative[j - 1] : 0);
        }
        return cumulative;
    }

    /** One generated owner: its established active ties' frequencies ({@link DunbarLayers#established}) and the planted cumulative core layer sizes among them. */
    record Owner(double[] frequency, int[] plantedCumulative) {
    }

    /** Owners 0..owners−1 of the generator's model (LinkedIn) with at least {@link #MIN_ACTIVE} active ties. */
    static List<Owner> generated(GeneratorParams params, long seed, int owners) {
        Generator g = new Generator(params, seed, List.of("linkedin"));
        List<Owner> out = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            SynthOwner o = g.model().sample(i);
            OwnerTruth t = OwnerTruth.of(o, params.features(), g.model().waveDates(),
                    params.messages().waveSpreadDays());
            if (t.nActive() < MIN_ACTIVE) {
                continue;
            }
            ActiveTieFrequencies a = ActiveTieFrequencies.of(o, t);
            boolean[] established = DunbarLayers.established(a.observedDays());
            double[] all = a.frequency();
            int[] allLayers = a.plantedLayer();
            double[] frequency = IntStream.range(0, all.length).filter(j -> established[j]).mapToDouble(j -> all[j])
                    .toArray();
            int[] planted = IntStream.range(0, all.length).filter(j -> established[j]).map(j -> allLayers[j])
                    .toArray();
            int layers = params.activity().layerSizes().size();
            int[] cumulative = new int[layers];
            for (int l : planted) {
                for (int j = l - 1; l > 0 && j < layers; j++) {
                    cumulative[j]++;
                }
            }
            out.add(new Owner(frequency, cumulative));
        }
        return out;
    }

    /** {@code sets} spreads of n frequencies uniform on [1, 30]: no layers. */
    static List<double[]> uniform(int n, int sets, long seed) {
        Well19937c rng = new Well19937c(seed);
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = 1 + 29 * rng.nextDouble();
            }
            out.add(f);
        }
        return out;
    }

    /** {@code sets} spreads of n log-normal frequencies (median 5 per year, σ 0.5): one skewed mode, no layers. */
    static List<double[]> logNormal(int n, int sets, long seed) {
        Well19937c rng = new Well19937c(seed);
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = 5 * Math.exp(0.5 * rng.nextGaussian());
            }
            out.add(f);
        }
        return out;
    }

    /**
     * {@code sets} hand-made owners with 4 layers: 5, 10, 35 and 100 ties around 52, 12, 4 and 1.5 contacts a year
     * (Dunbar's 5/15/50/150 circles), each frequency multiplied by e^(σ·z), z standard normal; frequencies below 1
     * (not active) are dropped.
     */
    static List<double[]> layered(double sigma, int sets, long seed) {
        Well19937c rng = new Well19937c(seed);
        double[] rates = {52, 12, 4, 1.5};
        int[] counts = {5, 10, 35, 100};
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            List<Double> f = new ArrayList<>();
            for (int layer = 0; layer < rates.length; layer++) {
                for (int i = 0; i < counts[layer]; i++) {
                    double x = rates[layer] * Math.exp(sigma * rng.nextGaussian());
                    if (x >= 1) {
                        f.add(x);
                    }
                }
            }
            out.add(f.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /** Share of the sets on which {@code rule} finds exactly {@code k} circles. */
    static double shareOfSetsWith(Rule rule, List<double[]> sets, int k) {
        return sets.stream().filter(f -> rule.count(f) == k).count() / (double) sets.size();
    }

    /** Share of the sets on which {@code rule} finds more than one circle. */
    static double falseCircleRate(Rule rule, List<double[]> sets) {
        return sets.stream().filter(f -> rule.count(f) > 1).count() / (double) sets.size();
    }

    /** Share of the owners on which {@code rule} finds exactly {@code k} circles. */
    static double shareWith(Rule rule, List<Owner> owners, int k) {
        return shareOfSetsWith(rule, owners.stream().map(Owner::frequency).toList(), k);
    }
}
