package io.tiedepth.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.generate.GeneratorParams;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link TailFit} against an independent computation (a grid search of the mixture's log-likelihood written here
 * from the densities' textbook forms) and on sizes drawn the way the generator draws them.
 */
class TailFitTest {
    private static final GeneratorParams.Sizes DEFAULTS = GeneratorParams.DEFAULTS.sizes();

    /** Sizes as {@code OwnerModel.networkSize} draws them: a Pareto tail with probability t, clipped and rounded. */
    private static double[] draw(GeneratorParams.Sizes s, long seed, int owners) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] n = new double[owners];
        for (int i = 0; i < owners; i++) {
            double x = r.nextDouble() < s.tailShare()
                    ? s.tailMin() * Math.pow(1 - r.nextDouble(), -1 / s.tailAlpha())
                    : s.median() * Math.exp(s.sigma() * gaussian(r));
            n[i] = Math.max(s.min(), Math.min(s.cap(), Math.round(x)));
        }
        return n;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static GeneratorParams.Sizes sizes(double median, double sigma, double tail, double alpha) {
        return new GeneratorParams.Sizes(median, sigma, tail, DEFAULTS.tailMin(), alpha, DEFAULTS.min(),
                DEFAULTS.cap(), DEFAULTS.refSize());
    }

    /** The log-likelihood written out directly: log-normal density 1/(xσ√2π)·exp(−(ln x − μ)²/2σ²). */
    private static double logLikelihood(double[] n, GeneratorParams.Sizes s, double t, double a) {
        double mu = Math.log(s.median());
        double sum = 0;
        for (double x : n) {
            double z = (Math.log(x) - mu) / s.sigma();
            double body = Math.exp(-z * z / 2) / (x * s.sigma() * Math.sqrt(2 * Math.PI));
            if (x >= s.cap()) {
                double bodyAbove = 0.5 * org.apache.commons.math3.special.Erf.erfc(
                        (Math.log(s.cap()) - mu) / (s.sigma() * Math.sqrt(2)));
                sum += Math.log((1 - t) * bodyAbove + t * Math.pow(s.tailMin() / x, a));
            } else if (x >= s.tailMin()) {
                sum += Math.log((1 - t) * body + t * a * Math.pow(s.tailMin(), a) / Math.pow(x, a + 1));
            } else {
                sum += Math.log((1 - t) * body);
            }
        }
        return sum;
    }

    @Test
    void agreesWithAGridSearchOfTheLikelihood() {
        GeneratorParams.Sizes truth = sizes(300, 1.0, 0.05, 1.2);
        double[] n = draw(truth, 7, 5000);
        TailFit fit = TailFit.fit(n, truth.median(), truth.sigma(), truth, Double.NaN);
        double bestT = 0;
        double bestA = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (double t = 0.001; t < 0.2; t += 0.0005) {
            for (double a = 0.3; a < 4; a += 0.005) {
                double v = logLikelihood(n, truth, t, a);
                if (v > best) {
                    best = v;
                    bestT = t;
                    bestA = a;
                }
            }
        }
        assertThat(fit.share()).isCloseTo(bestT, within(0.0005));
        assertThat(fit.alpha()).isCloseTo(bestA, within(0.005));
    }

    @Test
    void recoversTheTailOfLargeSamplesWithoutBias() {
        for (GeneratorParams.Sizes truth : new GeneratorParams.Sizes[] {sizes(300, 1.0, 0.02, 1.0),
                sizes(150, 0.8, 0.04, 1.5)}) {
            double[] alphas = new double[10];
            for (int seed = 0; seed < alphas.length; seed++) {
                TailFit fit = TailFit.fit(draw(truth, seed, 20_000), truth.median(), truth.sigma(), truth,
                        Double.NaN);
                assertThat(fit.share()).as("t, seed %d", seed).isCloseTo(truth.tailShare(), within(0.006));
                alphas[seed] = fit.alpha();
            }
            assertThat(Arrays.stream(alphas).average().orElseThrow()).as("mean α over 10 samples of 20,000")
                    .isCloseTo(truth.tailAlpha(), within(0.1 * truth.tailAlpha()));
        }
    }

    @Test
    void keepsAFixedExponentAndFitsTheShareAlone() {
        GeneratorParams.Sizes truth = sizes(300, 1.0, 0.03, 1.0);
        TailFit fit = TailFit.fit(draw(truth, 3, 20_000), 300, 1.0, truth, 1.0);
        assertThat(fit.alpha()).isEqualTo(1.0);
        assertThat(fit.share()).isCloseTo(0.03, within(0.006));
    }

    @Test
    void findsNoTailInAPureLogNormalBody() {
        GeneratorParams.Sizes truth = sizes(300, 1.0, 0, 1.0);
        TailFit fit = TailFit.fit(draw(truth, 5, 300), 300, 1.0, truth, 1.0);
        assertThat(fit.share()).isZero();
    }
}
