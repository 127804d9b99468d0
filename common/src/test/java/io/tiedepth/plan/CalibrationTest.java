package io.tiedepth.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.claims.OwnerRow;
import io.tiedepth.generate.GeneratorParams;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calibration check (README "Planning a study"): owner metrics generated from known parameters (the generator's
 * in-memory model, as the claims stage sees them) are calibrated back to those parameters within the stated
 * tolerances, starting from the defaults.
 */
class CalibrationTest {
    private static final int PILOT_OWNERS = 2000;
    private static final String OTHER_WORLD = "{\"sizes\": {\"median\": 150, \"sigma\": 0.8, \"tailShare\": 0.04,"
            + " \"tailAlpha\": 1.5}, \"timeline\": {\"tenureMinYears\": 3, \"tenureMaxYears\": 8},"
            + " \"activity\": {\"activeAtRef\": 40, \"noiseSigma\": 0.3}, \"reciprocity\": {\"baseShare\": 0.3},"
            + " \"invitations\": {\"inboundPerMonth\": 3}, \"bursts\": {\"ownerShare\": 0.2, \"tieShare\": 0.2}}";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", OTHER_WORLD})
    void calibratesGeneratedOwnersBackToTheirParametersWithinTheTolerances(String world) {
        GeneratorParams truth = GeneratorParams.DEFAULTS.with(world);
        List<OwnerRow> pilot = GeneratedOwners.rows(truth, 23, PILOT_OWNERS);
        GeneratorParams got = Calibration.calibrate(pilot, GeneratorParams.DEFAULTS).params();
        assertThat(got.sizes().median()).as("sizes.median").isCloseTo(truth.sizes().median(),
                relative(0.10, truth.sizes().median()));
        assertThat(got.sizes().sigma()).as("sizes.sigma").isCloseTo(truth.sizes().sigma(), within(0.1));
        assertThat(got.sizes().tailShare()).as("sizes.tailShare").isCloseTo(truth.sizes().tailShare(), within(0.015));
        assertThat(got.activity().activeAtRef()).as("activity.activeAtRef")
                .isCloseTo(truth.activity().activeAtRef(), relative(0.10, truth.activity().activeAtRef()));
        assertThat(got.activity().noiseSigma()).as("activity.noiseSigma")
                .isCloseTo(truth.activity().noiseSigma(), within(0.05));
        assertThat(got.reciprocity().baseShare()).as("reciprocity.baseShare")
                .isCloseTo(truth.reciprocity().baseShare(), relative(0.10, truth.reciprocity().baseShare()));
        assertThat(got.invitations().inboundPerMonth()).as("invitations.inboundPerMonth")
                .isCloseTo(truth.invitations().inboundPerMonth(),
                        relative(0.10, truth.invitations().inboundPerMonth()));
        assertThat(got.bursts().ownerShare()).as("bursts.ownerShare")
                .isCloseTo(truth.bursts().ownerShare(), within(0.05));
        assertThat(got.bursts().tieShare()).as("bursts.tieShare").isCloseTo(truth.bursts().tieShare(), within(0.03));
        assertThat(got.sizes().tailAlpha()).as("sizes.tailAlpha").isCloseTo(truth.sizes().tailAlpha(),
                relative(0.5, truth.sizes().tailAlpha()));
        assertThat(got.timeline().tenureMinYears()).as("timeline.tenureMinYears")
                .isCloseTo(truth.timeline().tenureMinYears(), within(0.3));
        assertThat(got.timeline().tenureMaxYears()).as("timeline.tenureMaxYears")
                .isCloseTo(truth.timeline().tenureMaxYears(), within(0.5));
        assertThat(got.effects()).as("effects kept from the base").isEqualTo(GeneratorParams.DEFAULTS.effects());
    }

    @Test
    void keepsTheBaseValuesWhenThePilotIsTooSmall() {
        List<OwnerRow> pilot = GeneratedOwners.rows(GeneratorParams.DEFAULTS.with(OTHER_WORLD), 3, 20);
        Calibration.Result r = Calibration.calibrate(pilot, GeneratorParams.DEFAULTS);
        assertThat(r.estimates()).allMatch(e -> !e.calibrated());
        assertThat(r.params()).isEqualTo(GeneratorParams.DEFAULTS);
    }

    private static Offset<Double> relative(double share, double of) {
        return within(share * of);
    }
}
