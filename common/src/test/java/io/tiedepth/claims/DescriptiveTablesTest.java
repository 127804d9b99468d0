package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohorts, curves and the layers table on owners whose summaries are worked out by hand. */
class DescriptiveTablesTest {
    static final ClaimParams P = ClaimParams.DEFAULTS.withResamples(200);

    private static OwnerRow owner(int i, long ties, double active) {
        return OwnerRow.builder("e" + i, "o" + i).set(OwnerMetric.N_TIES, (double) ties)
                .set(OwnerMetric.N_ACTIVE, active).build();
    }

    @Test
    void cohortsBySizeClassAndLog2BinWithQuartilesAndMeanInterval() {
        List<OwnerRow> rows = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            rows.add(owner(i, 4 + (i % 4), i));  // n_ties 4..7: one log2 bin, size class <50
        }
        rows.add(owner(100, 2000, 150));
        List<Cohorts.Cell> cells = Cohorts.compute(ClaimInputs.of(rows), P);
        Cohorts.Cell small = cells.stream().filter(c -> c.grouping().equals("size_class") && c.cohort().equals("<50")
                && c.metric().equals("n_active")).findFirst().orElseThrow();
        // n_active 1..11: median 6, quartiles 3.5 and 8.5 (type 7), mean 6
        assertThat(small.owners()).isEqualTo(11);
        assertThat(small.median()).isEqualTo(6.0);
        assertThat(small.q1()).isEqualTo(3.5);
        assertThat(small.q3()).isEqualTo(8.5);
        assertThat(small.mean()).isEqualTo(6.0);
        assertThat(small.meanCiLow()).isBetween(3.0, 6.0);
        assertThat(small.meanCiHigh()).isBetween(6.0, 9.0);
        assertThat(small.ciMethod()).isEqualTo("bootstrap");
        Cohorts.Cell bin = cells.stream().filter(c -> c.grouping().equals("log2_n_ties") && c.cohort().equals("4-7")
                && c.metric().equals("n_ties")).findFirst().orElseThrow();
        assertThat(bin.binLower()).isEqualTo(4.0);
        assertThat(bin.binUpper()).isEqualTo(7.0);
        assertThat(bin.owners()).isEqualTo(11);
        assertThat(cells.stream().filter(c -> c.grouping().equals("log2_n_ties")).map(Cohorts.Cell::cohort).distinct())
                .containsExactly("4-7", "1024-2047");
        assertThat(cells.stream().filter(c -> c.grouping().equals("all") && c.metric().equals("n_ties")).findFirst()
                .orElseThrow().owners()).isEqualTo(12);
    }

    @Test
    void largeCohortsUseTheNormalIntervalOfTheMean() {
        List<OwnerRow> rows = new ArrayList<>();
        for (int i = 0; i < Cohorts.BOOTSTRAP_MAX_OWNERS + 1; i++) {
            rows.add(owner(i, 10, i % 2));
        }
        Cohorts.Cell c = Cohorts.compute(ClaimInputs.of(rows), P).stream()
                .filter(x -> x.grouping().equals("all") && x.metric().equals("n_active")).findFirst().orElseThrow();
        assertThat(c.ciMethod()).isEqualTo("normal");
        double se = Math.sqrt(0.25 * 2001 / 2000.0 / 2001);
        assertThat(c.meanCiHigh() - c.mean()).isCloseTo(1.959964 * se, within(1e-5));
    }

    @Test
    void curvePeakNeedsKMinOwners() {
        List<OwnerRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(OwnerRow.builder("a" + i, "a" + i).set(OwnerMetric.N_TIES, 20.0)
                    .set(OwnerMetric.INTERACTIONS_PER_TIE, 5.0).build());
            rows.add(OwnerRow.builder("b" + i, "b" + i).set(OwnerMetric.N_TIES, 200.0)
                    .set(OwnerMetric.INTERACTIONS_PER_TIE, 2.0).build());
        }
        rows.add(OwnerRow.builder("c", "c").set(OwnerMetric.N_TIES, 3000.0)
                .set(OwnerMetric.INTERACTIONS_PER_TIE, 50.0).build());
        List<Curves.Point> points = Curves.compute(ClaimInputs.of(rows), P).stream()
                .filter(p -> p.metric().equals("interactions_per_tie")).toList();
        assertThat(points).extracting(Curves.Point::binIndex).containsExactly(4, 7, 11);
        assertThat(points).extracting(Curves.Point::peak).containsExactly(true, false, false);
        assertThat(points.get(0).owners()).isEqualTo(10);
        assertThat(points.get(0).mean()).isEqualTo(5.0);
    }

    @Test
    void layersTableAlignsReferenceOnTheOutermostCircle() {
        List<OwnerRow> rows = new ArrayList<>();
        rows.add(OwnerRow.builder("a", "a").layers(new int[] {5, 15, 45, 150}, new double[] {3, 3, 150 / 45.0})
                .build());
        rows.add(OwnerRow.builder("b", "b").layers(new int[] {3, 11, 35, 130}, new double[] {11 / 3.0, 35 / 11.0,
            130 / 35.0}).build());
        rows.add(OwnerRow.builder("c", "c").layers(new int[] {2, 9}, new double[] {4.5}).build());
        List<LayerTable.Row> table = LayerTable.compute(ClaimInputs.of(rows));
        LayerTable.Row k4second = table.stream().filter(r -> r.group().equals("k=4") && r.layer() == 2).findFirst()
                .orElseThrow();
        assertThat(k4second.owners()).isEqualTo(2);
        assertThat(k4second.medianSize()).isEqualTo(13.0);
        assertThat(k4second.medianRatio()).isCloseTo((3 + 11 / 3.0) / 2, within(1e-12));
        assertThat(k4second.referenceSize()).isEqualTo(15.0);
        assertThat(k4second.referenceRatio()).isEqualTo(3.0);
        LayerTable.Row k2first = table.stream().filter(r -> r.group().equals("k=2") && r.layer() == 1).findFirst()
                .orElseThrow();
        assertThat(k2first.referenceSize()).isEqualTo(50.0);
        assertThat(k2first.referenceRatio()).isNaN();
        LayerTable.Row allSecond = table.stream().filter(r -> r.group().equals("all") && r.layer() == 2).findFirst()
                .orElseThrow();
        assertThat(allSecond.owners()).isEqualTo(3);
        assertThat(allSecond.medianSize()).isEqualTo(11.0);
        assertThat(allSecond.referenceSize()).isNaN();
        assertThat(table.stream().filter(r -> r.group().equals("k=5")).map(LayerTable.Row::owners)).containsOnly(0L);
    }
}
