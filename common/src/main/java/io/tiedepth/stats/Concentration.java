package io.tiedepth.stats;

import java.util.Arrays;

/** How unequally an owner's interactions are spread over ties (DESIGN §6, interaction concentration). */
public final class Concentration {

    private Concentration() {
    }

    /**
     * Gini coefficient of non-negative values, zeros included (Gini 1912; this sample form e.g. Damgaard &amp; Weiner
     * 2000, Ecology 81:1139, without the n/(n−1) small-sample correction).
     *
     * <p>Definition: with the values sorted ascending x₍₁₎ ≤ … ≤ x₍ₙ₎,
     * <pre>  G = Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n·Σᵢ xᵢ)</pre>
     * equal to the mean absolute difference over all ordered pairs divided by twice the mean. G = 0 when all values are
     * equal and (n − 1)/n when one value holds everything.
     *
     * @return G, or NaN when there are no values or their sum is 0
     * @throws IllegalArgumentException if a value is negative, NaN or infinite
     */
    public static double gini(double[] x) {
        double[] sorted = checkedSortedCopy(x, "Gini coefficient");
        int n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        if (n == 0 || total == 0) {
            return Double.NaN;
        }
        return weighted / (n * total);
    }

    /**
     * Share of the total held by the largest ⌈fraction·n⌉ values (DESIGN §6 uses fraction = 0.2: the share of
     * interactions held by the top 20 % of ties). ⌈·⌉ tolerates floating-point noise (0.1·30 counts as 3, not 4) and
     * takes at least one value.
     *
     * @return a share in [0, 1], or NaN when there are no values or their sum is 0
     * @throws IllegalArgumentException if fraction is not in (0, 1] or a value is negative, NaN or infinite
     */
    public static double topShare(double[] x, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(
                    "Cannot compute top share: fraction must be in (0, 1], got " + fraction);
        }
        double[] sorted = checkedSortedCopy(x, "top share");
        int n = sorted.length;
        double total = 0;
        for (double v : sorted) {
            total += v;
        }
        if (n == 0 || total == 0) {
            return Double.NaN;
        }
        int top = Math.max(1, Math.min(n, (int) Math.ceil(fraction * n - 1e-9)));
        double held = 0;
        for (int i = n - top; i < n; i++) {
            held += sorted[i];
        }
        return held / total;
    }

    private static double[] checkedSortedCopy(double[] x, String what) {
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0) || Double.isInfinite(x[i])) {
                throw new IllegalArgumentException("Cannot compute " + what + ": value " + x[i] + " at index " + i
                        + " is not a finite non-negative number");
            }
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
