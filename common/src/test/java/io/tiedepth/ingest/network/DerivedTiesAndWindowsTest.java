package io.tiedepth.ingest.network;

import static io.tiedepth.ingest.network.Samples.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.Canonical.ExportRow;
import io.tiedepth.model.FileStats;
import io.tiedepth.pseudo.PersonKeys;
import io.tiedepth.pseudo.Pseudonymizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Derived ties, observation windows, relative time and compressed members of network datasets, on one hand-made
 * temporal edge list whose answers are worked out by hand below.
 *
 * <pre>
 * src dst t      node 1: with 2 out 100, in 200, out 300 (3 events, both ways, first 100);
 * 1   2   100            with 3 out 400; with 4 out 600
 * 2   1   200    node 2: with 1 in 100, out 200, in 300 (both ways, first 100)
 * 1   2   300    node 3: with 1 in 400; with 4 out 500, out 700 (2 events, one way, first 500)
 * 1   3   400    node 4: with 3 in 500, in 700; with 1 in 600
 * 3   4   500
 * 1   4   600    contacts:      1 → {2@100, 3@400, 4@600}, 2 → {1@100}, 3 → {1@400, 4@500}, 4 → {3@500, 1@600}
 * 3   4   700    reciprocated:  1 → {2}, 2 → {1}, 3 → {}, 4 → {}
 *                min_events 2:  1 → {2}, 2 → {1}, 3 → {4}, 4 → {3}
 * windows: dataset [100, 700] for every node; node: 1 [100, 600], 2 [100, 300], 3 [400, 700], 4 [500, 700]
 * </pre>
 */
class DerivedTiesAndWindowsTest {
    private static final String EDGES = "1 2 100\n2 1 200\n1 2 300\n1 3 400\n3 4 500\n1 4 600\n3 4 700\n";
    private static final Pseudonymizer IDS = new Pseudonymizer(Samples.KEY);

    @TempDir
    Path tmp;

    private static String descriptor(String file, String topLevel) {
        return "{\"name\": \"h\"" + topLevel + ", \"events\": [{\"file\": \"" + file + "\", \"separator\": "
                + "\"whitespace\", \"channel\": \"message\", \"columns\": {\"source\": 0, \"target\": 1, \"time\": 2}}]}";
    }

    private List<Canonical.Export> ingest(String topLevel) throws IOException {
        return Samples.ingest(dataset(tmp.resolve("d"), descriptor("edges.txt", topLevel), "edges.txt", EDGES));
    }

    private static String id(String node) {
        return IDS.id(PersonKeys.accountKey("network", "h/" + node));
    }

