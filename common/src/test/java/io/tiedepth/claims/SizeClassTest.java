package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** DESIGN §6 boundaries, on both sides of each (the same as OwnerMetricsTest's for the Spark column). */
class SizeClassTest {
    @Test
    void eachBoundaryOpensTheNextClass() {
        assertThat(SizeClass.of(0)).isEqualTo("<50");
        assertThat(SizeClass.of(49)).isEqualTo("<50");
        assertThat(SizeClass.of(50)).isEqualTo("50-149");
        assertThat(SizeClass.of(149)).isEqualTo("50-149");
        assertThat(SizeClass.of(150)).isEqualTo("150-499");
        assertThat(SizeClass.of(499)).isEqualTo("150-499");
        assertThat(SizeClass.of(500)).isEqualTo("500-999");
        assertThat(SizeClass.of(999)).isEqualTo("500-999");
        assertThat(SizeClass.of(1000)).isEqualTo("1000-4999");
        assertThat(SizeClass.of(4999)).isEqualTo("1000-4999");
        assertThat(SizeClass.of(5000)).isEqualTo("5000+");
        assertThat(SizeClass.of(30_000)).isEqualTo("5000+");
    }

    @Test
    void boundsOfAClass() {
        assertThat(SizeClass.lower("<50")).isZero();
        assertThat(SizeClass.upper("<50")).isEqualTo(50);
        assertThat(SizeClass.lower("1000-4999")).isEqualTo(1000);
        assertThat(SizeClass.upper("1000-4999")).isEqualTo(5000);
        assertThat(SizeClass.upper("5000+")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> SizeClass.lower("huge")).hasMessageContaining("not a size class: huge");
    }
}
