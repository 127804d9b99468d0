package io.tiedepth.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.stats.DunbarLayers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One owner's circles as the features compute them. */
class CirclesTest {

    /** Ties observed for 1,000 days each. */
    private static List<Circles.ActiveTie> owner(double... frequencies) {
        double[] observed = new double[frequencies.length];
        Arrays.fill(observed, 1000);
        return owner(frequencies, observed);
    }

    private static List<Circles.ActiveTie> owner(double[] frequencies, double[] observedDays) {
        List<Circles.ActiveTie> ties = new ArrayList<>();
        for (int i = 0; i < frequencies.length; i++) {
            ties.add(new Circles.ActiveTie("c" + i, frequencies[i], observedDays[i]));
        }
        return ties;
    }

    @Test
    void fewerThanFiveActiveTiesHaveNoCircles() {
        Circles r = Circles.ofActive(owner(100, 50, 10, 2));
        assertThat(r.count()).isZero();
        assertThat(r.sizes()).isNull();
        assertThat(r.ratios()).isNull();
        assertThat(r.layerOf()).isEmpty();
    }

    @Test
    void circlesAreTheDunbarLayersOfTheFrequencies() {
        double[] f = {120, 118, 40, 38, 41, 6, 5, 5.5, 6.2, 1.2, 1.1, 1.5, 1.3};
        Circles r = Circles.ofActive(owner(f));
        DunbarLayers expected = DunbarLayers.of(f);
        assertThat(r.count()).isEqualTo(expected.layerCount());
        assertThat(r.sizes().stream().mapToInt(Integer::intValue).toArray())
                .containsExactly(expected.cumulativeSizes());
        assertThat(r.sizes().get(r.sizes().size() - 1)).isEqualTo(f.length);
        assertThat(r.layerOf()).hasSize(f.length);
        assertThat(r.layerOf().get("c0")).isEqualTo(1);
        assertThat(r.layerOf().get("c12")).isEqualTo(expected.layerCount());
    }

    /**
     * Ties observed for less than a year (here 40 and 200 days: one message in 40 days reads 9 a year) take no circle
     * and no layer; the circles are those of the established ties alone.
     */
    @Test
    void youngTiesTakeNoCircle() {
        double[] f = {120, 118, 40, 38, 41, 6, 5, 5.5, 6.2, 1.2, 1.1, 1.5, 1.3, 9.1, 18, 3.3};
        double[] observed = {900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 40, 200, 364};
        Circles r = Circles.ofActive(owner(f, observed));
        DunbarLayers expected = DunbarLayers.of(Arrays.copyOf(f, 13));
        assertThat(r.sizes().stream().mapToInt(Integer::intValue).toArray())
                .containsExactly(expected.cumulativeSizes());
        assertThat(r.layerOf()).doesNotContainKeys("c13", "c14", "c15").hasSize(13);
    }

    /** In a dataset of a few weeks no tie is a year old: ties observed for half the longest observation count. */
    @Test
    void inAShortDatasetTiesObservedForHalfTheWindowCount() {
        double[] f = {120, 118, 40, 38, 41, 6, 5, 5.5};
        double[] observed = {28, 28, 27, 20, 14, 28, 13, 5};
        Circles r = Circles.ofActive(owner(f, observed));
        assertThat(r.layerOf()).containsOnlyKeys("c0", "c1", "c2", "c3", "c4", "c5");
    }
}
