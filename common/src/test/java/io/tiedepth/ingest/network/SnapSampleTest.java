package io.tiedepth.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The synthetic KONECT/SNAP-style sample ({@code data-samples/snap-sample}) through the Ingestor. */
class SnapSampleTest {
    private static final String FILE = "out.tiedepth-synthetic";

    @Test
    void readsTheTemporalEdgeList() {
        List<Canonical.Export> exports = Samples.ingest(Samples.dir("snap-sample"));
        assertThat(exports).hasSize(9);
        assertThat(exports).allSatisfy(e -> {
            assertThat(e.export().status()).isEqualTo("ok");
            assertThat(e.export().formatEra()).isEqualTo("konect-temporal");
            assertThat(e.ties()).isEmpty();
        });
        assertThat(exports.get(0).export().files()).containsExactly(new FileStats(FILE, 27, 24, 3));
        assertThat(exports.stream().flatMap(e -> e.rejects().stream()))
                .extracting(Canonical.RejectRow::location, Canonical.RejectRow::reasonCode).containsExactly(
                        tuple("line 25", "self_pair"), tuple("line 26", "bad_time"), tuple("line 27", "field_count"));
        List<Canonical.InteractionRow> all = exports.stream().flatMap(e -> e.interactions().stream()).toList();
        assertThat(all).hasSize(48).allMatch(i -> i.channel().equals("message"));
        assertThat(all.stream().filter(i -> i.direction().equals("out"))).hasSize(24);
        assertThat(exports.stream().map(e -> e.export().windowStart()).min(Instant::compareTo).orElseThrow())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(exports.stream().map(e -> e.export().windowEnd()).max(Instant::compareTo).orElseThrow())
                .isEqualTo(Instant.ofEpochSecond(1_700_079_200L));
    }
}
