package io.tiedepth.stats;

import java.util.Arrays;

/**
 * An owner's Dunbar circles (DESIGN §6): the contact frequencies of the owner's active ties grouped into nested
 * layers, innermost (most frequent contact) first.
 *
 * <p>Method: Dunbar, Arnaboldi, Conti &amp; Passarella (2015) "The structure of online social networks mirrors
 * those in the offline world", Soc. Netw. 43:39–47: one-dimensional optimal k-means of the alters' contact
 * frequencies ({@link Ckmeans}, Wang &amp; Song 2011; the same partition as the Jenks breaks of the authors' code,
 * valearna/egonetworks), at most {@code maxLayers} clusters. Circles are cumulative: circle j holds every tie in
 * clusters 1..j.
 *
 * <p><b>Number of circles</b>: the K maximising the BIC of the clusterings' Gaussian mixture (as Ckmeans.1d.dp;
 * Schwarz 1978, Ann. Stat. 6:461–464) with its parameter penalty doubled, 2·log L − 2·(3K − 1)·ln n
 * ({@link #DEFAULT_PENALTY}; {@link Ckmeans#selectK(double[], int, int, double)}). Chosen by the recovery table in
 * README ("Dunbar circles", {@code scripts/circles-study.sh}) against the plain BIC, the authors' Mean Shift count
 * and a minimum gain in explained variance: on generated owners with ≥ 140 active ties (4 layers planted) it picks
 * 4 about twice as often as the plain BIC, and on uniform spreads of 150 frequencies (no layers) it invents circles
 * about a quarter as often, and it finds the 4 planted layers in at least 90 % of them. Only established ties enter
 * ({@link #established}). Dangers: on raw frequencies a Gaussian mixture still splits a skewed
 * continuum (a log-normal or exponential spread) into 2 groups, and an innermost layer with multiplicative spread
 * into 2, so the count of circles is a descriptive figure, not a test of layering.
 *
 * @param layerCount number of layers (0 only for no input)
 * @param layerOf for each input frequency (input order), its layer 1..layerCount, 1 = innermost (highest frequency)
 * @param layerSizes ties per layer (not cumulative), innermost first
 * @param cumulativeSizes circle sizes: cumulativeSizes[j] = layerSizes[0] + … + layerSizes[j]
 * @param ratios scaling ratios cumulativeSizes[j+1] / cumulativeSizes[j], length layerCount − 1 (the ≈ 3 of
 *     Dunbar's 5-15-50-150 series)
 * @param meanFrequency mean contact frequency per layer, innermost first (decreasing)
 * @param minFrequency lowest contact frequency in each layer, i.e. the layer's lower boundary
 * @param criterion the penalised BIC per candidate number of clusters K = 1.. ({@link Ckmeans.Selection#bic()});
 *     empty for no input, all NaN with one distinct frequency
 */
