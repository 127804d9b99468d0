package io.tiedepth.jobs.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line of {@code plan}'s simulation: populations evaluated of the total and the time left. */
class PlanProgressTest {

    @Test
    void saysThePopulationsEvaluatedAndTheTimeLeftAtTheRateSoFar() {
        assertThat(PlanProgress.line(120, 400, Duration.ofSeconds(60)))
                .isEqualTo("plan: 120 of 400 populations evaluated, about 2 min left");
        assertThat(PlanProgress.line(300, 400, Duration.ofSeconds(60)))
                .isEqualTo("plan: 300 of 400 populations evaluated, about 20 s left");
        assertThat(PlanProgress.line(0, 1_200, Duration.ofSeconds(5)))
                .isEqualTo("plan: 0 of 1,200 populations evaluated");
    }
}
