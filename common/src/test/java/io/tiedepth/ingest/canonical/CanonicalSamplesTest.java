package io.tiedepth.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The samples in {@code data-samples/canonical/}, through the Ingestor with every reader: the README's counts. */
class CanonicalSamplesTest {
    @TempDir
    Path tmp;

    @Test
    @EnabledIfSystemProperty(named = "tiedepth.regenerate-samples", matches = "true")
    void regenerateTheParquetSample() throws IOException {
        ParquetSample.write(CanonicalExports.sample("other-tool-parquet"));
    }

    @Test
    void theCommittedParquetSampleHoldsTheGeneratorsRows() throws Exception {
        ParquetSample.write(tmp.resolve("generated"));
        assertThat(Content.of(CanonicalExports.read(CanonicalExports.sample("other-tool-parquet"))))
                .isEqualTo(Content.of(CanonicalExports.read(tmp.resolve("generated"))));
    }

    @Test
    void csvSampleCounts() {
        List<Canonical.Export> out = CanonicalExports.ingest(CanonicalExports.sample("other-tool-csv"));
        assertThat(out).hasSize(4).allSatisfy(e -> {
            assertThat(e.export().status()).isEqualTo("ok");
            assertThat(e.export().formatEra()).isEqualTo("canonical-csv");
        });
        assertThat(out).extracting(e -> e.export().platform(), e -> e.ties().size(), e -> e.interactions().size(),
                e -> e.invitations().size()).containsExactly(
                tuple("facebook", 2, 2, 0), tuple("linkedin", 3, 4, 2), tuple("linkedin", 2, 2, 2),
                tuple("facebook", 2, 2, 0));
        assertThat(out.get(0).export().files()).containsExactly(new FileStats("ties.csv", 14, 9, 5),
                new FileStats("interactions.csv", 15, 10, 5), new FileStats("invitations.csv", 6, 4, 2));
        assertThat(out.subList(1, 4)).allSatisfy(e -> assertThat(e.export().files()).isEmpty());
        assertThat(out.stream().flatMap(e -> e.rejects().stream()))
                .extracting(Canonical.RejectRow::file, Canonical.RejectRow::location, Canonical.RejectRow::reasonCode)
                .containsExactly(
                        tuple("ties.csv", "line 11", "bad_time"),
                        tuple("ties.csv", "line 12", "bad_enum"),
                        tuple("ties.csv", "line 13", "undeclared_platform"),
                        tuple("ties.csv", "line 14", "self_pair"),
                        tuple("ties.csv", "line 15", "missing_value"),
                        tuple("interactions.csv", "line 12", "bad_enum"),
                        tuple("interactions.csv", "line 13", "bad_boolean"),
                        tuple("interactions.csv", "line 14", "bad_count"),
                        tuple("interactions.csv", "line 15", "bad_time"),
                        tuple("interactions.csv", "line 16", "field_count"),
                        tuple("invitations.csv", "line 6", "bad_boolean"),
                        tuple("invitations.csv", "line 7", "bad_time"));
        assertThat(out.get(0).export().warnings()).contains(
                "interactions.csv: 1 column(s) not in canonical interactions ignored: batch");
    }

    @Test
    void parquetSampleCounts() {
        List<Canonical.Export> out = CanonicalExports.ingest(CanonicalExports.sample("other-tool-parquet"));
        assertThat(out).hasSize(2).allSatisfy(e -> {
            assertThat(e.export().status()).isEqualTo("ok");
            assertThat(e.export().formatEra()).isEqualTo("canonical-parquet");
        });
        assertThat(out).extracting(e -> e.export().platform(), e -> e.ties().size(), e -> e.interactions().size())
                .containsExactly(tuple("twitter", 3, 3), tuple("linkedin", 1, 1));
        assertThat(out.get(0).export().files()).containsExactly(new FileStats("ties.parquet", 6, 4, 2),
                new FileStats("interactions.parquet", 6, 4, 2));
        assertThat(out.stream().flatMap(e -> e.rejects().stream()))
                .extracting(Canonical.RejectRow::file, Canonical.RejectRow::location, Canonical.RejectRow::reasonCode)
                .containsExactly(
                        tuple("ties.parquet", "row 5", "bad_time"),
                        tuple("ties.parquet", "row 6", "missing_value"),
                        tuple("interactions.parquet", "row 5", "bad_enum"),
                        tuple("interactions.parquet", "row 6", "bad_count"));
    }

    @Test
    void aGivenIdIsOnePersonAcrossDonationsAndAThreadIsScopedToItsOwner() {
        List<Canonical.Export> csv = CanonicalExports.ingest(CanonicalExports.sample("other-tool-csv"));
        List<Canonical.Export> parquet = CanonicalExports.ingest(CanonicalExports.sample("other-tool-parquet"));
        Set<String> csvLinkedInContacts = new TreeSet<>();
        csv.stream().filter(e -> e.export().platform().equals("linkedin"))
                .forEach(e -> e.ties().forEach(t -> csvLinkedInContacts.add(t.contactId())));
        String shared = parquet.get(1).ties().get(0).contactId();
        assertThat(csvLinkedInContacts).contains(shared);
        String threadOfA = csv.get(1).interactions().get(0).threadId();
        String threadOfB = csv.get(2).interactions().get(0).threadId();
        assertThat(threadOfA).isNotNull().isNotEqualTo(threadOfB);
    }

    @Test
    void noGivenIdReachesTheOutput() throws IOException {
        Set<String> given = new TreeSet<>();
        for (String f : List.of("ties.csv", "interactions.csv", "invitations.csv")) {
            List<String> lines = Files.readAllLines(CanonicalExports.sample("other-tool-csv").resolve(f));
            for (String line : lines.subList(1, lines.size())) {
                for (String cell : line.split(",")) {
                    if (cell.matches("[0-9a-f]{12}|th-[0-9a-f]{8}")) {
                        given.add(cell);
                    }
                }
            }
        }
        for (List<Object[]> rows : List.of(ParquetSample.TIES, ParquetSample.INTERACTIONS)) {
            for (Object[] row : rows) {
                for (int i = 1; i < row.length; i++) {
                    if (row[i] instanceof String s && s.matches("[0-9a-f]{12}|[a-z]{1,2}-[0-9a-f]{8}")) {
                        given.add(s);
                    }
                }
            }
        }
        assertThat(given).hasSizeGreaterThan(25);
        List<Canonical.Export> out = new ArrayList<>(CanonicalExports.ingest(CanonicalExports.sample("other-tool-csv")));
        out.addAll(CanonicalExports.ingest(CanonicalExports.sample("other-tool-parquet")));
        String everything = out.toString();
        assertThat(everything).contains("canonical-csv", "canonical-parquet");
        assertThat(given).allSatisfy(id -> assertThat(everything).doesNotContain(id));
    }

    @Test
    void readsThePartsInOwnerThenPlatformOrder() throws Exception {
        List<ParsedExport> parts = CanonicalExports.read(CanonicalExports.sample("other-tool-csv"));
        assertThat(parts).extracting(ParsedExport::part).containsExactly("4be3f2a19c07/facebook",
                "4be3f2a19c07/linkedin", "91d0c6e5a8b3/linkedin", "e27a5f0c4d61/facebook");
    }
}
