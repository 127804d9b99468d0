package io.tiedepth.jobs.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.stats.DunbarLayers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

/** One owner's circles as the features stage computes them (the Spark wiring is checked end to end). */
class DunbarLayerAssignmentTest {

    /** Ties observed for 1,000 days each. */
    private static Row owner(double... frequencies) {
        double[] observed = new double[frequencies.length];
        Arrays.fill(observed, 1000);
        return owner(frequencies, observed);
    }

    private static Row owner(double[] frequencies, double[] observedDays) {
        List<Row> ties = new ArrayList<>();
        for (int i = 0; i < frequencies.length; i++) {
            ties.add(RowFactory.create("c" + i, frequencies[i], observedDays[i]));
        }
        return RowFactory.create("e", JavaConverters.asScalaBuffer(ties).toList());
    }

    @Test
    void fewerThanFiveActiveTiesHaveNoCircles() {
        Row r = DunbarLayerAssignment.layersOf(owner(100, 50, 10, 2));
        assertThat(r.getInt(1)).isZero();
        assertThat(r.isNullAt(2)).isTrue();
        assertThat(r.isNullAt(3)).isTrue();
        assertThat(r.getList(4)).isEmpty();
    }

    @Test
    void circlesAreTheDunbarLayersOfTheFrequencies() {
        double[] f = {120, 118, 40, 38, 41, 6, 5, 5.5, 6.2, 1.2, 1.1, 1.5, 1.3};
        Row r = DunbarLayerAssignment.layersOf(owner(f));
        DunbarLayers expected = DunbarLayers.of(f);
        assertThat(r.getInt(1)).isEqualTo(expected.layerCount());
        List<Integer> sizes = r.getList(2);
        assertThat(sizes.stream().mapToInt(Integer::intValue).toArray()).containsExactly(expected.cumulativeSizes());
        assertThat(sizes.get(sizes.size() - 1)).isEqualTo(f.length);
        List<Row> assigned = r.getList(4);
        assertThat(assigned).hasSize(f.length);
        assertThat(assigned.get(0).getString(0)).isEqualTo("c0");
        assertThat(assigned.get(0).getInt(1)).isEqualTo(1);
        assertThat(assigned.get(12).getInt(1)).isEqualTo(expected.layerCount());
    }

    /**
     * Ties observed for less than a year (here 40 and 200 days: one message in 40 days reads 9 a year) take no circle
     * and no layer; the circles are those of the established ties alone.
     */
    @Test
    void youngTiesTakeNoCircle() {
        double[] f = {120, 118, 40, 38, 41, 6, 5, 5.5, 6.2, 1.2, 1.1, 1.5, 1.3, 9.1, 18, 3.3};
        double[] observed = {900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 40, 200, 364};
        Row r = DunbarLayerAssignment.layersOf(owner(f, observed));
        DunbarLayers expected = DunbarLayers.of(Arrays.copyOf(f, 13));
        List<Integer> sizes = r.getList(2);
        assertThat(sizes.stream().mapToInt(Integer::intValue).toArray()).containsExactly(expected.cumulativeSizes());
        List<Row> assigned = r.getList(4);
        assertThat(assigned).extracting(a -> a.getString(0)).doesNotContain("c13", "c14", "c15").hasSize(13);
    }

    /** In a dataset of a few weeks no tie is a year old: ties observed for half the longest observation count. */
    @Test
    void inAShortDatasetTiesObservedForHalfTheWindowCount() {
        double[] f = {120, 118, 40, 38, 41, 6, 5, 5.5};
        double[] observed = {28, 28, 27, 20, 14, 28, 13, 5};
        Row r = DunbarLayerAssignment.layersOf(owner(f, observed));
        List<Row> assigned = r.getList(4);
        assertThat(assigned).extracting(a -> a.getString(0)).containsExactly("c0", "c1", "c2", "c3", "c4", "c5");
    }
}
