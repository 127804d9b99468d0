package io.tiedepth.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.panels.PanelRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynthPanelsTest {
    private static final GeneratorParams PLANTED = GeneratorParams.DEFAULTS.with("{\"effects\": "
            + "{\"c11WithinOwnerReturns\": {\"enabled\": true}, \"c12AcceptingGrowth\": {\"enabled\": true}}}");

    @Test
    void theMeasuredPanelEndsWithTheOwnersTiesAndActiveTiesNeverExceedTiesHeld() {
        Generator g = new Generator(GeneratorParams.DEFAULTS, 3, List.of("linkedin"));
        for (int i = 0; i < 20; i++) {
            SynthOwner o = g.model().sampleWithoutPeople(i);
            OwnerTruth t = g.measure(o).truth();
            List<PanelRow> panel = SynthPanels.panel(o, t, g.params(), g.seed());

            assertThat(panel.get(panel.size() - 1).tiesHeld()).isEqualTo(t.nTies());
            assertThat(panel.stream().mapToLong(PanelRow::tiesGained).sum()).isEqualTo(t.nTies());
            assertThat(panel).allSatisfy(r -> assertThat(r.active12m()).isBetween(0L, r.tiesHeld()));
            assertThat(panel.stream().mapToLong(PanelRow::active12m).max().orElseThrow()).isPositive();
        }
    }

    @Test
    void plantingChangesThePanelOnlyAndLeavesTheOwnerAsWritten() {
        Generator off = new Generator(GeneratorParams.DEFAULTS, 4, List.of("linkedin"));
        Generator on = new Generator(PLANTED, 4, List.of("linkedin"));
        long changedActive = 0;
        for (int i = 0; i < 20; i++) {
            SynthOwner a = off.model().sampleWithoutPeople(i);
            SynthOwner b = on.model().sampleWithoutPeople(i);
            OwnerTruth ta = off.measure(a).truth();
            assertThat(on.measure(b).truth()).isEqualTo(ta);
            List<PanelRow> measured = SynthPanels.panel(a, ta, off.params(), off.seed());
            List<PanelRow> planted = SynthPanels.panel(b, ta, on.params(), on.seed());

            assertThat(planted).extracting(PanelRow::month, PanelRow::tiesHeld, PanelRow::tiesGained,
                    PanelRow::reciprocal12m).isEqualTo(measured.stream().map(r -> org.assertj.core.groups.Tuple
                    .tuple(r.month(), r.tiesHeld(), r.tiesGained(), r.reciprocal12m())).toList());
            assertThat(planted).allSatisfy(r -> assertThat(r.gainedDirectionKnown()).isEqualTo(r.tiesGained()));
            for (int m = 0; m < planted.size(); m++) {
                changedActive += planted.get(m).active12m() != measured.get(m).active12m() ? 1 : 0;
            }
        }
        assertThat(changedActive).isPositive();
    }

    @Test
    void anXArchiveHasNoPanelBecauseItsTiesAreUndated() {
        Generator g = new Generator(PLANTED, 5, List.of("twitter"));
        SynthOwner o = g.model().sampleWithoutPeople(0);

        assertThat(SynthPanels.panel(o, g.measure(o).truth(), g.params(), g.seed())).isEmpty();
    }
}
