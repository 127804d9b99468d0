package io.tiedepth.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's random numbers: a {@link SplittableRandom} seeded from (seed, owner index, stream) by SplitMix64
 * mixing, so any owner is generated identically in any task and in any order, and each aspect of an owner (its
 * network, its messages, its names) draws from its own stream. Not thread-safe; one per owner and stream.
 */
public final class Rand {
    private final SplittableRandom r;

    private Rand(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** The stream {@code stream} of owner {@code index} under the run's {@code seed}. */
    public static Rand of(long seed, long index, long stream) {
        return new Rand(mix(seed, index, stream));
    }

    /** A 64-bit hash of the three numbers (SplitMix64 finaliser applied in turn). */
    public static long mix(long a, long b, long c) {
        long h = mix64(a + 0x9E3779B97F4A7C15L);
        h = mix64(h ^ (b * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E5L));
        return mix64(h ^ (c * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public double uniform() {
        return r.nextDouble();
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Uniform in [0, n). */
    public int below(int n) {
        return r.nextInt(n);
    }

    /** Uniform in [lo, hi], both inclusive. */
    public int between(int lo, int hi) {
        return hi <= lo ? lo : lo + r.nextInt(hi - lo + 1);
    }

    public long belowLong(long n) {
        return n <= 1 ? 0 : r.nextLong(n);
    }

    public boolean chance(double p) {
        return p >= 1 || p > 0 && r.nextDouble() < p;
    }

    /** {@code x} (≥ 0) rounded down or up at random, up with probability its fractional part: E = x exactly. */
    public int roundAtRandom(double x) {
        double floor = Math.floor(x);
        return (int) floor + (chance(x - floor) ? 1 : 0);
    }

    public double normal() {
        return r.nextGaussian();
    }

    /** exp(N(log median, σ)). */
    public double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    public double exponential(double mean) {
        return mean * r.nextExponential();
    }

    /** Poisson: inversion below λ = 30, a rounded normal above. */
    public int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        double p = r.nextDouble();
        int k = 0;
        double term = l;
        double cdf = l;
        while (p > cdf && k < 1000) {
            k++;
            term *= lambda / k;
            cdf += term;
        }
        return k;
    }

    public <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** In-place Fisher–Yates shuffle of {@code a}. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** 64 random bits. */
    public long bits() {
        return r.nextLong();
    }
}
