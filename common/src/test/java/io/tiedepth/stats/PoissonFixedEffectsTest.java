package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PoissonFixedEffectsTest {

    /** A panel of {@code groups} groups with group effects, log-linear means of slope beta, optional offsets. */
    private static List<PoissonFixedEffects.Group> panel(int groups, int perGroup, double beta, boolean offsets,
                                                         long seed) {
        Well19937c rng = new Well19937c(seed);
        List<PoissonFixedEffects.Group> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double alpha = rng.nextGaussian() - 1;
            double level = 3 * rng.nextDouble();
            double[] x = new double[perGroup];
            double[] y = new double[perGroup];
            double[] o = offsets ? new double[perGroup] : null;
            for (int t = 0; t < perGroup; t++) {
                x[t] = level + 0.3 * t + 0.2 * rng.nextGaussian();
                double off = offsets ? Math.log(1 + rng.nextInt(5)) : 0;
                if (offsets) {
                    o[t] = off;
                }
                double mean = Math.exp(alpha + off + beta * x[t]);
                y[t] = new PoissonDistribution(rng, mean, 1e-12, 10_000).sample();
            }
            out.add(new PoissonFixedEffects.Group(x, y, o));
        }
        return out;
    }

    /**
     * The independent computation: a Poisson GLM with one dummy per group and the regressor, by iteratively
     * reweighted least squares on the full design (Commons Math LU), over the groups with a positive total (a group
     * of zeros has its dummy at −∞ and no bearing on β).
     */
    private static double dummyGlmSlope(List<PoissonFixedEffects.Group> groups) {
        List<PoissonFixedEffects.Group> kept = groups.stream()
                .filter(g -> java.util.Arrays.stream(g.y()).sum() > 0).toList();
        int k = kept.size() + 1;
        int n = kept.stream().mapToInt(g -> g.x().length).sum();
        double[][] design = new double[n][k];
        double[] y = new double[n];
        double[] offset = new double[n];
        int row = 0;
        for (int g = 0; g < kept.size(); g++) {
            PoissonFixedEffects.Group grp = kept.get(g);
            for (int t = 0; t < grp.x().length; t++) {
                design[row][g] = 1;
                design[row][k - 1] = grp.x()[t];
                y[row] = grp.y()[t];
                offset[row] = grp.offset() == null ? 0 : grp.offset()[t];
                row++;
            }
        }
        RealMatrix x = new Array2DRowRealMatrix(design);
        RealVector b = new ArrayRealVector(k);
        for (int g = 0; g < kept.size(); g++) {
            PoissonFixedEffects.Group grp = kept.get(g);
            b.setEntry(g, Math.log(java.util.Arrays.stream(grp.y()).average().orElseThrow() + 0.1));
        }
        for (int iter = 0; iter < 200; iter++) {
            RealVector eta = x.operate(b).add(new ArrayRealVector(offset));
            RealMatrix xtwx = new Array2DRowRealMatrix(k, k);
            RealVector xtwz = new ArrayRealVector(k);
            for (int i = 0; i < n; i++) {
                double mu = Math.exp(eta.getEntry(i));
                double z = eta.getEntry(i) - offset[i] + (y[i] - mu) / mu;
                for (int a = 0; a < k; a++) {
                    if (design[i][a] == 0) {
                        continue;
                    }
                    xtwz.addToEntry(a, design[i][a] * mu * z);
                    for (int c = 0; c < k; c++) {
                        xtwx.addToEntry(a, c, design[i][a] * mu * design[i][c]);
                    }
                }
            }
            RealVector next = new LUDecomposition(xtwx).getSolver().solve(xtwz);
            double change = next.subtract(b).getLInfNorm();
            b = next;
            if (change < 1e-13) {
                break;
            }
        }
        return b.getEntry(k - 1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void equalsThePoissonGlmWithOneDummyPerGroup(boolean offsets) {
        List<PoissonFixedEffects.Group> groups = panel(12, 7, 0.6, offsets, offsets ? 11 : 12);
        groups.add(new PoissonFixedEffects.Group(new double[] {1, 2, 3}, new double[] {0, 0, 0}, offsets
                ? new double[] {0, 0, 0} : null));

        PoissonFixedEffects.Fit fit = PoissonFixedEffects.fit(groups);

        assertThat(fit.slope()).isCloseTo(dummyGlmSlope(groups), within(1e-6));
        assertThat(fit.slope()).isNotCloseTo(0.6, within(1e-3));
        assertThat(fit.informativeGroups()).isEqualTo(12);
    }

    @Test
    void scoreIsZeroAtTheEstimate() {
        List<PoissonFixedEffects.Group> groups = panel(30, 10, -0.4, true, 3);
        PoissonFixedEffects.Fit fit = PoissonFixedEffects.fit(groups);

        assertThat(PoissonFixedEffects.derivatives(groups, fit.slope()).score()).isCloseTo(0, within(1e-8));
        assertThat(PoissonFixedEffects.derivatives(groups, fit.slope() + 0.01).score()).isNegative();
    }

    @Test
    void recoversThePlantedSlopeOnALargePanelWhateverTheGroupLevels() {
        PoissonFixedEffects.Fit fit = PoissonFixedEffects.fit(panel(2000, 8, 0.7, false, 9));

        assertThat(fit.slope()).isCloseTo(0.7, within(0.02));
    }

    @Test
    void isNotEstimableWithoutVariationOrCounts() {
        PoissonFixedEffects.Group flat = new PoissonFixedEffects.Group(new double[] {2, 2}, new double[] {1, 4}, null);
        PoissonFixedEffects.Group zeros = new PoissonFixedEffects.Group(new double[] {1, 2}, new double[] {0, 0}, null);
        PoissonFixedEffects.Group single = new PoissonFixedEffects.Group(new double[] {1}, new double[] {3}, null);

        PoissonFixedEffects.Fit fit = PoissonFixedEffects.fit(List.of(flat, zeros, single));

        assertThat(fit.estimable()).isFalse();
        assertThat(fit.informativeGroups()).isZero();
    }
}
