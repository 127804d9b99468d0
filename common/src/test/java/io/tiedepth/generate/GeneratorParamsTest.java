package io.tiedepth.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class GeneratorParamsTest {

    @Test
    void defaultsAreValidAndRoundTripThroughJson() {
        GeneratorParams.DEFAULTS.validate();
        assertThat(GeneratorParams.fromJson(GeneratorParams.DEFAULTS.toJson())).isEqualTo(GeneratorParams.DEFAULTS);
        assertThat(GeneratorParams.fromJson("{}")).isEqualTo(GeneratorParams.DEFAULTS);
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        GeneratorParams p = GeneratorParams.fromJson(
                "{\"effects\": {\"c3BurstPenalty\": {\"enabled\": false}}, \"sizes\": {\"cap\": 2000}}");
        assertThat(p.effects().c3BurstPenalty().enabled()).isFalse();
        assertThat(p.effects().c3BurstPenalty().value()).isEqualTo(0.5);
        assertThat(p.burstRiskRatio()).isEqualTo(1.0);
        assertThat(p.sizes().cap()).isEqualTo(2000);
        assertThat(p.sizes().median()).isEqualTo(GeneratorParams.DEFAULTS.sizes().median());
        assertThat(p.effects().c9NoteEffect()).isEqualTo(GeneratorParams.DEFAULTS.effects().c9NoteEffect());
    }

    @Test
    void switchedOffEffectsHaveTheirNullValues() {
        GeneratorParams p = GeneratorParams.fromJson("{\"effects\": {"
                + "\"c1DiminishingReturns\": {\"enabled\": false}, \"c2Ceiling\": {\"enabled\": false},"
                + "\"c4InboundGrowth\": {\"enabled\": false}, \"c5EffortReciprocity\": {\"enabled\": false},"
                + "\"c6MegaHelpful\": {\"enabled\": false}, \"c7ReciprocityDecline\": {\"enabled\": false},"
                + "\"c8ReactivationWaves\": {\"enabled\": false}, \"c9NoteEffect\": {\"enabled\": false}}}");
        assertThat(p.activeElasticity()).isEqualTo(1.0);
        assertThat(p.ceiling()).isInfinite();
        assertThat(p.inboundElasticity()).isZero();
        assertThat(p.effortStrength()).isZero();
        assertThat(p.megaSpamShare()).isEqualTo(1.0);
        assertThat(p.reciprocityDecline()).isZero();
        assertThat(p.waves()).isFalse();
        assertThat(p.noteRiskRatio()).isEqualTo(1.0);
    }

    @Test
    void mapParametersAreReplacedWhole() {
        GeneratorParams p = GeneratorParams.fromJson("{\"format\": {\"eras\": {\"2018\": 1.0}}}");
        assertThat(p.format().eras()).containsOnlyKeys("2018");
        GeneratorParams q = GeneratorParams.fromJson("{\"format\": {\"facebookEras\": {\"2019\": 1.0},"
                + " \"twitterEras\": {\"2020\": 2.0}}}");
        assertThat(q.format().eras("facebook")).containsOnlyKeys("2019");
        assertThat(q.format().eras("twitter")).containsExactly(entry("2020", 2.0));
        assertThat(q.format().eras("linkedin")).isEqualTo(GeneratorParams.DEFAULTS.format().eras());
    }

    @Test
    void rejectsUnknownParameterByItsPath() {
        assertThatThrownBy(() -> GeneratorParams.fromJson("{\"effects\": {\"c3Burst\": {\"enabled\": false}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'effects.c3Burst'");
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertThatThrownBy(() -> GeneratorParams.fromJson("{\"bursts\": {\"minSize\": 5}, \"sizes\": {\"cap\": 40000}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sizes.cap must be ≤ 30000 (LinkedIn's cap); "
                        + "bursts.minSize must be ≥ features.burstK and ≤ bursts.maxSize");
        assertThatThrownBy(() -> GeneratorParams.fromJson("{\"activity\": {\"maxActiveShare\": 0}}"))
                .hasMessageContaining("activity.maxActiveShare must be in (0, 1]");
        assertThatThrownBy(() -> GeneratorParams.fromJson("{\"format\": {\"eras\": {\"1999\": 1.0}}}"))
                .hasMessageContaining("format.eras keys must be among [2023, 2022, 2021, 2018]");
        assertThatThrownBy(() -> GeneratorParams.fromJson("{\"format\": {\"twitterEras\": {\"2024\": 1.0}}}"))
                .hasMessageContaining("format.twitterEras keys must be among [2022, 2020, 2019]");
        assertThatThrownBy(() -> GeneratorParams.fromJson("{\"format\": {\"facebookEras\": {\"2024\": 0}}}"))
                .hasMessageContaining("format.facebookEras must have a positive share");
        assertThatThrownBy(() -> GeneratorParams.fromJson("[1]")).hasMessage("expected a JSON object");
    }
}