public record DunbarLayers(int layerCount, int[] layerOf, int[] layerSizes, int[] cumulativeSizes, double[] ratios,
        double[] meanFrequency, double[] minFrequency, double[] criterion) {

    /** Dunbar et al. (2015) allow up to 5 circles. */
    public static final int DEFAULT_MAX_LAYERS = 5;

    /** Multiplier of the BIC's parameter penalty (3K − 1)·ln n when choosing the number of circles; 1 is the BIC. */
    public static final double DEFAULT_PENALTY = 2.0;

    public DunbarLayers {
        layerOf = layerOf.clone();
        layerSizes = layerSizes.clone();
        cumulativeSizes = cumulativeSizes.clone();
        ratios = ratios.clone();
        meanFrequency = meanFrequency.clone();
        minFrequency = minFrequency.clone();
        criterion = criterion.clone();
    }

    /** A tie observed this long (or for half the owner's window, when that is shorter) shows a yearly frequency. */
    public static final double ESTABLISHED_DAYS = 365.25;

    /**
     * Which active ties enter the circles: those observed for at least {@link #ESTABLISHED_DAYS}, or for at least
     * half of the longest observation among the owner's ties when that is shorter than two years (a dataset of a few
     * weeks or months). A tie connected a month ago with one message reads 12 a year: a young tie's frequency is one
     * or two messages over a short time, not a contact rate, and such ties (half the active ties of a growing
     * network) fill the gaps between the circles of the established ones.
     *
     * @param observedDays per tie, the days it was observed ({@code tie_features.observed_days})
     * @return per tie, whether it is established
     */
    public static boolean[] established(double[] observedDays) {
        double longest = 0;
        for (double d : observedDays) {
            longest = Math.max(longest, d);
        }
        double threshold = Math.min(ESTABLISHED_DAYS, longest / 2);
        boolean[] out = new boolean[observedDays.length];
        for (int i = 0; i < observedDays.length; i++) {
            out[i] = observedDays[i] >= threshold;
        }
        return out;
    }

    /** {@link #of(double[], int, double)} with {@link #DEFAULT_MAX_LAYERS} and {@link #DEFAULT_PENALTY}. */
    public static DunbarLayers of(double[] contactFrequencies) {
        return of(contactFrequencies, DEFAULT_MAX_LAYERS, DEFAULT_PENALTY);
    }

    /** {@link #of(double[], int, double)} with {@link #DEFAULT_PENALTY}. */
    public static DunbarLayers of(double[] contactFrequencies, int maxLayers) {
        return of(contactFrequencies, maxLayers, DEFAULT_PENALTY);
    }

    /**
     * Layers of one owner's active-tie contact frequencies (interactions per year, DESIGN §5).
     *
     * <p>Degenerate cases: no frequencies give 0 layers and empty arrays; a single frequency, or all frequencies
     * equal, give one layer holding every tie (and no ratios). Otherwise the number of layers is the K in
     * 1..min(maxLayers, number of distinct frequencies) with the largest 2·log L − penalty·(3K − 1)·ln n (penalty 1:
     * the BIC of Ckmeans.1d.dp).
     *
     * @throws IllegalArgumentException if a frequency is negative, NaN or infinite, maxLayers &lt; 1, or the
     *     penalty is not a positive finite number
     */
    public static DunbarLayers of(double[] contactFrequencies, int maxLayers, double penalty) {
        if (maxLayers < 1) {
            throw new IllegalArgumentException(
                    "Cannot assign Dunbar layers: maxLayers must be at least 1, got " + maxLayers);
        }
        for (int i = 0; i < contactFrequencies.length; i++) {
            double f = contactFrequencies[i];
            if (!(f >= 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("Cannot assign Dunbar layers: contact frequency " + f
                        + " at index " + i + " is not a finite non-negative number");
            }
        }
        if (contactFrequencies.length == 0) {
            return new DunbarLayers(0, new int[0], new int[0], new int[0], new double[0], new double[0], new double[0],
                    new double[0]);
        }
        Ckmeans.Selection selection = Ckmeans.selectK(contactFrequencies, 1, maxLayers, penalty);
        Ckmeans.Clustering c = selection.clustering();
        int k = c.k();
        int[] ascendingCluster = c.cluster();
        int[] ascendingSizes = c.sizes();
        double[] ascendingCenters = c.centers();
        int[] layerOf = new int[contactFrequencies.length];
        double[] minFrequency = new double[k];
        Arrays.fill(minFrequency, Double.POSITIVE_INFINITY);
        for (int i = 0; i < layerOf.length; i++) {
            int layer = k - ascendingCluster[i];
            layerOf[i] = layer;
            minFrequency[layer - 1] = Math.min(minFrequency[layer - 1], contactFrequencies[i]);
        }
        int[] sizes = new int[k];
        int[] cumulative = new int[k];
        double[] mean = new double[k];
        for (int layer = 1; layer <= k; layer++) {
            sizes[layer - 1] = ascendingSizes[k - layer];
            mean[layer - 1] = ascendingCenters[k - layer];
            cumulative[layer - 1] = sizes[layer - 1] + (layer > 1 ? cumulative[layer - 2] : 0);
        }
        double[] ratios = new double[k - 1];
        for (int j = 0; j < k - 1; j++) {
            ratios[j] = cumulative[j + 1] / (double) cumulative[j];
        }
        return new DunbarLayers(k, layerOf, sizes, cumulative, ratios, mean, minFrequency, selection.bic());
    }

    @Override
    public int[] layerOf() {
        return layerOf.clone();
    }

    @Override
    public int[] layerSizes() {
        return layerSizes.clone();
    }

    @Override
    public int[] cumulativeSizes() {
        return cumulativeSizes.clone();
    }

    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    @Override
    public double[] meanFrequency() {
        return meanFrequency.clone();
    }

    @Override
    public double[] minFrequency() {
        return minFrequency.clone();
    }

    @Override
    public double[] criterion() {
        return criterion.clone();
    }
}
