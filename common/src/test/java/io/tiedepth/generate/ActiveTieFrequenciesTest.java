package io.tiedepth.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveTieFrequenciesTest {

    /**
     * On every platform (X has no connection dates), the active ties are as many as {@link OwnerTruth} counts, all
     * at least once a year, and every tie of the planted sustained core is among them.
     */
    @Test
    void activeTiesAreTheOnesOwnerTruthCountsAndHoldTheWholeCore() {
        GeneratorParams params = GeneratorParams.DEFAULTS;
        Generator g = new Generator(params, 5, List.of("linkedin", "facebook", "twitter"));
        int platformsSeen = 0;
        for (int i = 0; i < 60; i++) {
            SynthOwner o = g.model().sample(i);
            OwnerTruth t = OwnerTruth.of(o, params.features(), g.model().waveDates(),
                    params.messages().waveSpreadDays());

            ActiveTieFrequencies a = ActiveTieFrequencies.of(o, t);

            assertThat(a.frequency()).as("owner " + i).hasSize(t.nActive());
            assertThat(Arrays.stream(a.frequency()).allMatch(f -> f >= 1.0)).as("owner " + i).isTrue();
            long core = o.contacts().subList(0, o.nTies()).stream().filter(c -> c.layer() > 0).count();
            assertThat(Arrays.stream(a.plantedLayer()).filter(l -> l > 0).count()).as("owner " + i)
                    .isEqualTo(core);
            platformsSeen |= 1 << List.of("linkedin", "facebook", "twitter").indexOf(o.platform());
        }
        assertThat(platformsSeen).isEqualTo(7);
    }
}
