package io.tiedepth.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.panels.PanelRow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SynthPanelsTest {
    private static final String C11 = "\"c11WithinOwnerReturns\": {\"enabled\": true}";
    private static final String C12 = "\"c12AcceptingGrowth\": {\"enabled\": true}";
    private static final GeneratorParams PLANTED = effects(C11 + ", " + C12);

    private static GeneratorParams effects(String json) {
        return GeneratorParams.DEFAULTS.with("{\"effects\": {" + json + "}}");
    }

    @Test
    void theMeasuredPanelEndsWithTheOwnersTiesAndActiveTiesNeverExceedTiesHeld() {
        Generator g = new Generator(GeneratorParams.DEFAULTS, 3, List.of("linkedin"));
        for (int i = 0; i < 20; i++) {
            SynthOwner o = g.model().sampleWithoutPeople(i);
            OwnerTruth t = g.measure(o).truth();
            List<PanelRow> panel = SynthPanels.panel(o, t);

            assertThat(panel.get(panel.size() - 1).tiesHeld()).isEqualTo(t.nTies());
            assertThat(panel.stream().mapToLong(PanelRow::tiesGained).sum()).isEqualTo(t.nTies());
            assertThat(panel).allSatisfy(r -> assertThat(r.active12m()).isBetween(0L, r.tiesHeld()));
            assertThat(panel.stream().mapToLong(PanelRow::active12m).max().orElseThrow()).isPositive();
        }
    }

    /**
     * With C11 and C12 planted in the events, the panel measured on them ({@link SynthPanels#panel}, through
     * OwnerPanels) equals, month by month, the panel the model determines ({@link SynthPanels#truth}, counted from
     * the connection dates, the planted activations and the listed invitations).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linkedin", "facebook"})
    void theMeasuredPanelIsThePanelTheModelPlanted(String platform) {
        Generator g = new Generator(PLANTED, 6, List.of(platform));
        long activeMonths = 0;
        for (int i = 0; i < 30; i++) {
            SynthOwner o = g.model().sampleWithoutPeople(i);
            List<PanelRow> measured = SynthPanels.panel(o, g.measure(o).truth());
            List<SynthPanels.TruthMonth> truth = SynthPanels.truth(o, g.params());

            assertThat(o.activity().planted()).isTrue();
            assertThat(measured).hasSameSizeAs(truth).isNotEmpty();
            boolean linkedin = platform.equals("linkedin");
            for (int m = 0; m < truth.size(); m++) {
                PanelRow r = measured.get(m);
                SynthPanels.TruthMonth t = truth.get(m);
                assertThat(List.of(r.month(), r.tiesHeld(), r.tiesGained(), r.active12m())).as(o.index() + " " + m)
                        .isEqualTo(List.of(t.month(), t.tiesHeld(), t.tiesGained(), t.active12m()));
                if (linkedin) {
                    assertThat(r.gainedDirectionKnown()).isEqualTo(r.tiesGained()).isEqualTo(t.gainedDirectionKnown());
                    assertThat(r.gainedInbound()).isEqualTo(t.gainedInbound());
                } else {
                    assertThat(t.gainedDirectionKnown()).isNull();
                }
                activeMonths += t.active12m() > 0 ? 1 : 0;
            }
        }
        assertThat(activeMonths).isPositive();
    }

    @Test
    void withoutThePlantedEffectsTheModelDeterminesOnlyTiesHeld() {
        Generator g = new Generator(GeneratorParams.DEFAULTS, 7, List.of("linkedin"));
        for (int i = 0; i < 10; i++) {
            SynthOwner o = g.model().sampleWithoutPeople(i);
            List<PanelRow> measured = SynthPanels.panel(o, g.measure(o).truth());
            List<SynthPanels.TruthMonth> truth = SynthPanels.truth(o, g.params());

            assertThat(o.activity()).isEqualTo(SynthOwner.Activity.NONE);
            assertThat(truth).extracting(SynthPanels.TruthMonth::tiesHeld)
                    .isEqualTo(measured.stream().map(PanelRow::tiesHeld).toList());
            assertThat(truth).allSatisfy(t -> assertThat(t.active12m()).isNull())
                    .allSatisfy(t -> assertThat(t.gainedInbound()).isNull());
        }
    }

    /**
     * Each effect draws from its own stream: C12 changes only the invitations (messages, ties and the plan stay),
     * C11 only the messages, endorsements and woken roles (no waves: ties, invitations and the plan stay).
     */
    @Test
    void eachPlantedEffectChangesOnlyWhatItPlants() {
        Generator off = new Generator(GeneratorParams.DEFAULTS, 8, List.of("linkedin"));
        Generator c11 = new Generator(effects(C11), 8, List.of("linkedin"));
        Generator c12 = new Generator(effects(C12), 8, List.of("linkedin"));
        long changedInvitations = 0;
        long changedMessages = 0;
        for (int i = 0; i < 20; i++) {
            SynthOwner a = off.model().sampleWithoutPeople(i);
            SynthOwner b = c11.model().sampleWithoutPeople(i);
            SynthOwner c = c12.model().sampleWithoutPeople(i);

            assertThat(b.contacts()).extracting(SynthOwner.Contact::connectedAt, SynthOwner.Contact::burst)
                    .isEqualTo(a.contacts().stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.connectedAt(),
                            x.burst())).toList());
            assertThat(c.contacts()).isEqualTo(a.contacts());
            assertThat(b.invitations()).isEqualTo(a.invitations());
            assertThat(b.plan()).usingRecursiveComparison().ignoringFields("wakeEvents").isEqualTo(a.plan());
            assertThat(b.plan().wakeEvents()).isZero();
            assertThat(c.plan()).isEqualTo(a.plan());
            assertThat(c.messages()).isEqualTo(a.messages());
            assertThat(c.endorsements()).isEqualTo(a.endorsements());
            assertThat(c.invitations().size()).isGreaterThanOrEqualTo(a.invitations().size());
            changedInvitations += c.invitations().equals(a.invitations()) ? 0 : 1;
            changedMessages += b.messages().equals(a.messages()) ? 0 : 1;
        }
        assertThat(changedInvitations).isPositive();
        assertThat(changedMessages).isPositive();
    }

    @Test
    void anXArchiveHasNoPanelBecauseItsTiesAreUndated() {
        Generator g = new Generator(PLANTED, 5, List.of("twitter"));
        SynthOwner o = g.model().sampleWithoutPeople(0);

        assertThat(SynthPanels.panel(o, g.measure(o).truth())).isEmpty();
        assertThat(SynthPanels.truth(o, g.params())).isEmpty();
        assertThat(o.activity().planted()).isFalse();
    }
}
