package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's claims table: the Holm-adjusted interval with its level beside the 95 % one. */
class SummaryTest {

    private static ClaimResult claim(String id, double lowAdjusted, double highAdjusted, double level) {
        return new ClaimResult(id, "000", "A claim", "statistic", 0.88, 0.78, 0.98, lowAdjusted, highAdjusted, level,
                0.001, 0.009, 1, 400, 9000, Verdict.SUPPORTED, "", "claims-2", Map.of(), null);
    }

    @Test
    void eachClaimShowsItsAdjustedIntervalAndLevel() {
        String table = Summary.claims(List.of(claim("C1", 0.75, 1.01, 0.99444), claim("C8", Double.NaN, Double.NaN,
                Double.NaN)));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(1)).contains("Holm-adjusted CI at its level").contains("not effects");
        assertThat(lines.get(2)).startsWith("  C1   0.88      [0.78, 0.98]         [0.75, 1.01] 99.4 %")
                .contains("supported");
        assertThat(lines.get(3)).startsWith("  C8   0.88      [0.78, 0.98]         " + " ".repeat(28) + " supported");
    }
}
