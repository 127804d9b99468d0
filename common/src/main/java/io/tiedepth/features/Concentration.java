package io.tiedepth.features;

import java.util.Arrays;

/**
 * How unevenly an owner's interactions are spread over the ties (README "Owner metrics"), from one ascending sort
 * of the ties' interaction counts x (zeros included), n ties:
 * <ul>
 *   <li>{@code interaction_gini} = Σᵢ(2i − n − 1)·x₍ᵢ₎ / (n·Σx);</li>
 *   <li>{@code top20_share}: the share of Σx held by the ⌈0.2·n⌉ ties with the most interactions.</li>
 * </ul>
 * Both are null when Σx = 0 (no tie, or no interaction with any).
 */
public record Concentration(Double gini, Double top20Share) {
    /** The share of ties whose interactions {@code top20_share} sums. */
    public static final double TOP_SHARE = 0.2;

    static final Concentration NONE = new Concentration(null, null);

    /** @param counts the interaction counts of the owner's ties, in any order (not changed) */
    static Concentration of(long[] counts) {
        long[] x = counts.clone();
        Arrays.sort(x);
        long n = x.length;
        long top = n - (long) Math.ceil(n * TOP_SHARE);
        long weighted = 0;
        long sum = 0;
        long topSum = 0;
        for (int i = 1; i <= x.length; i++) {
            weighted += (2L * i - n - 1) * x[i - 1];
            sum += x[i - 1];
            topSum += i > top ? x[i - 1] : 0;
        }
        if (sum <= 0) {
            return NONE;
        }
        return new Concentration((double) weighted / (double) (n * sum), (double) topSum / (double) sum);
    }
}