    /** Owner node → its tie contacts with their connected_at (seconds), as "contact@seconds". */
    private static Map<String, TreeSet<String>> ties(List<Canonical.Export> exports) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (String n : List.of("1", "2", "3", "4")) {
            Canonical.Export e = exports.stream().filter(x -> x.export().ownerId().equals(id(n))).findFirst()
                    .orElseThrow();
            TreeSet<String> contacts = new TreeSet<>();
            for (Canonical.TieRow t : e.ties()) {
                String contact = List.of("1", "2", "3", "4").stream().filter(c -> id(c).equals(t.contactId()))
                        .findFirst().orElseThrow();
                contacts.add(contact + "@" + t.connectedAt().getEpochSecond());
                assertThat(t.tieSource()).isEqualTo("derived");
                assertThat(t.connectedAtPrecision()).isEqualTo("second");
                assertThat(t.invitedBy()).isEqualTo("unknown");
            }
            out.put(n, contacts);
        }
        return out;
    }

    private static ExportRow export(List<Canonical.Export> exports, String node) {
        return exports.stream().map(Canonical.Export::export).filter(x -> x.ownerId().equals(id(node))).findFirst()
                .orElseThrow();
    }

    @Nested
    class DerivedTies {
        @Test
        void contactsMakesEveryoneWithAnEventATieConnectedAtTheFirstOne() throws IOException {
            List<Canonical.Export> e = ingest(", \"derive_ties\": \"contacts\"");
            assertThat(ties(e)).isEqualTo(Map.of(
                    "1", new TreeSet<>(List.of("2@100", "3@400", "4@600")),
                    "2", new TreeSet<>(List.of("1@100")),
                    "3", new TreeSet<>(List.of("1@400", "4@500")),
                    "4", new TreeSet<>(List.of("3@500", "1@600"))));
            assertThat(e).allSatisfy(x -> assertThat(x.export().derivedTies()).isEqualTo("contacts"));
        }

        @Test
        void reciprocatedKeepsOnlyTwoWayContacts() throws IOException {
            List<Canonical.Export> e = ingest(", \"derive_ties\": \"reciprocated\"");
            assertThat(ties(e)).isEqualTo(Map.of(
                    "1", new TreeSet<>(List.of("2@100")), "2", new TreeSet<>(List.of("1@100")),
                    "3", new TreeSet<>(), "4", new TreeSet<>()));
            assertThat(e).allSatisfy(x -> assertThat(x.export().derivedTies()).isEqualTo("reciprocated"));
        }

        @Test
        void minEventsCountsBothDirections() throws IOException {
            List<Canonical.Export> e = ingest(", \"derive_ties\": {\"min_events\": 2}");
            assertThat(ties(e)).isEqualTo(Map.of(
                    "1", new TreeSet<>(List.of("2@100")), "2", new TreeSet<>(List.of("1@100")),
                    "3", new TreeSet<>(List.of("4@500")), "4", new TreeSet<>(List.of("3@500"))));
            assertThat(export(e, "3").derivedTies()).isEqualTo("min_events=2");
        }

        @Test
        void withoutTheKeyADatasetOfEventsHasNoTies() throws IOException {
            List<Canonical.Export> e = ingest("");
            assertThat(e).allSatisfy(x -> {
                assertThat(x.ties()).isEmpty();
                assertThat(x.export().derivedTies()).isNull();
            });
        }

        @Test
        void keepsEveryInteractionWhateverTheRule() throws IOException {
            for (String rule : List.of("", ", \"derive_ties\": \"contacts\"", ", \"derive_ties\": \"reciprocated\"")) {
                assertThat(ingest(rule).stream().mapToLong(x -> x.interactions().size()).sum()).as(rule)
                        .isEqualTo(2 * 7);
            }
        }
    }

    @Nested
    class Windows {
        @Test
        void datasetWindowIsTheSameSpanForEveryNode() throws IOException {
            List<Canonical.Export> e = ingest(", \"window\": \"dataset\"");
            assertThat(e).hasSize(4).allSatisfy(x -> {
                assertThat(x.export().windowStart()).isEqualTo(Instant.ofEpochSecond(100));
                assertThat(x.export().windowEnd()).isEqualTo(Instant.ofEpochSecond(700));
            });
            assertThat(ingest("")).allSatisfy(x -> assertThat(x.export().windowEnd())
                    .as("dataset is the default").isEqualTo(Instant.ofEpochSecond(700)));
        }

        @Test
        void nodeWindowIsTheNodesOwnFirstToLastEvent() throws IOException {
            List<Canonical.Export> e = ingest(", \"window\": \"node\"");
            Map<String, String> windows = new TreeMap<>();
            for (String n : List.of("1", "2", "3", "4")) {
                ExportRow x = export(e, n);
                windows.put(n, x.windowStart().getEpochSecond() + "-" + x.windowEnd().getEpochSecond());
            }
            assertThat(windows).isEqualTo(Map.of("1", "100-600", "2", "100-300", "3", "400-700", "4", "500-700"));
        }
    }

    @Nested
    class TimeOrigin {
        @Test
        void relativeTimeIsRecordedOnEveryNodesExport() throws IOException {
            assertThat(ingest(", \"time_origin\": \"relative\"")).allSatisfy(x ->
                    assertThat(x.export().timeOrigin()).isEqualTo(ExportRow.RELATIVE));
            assertThat(ingest("")).allSatisfy(x -> assertThat(x.export().timeOrigin()).isEqualTo(ExportRow.ABSOLUTE));
        }
    }

    @Nested
    class CompressedMembers {
        private static byte[] gzip(byte[] plain) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bytes)) {
                out.write(plain);
            }
            return bytes.toByteArray();
        }

        private static byte[] bzip2(byte[] plain) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
                out.write(plain);
            }
            return bytes.toByteArray();
        }

        private List<Canonical.Export> ingestCompressed(String file, byte[] content) throws IOException {
            Path d = dataset(tmp.resolve(file), descriptor(file, ", \"derive_ties\": \"contacts\""));
            Files.write(d.resolve(file), content);
            return Samples.ingest(d);
        }

        @ParameterizedTest
        @ValueSource(strings = {"edges.txt.gz", "edges.txt.bz2", "edges.TXT.GZ"})
        void readsACompressedMemberAsItsText(String file) throws IOException {
            byte[] plain = EDGES.getBytes(StandardCharsets.UTF_8);
            List<Canonical.Export> e = ingestCompressed(file, file.endsWith("bz2") ? bzip2(plain) : gzip(plain));
            assertThat(ties(e)).isEqualTo(ties(ingest(", \"derive_ties\": \"contacts\"")));
            assertThat(e.stream().flatMap(x -> x.export().files().stream()).toList())
                    .containsExactly(new FileStats(file, 7, 7, 0));
        }

        @Test
        void stopsAMemberThatExpandsBeyondTheArchiveRatioAndKeepsTheRowsBefore() throws IOException {
            byte[] plain = "1 2 100\n".repeat(300_000).getBytes(StandardCharsets.UTF_8);
            byte[] packed = gzip(plain);
            assertThat(plain.length / packed.length).as("the test needs a ratio above the limit").isGreaterThan(200);
            List<Canonical.Export> e = ingestCompressed("bomb.txt.gz", packed);
            List<Canonical.RejectRow> rejects = e.stream().flatMap(x -> x.rejects().stream()).toList();
            assertThat(rejects).singleElement().satisfies(r -> {
                assertThat(r.reasonCode()).isEqualTo("unreadable_file");
                assertThat(r.file()).isEqualTo("bomb.txt.gz");
            });
            FileStats f = e.stream().flatMap(x -> x.export().files().stream()).findFirst().orElseThrow();
            assertThat(f.accepted()).isPositive().isLessThan(300_000);
            assertThat(f.balanced()).isTrue();
        }

        @Test
        void rejectsADatasetWhoseOnlyMemberIsACorruptCompressedFile() throws IOException {
            byte[] packed = gzip(EDGES.getBytes(StandardCharsets.UTF_8));
            byte[] cut = java.util.Arrays.copyOf(packed, packed.length / 2);
            List<Canonical.Export> e = ingestCompressed("cut.txt.gz", cut);
            assertThat(e).singleElement().satisfies(x -> assertThat(x.export().status()).isEqualTo("rejected"));
            assertThat(e.get(0).rejects()).singleElement().satisfies(r -> {
                assertThat(r.reasonCode()).isEqualTo("no_nodes");
                assertThat(r.reason()).isEqualTo("Cannot read network dataset: no accepted row in any file (1 rejected) "
                        + "(tiedepth-network.json)");
            });
        }
    }
}
