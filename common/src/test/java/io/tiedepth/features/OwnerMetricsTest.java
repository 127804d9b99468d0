package io.tiedepth.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Owner metrics of the {@link FeatureFixture} owner, each worked out by hand in the comments. */
class OwnerMetricsTest {
    private static final OwnerMetrics METRICS = new FeatureFixture().features().ownerMetrics();

    @Test
    void countsAndSharesOverTies() {
        OwnerMetrics m = METRICS;
        assertThat(m.counts().ties()).isEqualTo(15L);
        assertThat(m.counts().contacts()).isEqualTo(16L);
        assertThat(m.counts().active()).isEqualTo(4L);          // A, B, E, F
        assertThat(m.counts().reciprocal()).isEqualTo(1L);      // A (sustained counts as reciprocal)
        assertThat(m.counts().sustained()).isEqualTo(1L);
        assertThat(m.counts().oneWay()).isEqualTo(3L);          // B, E, F
        assertThat(m.activeShare()).isCloseTo(4 / 15.0, within(1e-12));
        assertThat(m.reciprocalShare()).isCloseTo(1 / 15.0, within(1e-12));
        assertThat(m.interactionsPerTie()).isCloseTo(8 / 15.0, within(1e-12));
        assertThat(m.sizeClass()).isEqualTo("<50");
        assertThat(m.counts().reactivations()).isEqualTo(2L);   // E and F; X is not a tie
    }

    @Test
    void concentrationOfInteractionsOverTies() {
        // counts sorted ascending: eleven 0s, 1, 1, 2, 4 (n = 15, sum = 8)
        // Σ(2i − n − 1)x = 8·1 + 10·1 + 12·2 + 14·4 = 98;  G = 98 / (15·8)
        OwnerMetrics m = METRICS;
        assertThat(m.concentration().gini()).isCloseTo(98 / 120.0, within(1e-12));
        // top ⌈0.2·15⌉ = 3 ties hold 4 + 2 + 1 = 7 of 8
        assertThat(m.concentration().top20Share()).isCloseTo(7 / 8.0, within(1e-12));
    }

    @Test
    void burstInitiationAndInboundRequests() {
        OwnerMetrics m = METRICS;
        assertThat(m.burstShare()).isCloseTo(10 / 15.0, within(1e-12));
        // first messages: A out, B out, E in, F in, X in
        assertThat(m.outboundInitiationShare()).isCloseTo(2 / 5.0, within(1e-12));
        // requests in the last 182.625 days (from 2023-07-02 09:00): the 2 incoming invitations of December; E and F
        // opened conversations but are ties, X is not a tie but opened its conversation in May, before the window
        assertThat(m.inbound().count()).isEqualTo(2L);
        assertThat(m.observationDays()).isCloseTo(365.0, within(1e-9));
        assertThat(m.inboundRequestsPerMonth()).isCloseTo(2 / (182.625 / 30.4375), within(1e-12));
    }

    @Test
    void sizeClassBoundaries() {
        List<String> classes = List.of(49L, 50L, 149L, 150L, 999L, 1000L, 4999L, 5000L).stream()
                .map(n -> withTies(n).sizeClass()).toList();
        assertThat(classes)
                .containsExactly("<50", "50-149", "50-149", "150-499", "500-999", "1000-4999", "1000-4999", "5000+");
    }

    private static OwnerMetrics withTies(long n) {
        TieCounts c = new TieCounts(n, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new OwnerMetrics(METRICS.export(), c, Concentration.NONE, METRICS.inbound(), Circles.NONE);
    }
}
