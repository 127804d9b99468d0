package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.stats.NormalInterval;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OwnerBootstrapTest {

    private static Function<int[], double[]> sumOfTies(ClaimInputs in) {
        double[] ties = in.column(OwnerMetric.N_TIES);
        return rows -> new double[] {Arrays.stream(rows).mapToDouble(r -> ties[r]).sum()};
    }

    @Test
    void withFewerOwnersThanGroupsTheJackknifeDeletesEachOwnerOnce() {
        ClaimInputs in = SyntheticOwners.inputs(20, 11, 5, 5000, (b, n, rng) -> { });
        double[] ties = in.column(OwnerMetric.N_TIES);
        double total = Arrays.stream(ties).sum();
        double[][] jack = OwnerBootstrap.jackknife(in, sumOfTies(in), 99);
        double[] deleted = Arrays.stream(jack).mapToDouble(v -> total - v[0]).sorted().toArray();
        assertThat(deleted).containsExactly(Arrays.stream(ties).sorted().toArray());
    }

    @Test
    void withManyOwnersEveryOwnerIsInExactlyOneOfTheGroups() {
        ClaimInputs in = SyntheticOwners.inputs(250, 12, 5, 5000, (b, n, rng) -> { });
        double total = Arrays.stream(in.column(OwnerMetric.N_TIES)).sum();
        double[][] jack = OwnerBootstrap.jackknife(in, sumOfTies(in), 99);
        assertThat(jack.length).isEqualTo(OwnerBootstrap.JACKKNIFE_GROUPS);
        assertThat(Arrays.stream(jack).mapToDouble(v -> total - v[0]).sum()).isCloseTo(total, within(1e-6));
        assertThat(OwnerBootstrap.jackknife(in, sumOfTies(in), 99)).isDeepEqualTo(jack);
        assertThat(Arrays.deepEquals(OwnerBootstrap.jackknife(in, sumOfTies(in), 98), jack)).isFalse();
    }

    @Test
    void aStatisticCarriedByOneOwnerGetsFewDegreesOfFreedom() {
        ClaimParams params = ClaimParams.DEFAULTS.withResamples(200);
        // 300 owners of 5-50 ties and one of 30,000: the sum of ties is mostly that one owner
        ClaimInputs spread = SyntheticOwners.inputs(300, 13, 5, 50, (b, n, rng) -> { });
        ClaimInputs carried = ClaimInputs.of(java.util.stream.Stream.concat(spread.rows().stream(),
                java.util.stream.Stream.of(OwnerRow.builder("big", "big").platform("test")
                        .set(OwnerMetric.N_TIES, 30_000.0).build())).toList());
        NormalInterval even = OwnerBootstrap.run(spread, sumOfTies(spread), params, "t")
                .primaryInterval(NormalInterval.Scale.IDENTITY);
        NormalInterval heavy = OwnerBootstrap.run(carried, sumOfTies(carried), params, "t")
                .primaryInterval(NormalInterval.Scale.IDENTITY);
        assertThat(even.degreesOfFreedom()).isGreaterThan(50);
        assertThat(heavy.degreesOfFreedom()).isLessThan(4);
        assertThat(heavy.criticalValue(0.95)).isGreaterThan(2.7);
    }
}
