package io.tiedepth.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.generate.GeneratorParams;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The number of circles on the generator's model (4 layers planted in the sustained core) and on spreads without
 * layers, the chosen rule (BIC with a doubled penalty) against the old one (plain BIC). The full comparison, with
 * Mean Shift and the explained-variance rule, is {@code CirclesStudyTest} ({@code scripts/circles-study.sh}).
 * Measured there on 448 owners: 4 circles in 49 % (plain BIC 27 %), false circles on uniform spreads of 150 in 21 %
 * (88 %). The target, 4 circles in ≥ 90 % of owners with ≥ 140 active ties, is not met by any rule
 * compared (README "Dunbar circles" says why), so this test asserts the measured improvement, not the target.
 */
class DunbarCirclesRecoveryTest {

    @Test
    void theDoubledPenaltyRecoversFourPlantedCirclesMoreOftenThanTheBic() {
        List<CircleCountRules.Owner> owners = CircleCountRules.generated(GeneratorParams.DEFAULTS, 7, 400);

        double chosen = CircleCountRules.shareWith(CircleCountRules.Rule.BIC_2, owners, 4);
        double bic = CircleCountRules.shareWith(CircleCountRules.Rule.BIC, owners, 4);

        assertThat(owners).as("owners with ≥ 140 active ties").hasSizeGreaterThan(50);
        assertThat(chosen).as("4 circles, doubled penalty (BIC: " + bic + ")").isGreaterThanOrEqualTo(0.35);
        assertThat(chosen).as("doubled penalty against the BIC").isGreaterThanOrEqualTo(1.4 * bic);
    }

    @Test
    void theDoubledPenaltyInventsFewerCirclesInUniformSpreads() {
        List<double[]> spreads = CircleCountRules.uniform(150, 100, 1500);

        double chosen = CircleCountRules.falseCircleRate(CircleCountRules.Rule.BIC_2, spreads);
        double bic = CircleCountRules.falseCircleRate(CircleCountRules.Rule.BIC, spreads);

        assertThat(chosen).as("false circles, doubled penalty (BIC: " + bic + ")").isLessThanOrEqualTo(0.35);
        assertThat(bic).as("false circles, BIC").isGreaterThanOrEqualTo(0.7);
    }
}
