package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.panels.PanelRow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PanelCurveTest {

    /** One export's months: ties held and active ties (12 months) as given, from January 2020. */
    static List<PanelRow> panel(String export, long[] held, long[] active) {
        List<PanelRow> out = new ArrayList<>();
        for (int t = 0; t < held.length; t++) {
            out.add(new PanelRow(export, "owner-" + export, "linkedin", YearMonth.of(2020, 1).plusMonths(t), held[t],
                    t == 0 ? held[0] : held[t] - held[t - 1], active[t], 0, null, null, null));
        }
        return out;
    }

    @Test
    void anOwnerGivesOneValuePerDoublingOfTiesHeld() {
        List<PanelCurve.OwnerBin> bins = PanelCurve.ownerBins(panel("e", new long[] {0, 1, 2, 3, 60},
                new long[] {0, 1, 1, 2, 9}), "50-149");
        assertThat(bins).containsExactly(new PanelCurve.OwnerBin("50-149", 0, 1, 1),
                new PanelCurve.OwnerBin("50-149", 1, 2.5, 1.5), new PanelCurve.OwnerBin("50-149", 5, 60, 9));
        assertThat(PanelCurve.ownerBins(panel("none", new long[] {0, 0}, new long[] {0, 0}), "<50")).isEmpty();
    }

    @Test
    void aPointOfFewerThanKMinOwnersIsSuppressedWithoutItsNumbers() {
        List<PanelCurve.OwnerBin> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bins.add(new PanelCurve.OwnerBin("<50", 3, 8 + i % 2, 4 + i));
        }
        for (int i = 0; i < 9; i++) {
            bins.add(new PanelCurve.OwnerBin("150-499", 8, 300, 40));
        }
        List<PanelCurve.Point> points = PanelCurve.points(bins, 10, Set.of());
        assertThat(points).hasSize(2);
        assertThat(points.get(0)).isEqualTo(new PanelCurve.Point("<50", 3, 10, 8.5, 8.5, false));
        PanelCurve.Point hidden = points.get(1);
        assertThat(hidden.suppressed()).isTrue();
        assertThat(hidden.owners()).isEqualTo(9);
        assertThat(hidden.tiesHeld()).isNaN();
        assertThat(hidden.medianActive()).isNaN();
    }

    /** A class the cohort tables hide (as a complement) hides every point, however many owners make it. */
    @Test
    void everyPointOfAHiddenClassIsSuppressed() {
        List<PanelCurve.OwnerBin> bins = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bins.add(new PanelCurve.OwnerBin("1000-4999", 10, 1500, 200));
            bins.add(new PanelCurve.OwnerBin("<50", 3, 9, 4));
        }
        List<PanelCurve.Point> points = PanelCurve.points(bins, 10, Set.of("1000-4999"));
        assertThat(points).extracting(PanelCurve.Point::sizeClass, PanelCurve.Point::suppressed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("<50", false),
                        org.assertj.core.groups.Tuple.tuple("1000-4999", true));
        assertThat(points.get(1).medianActive()).isNaN();
    }
}
