package io.tiedepth.ingest.canonical;

import static io.tiedepth.ingest.canonical.CanonicalExports.INTERACTIONS_HEADER;
import static io.tiedepth.ingest.canonical.CanonicalExports.TIES_HEADER;
import static io.tiedepth.ingest.canonical.CanonicalExports.export;
import static io.tiedepth.ingest.canonical.CanonicalExports.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.ingest.Readers;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.source.ExportSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalReaderTest {
    @TempDir
    Path tmp;

    private static final String TIE = "linkedin,o1,c1,2021-03-04T00:00:00Z,day,connection,owner,true,false";

    @Nested
    class Recognition {
        @Test
        void isRegisteredFirstAndRecognisedByItsManifestOnly() throws Exception {
            assertThat(Readers.all().get(0)).isInstanceOf(CanonicalReader.class);
            assertThat(new CanonicalReader().platform()).isEqualTo("canonical");
            Path with = export(tmp.resolve("with"), manifest("linkedin", "ties", "ties.csv"), "ties.csv",
                    TIES_HEADER + "\n" + TIE + "\n");
            Path without = tmp.resolve("without");
            Files.createDirectories(without);
            Files.writeString(without.resolve("ties.csv"), TIES_HEADER + "\n" + TIE + "\n");
            try (ExportSource a = ExportSource.open(with); ExportSource b = ExportSource.open(without)) {
                assertThat(new CanonicalReader().recognises(a)).isTrue();
                assertThat(new CanonicalReader().recognises(b)).isFalse();
            }
            List<Canonical.Export> unplaced = CanonicalExports.ingest(without);
            assertThat(unplaced).singleElement().satisfies(e -> assertThat(e.rejects())
                    .extracting(Canonical.RejectRow::reasonCode).containsExactly("unknown_platform"));
        }

        @Test
        void readsAnExportWithLinkedInLookalikeFilesAsCanonical() throws Exception {
            Path dir = export(tmp.resolve("look"), manifest("linkedin", "ties", "data/ties.csv"),
                    "data/ties.csv", TIES_HEADER + "\n" + TIE + "\n",
                    "Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                            + "Ann,Fake,https://www.linkedin.com/in/ann-fake,,,,16 Dec 2024\n");
            List<Canonical.Export> out = CanonicalExports.ingest(dir);
            assertThat(out).singleElement().satisfies(e -> {
                assertThat(e.export().status()).isEqualTo("ok");
                assertThat(e.export().formatEra()).isEqualTo("canonical-csv");
                assertThat(e.export().platform()).isEqualTo("linkedin");
                assertThat(e.export().files()).containsExactly(new FileStats("data/ties.csv", 1, 1, 0));
                assertThat(e.ties()).hasSize(1);
            });
        }

        @Test
        void findsTheManifestUnderAWrapperFolderOfAZip() throws Exception {
            Path dir = export(tmp.resolve("src/donation-17"), manifest("linkedin", "ties", "ties.csv"), "ties.csv",
                    TIES_HEADER + "\n" + TIE + "\n");
            Path zip = CanonicalExports.zip(dir.getParent(), tmp.resolve("donation.zip"));
            assertThat(CanonicalExports.ingest(zip)).singleElement()
                    .satisfies(e -> assertThat(e.export().files()).containsExactly(new FileStats("ties.csv", 1, 1, 0)));
        }

        @Test
        void rejectsAnExportWithBothMarkersAsAmbiguous() throws Exception {
            Path dir = export(tmp.resolve("both"), manifest("linkedin", "ties", "ties.csv"), "ties.csv",
                    TIES_HEADER + "\n" + TIE + "\n", "tiedepth-network.json", "{\"name\": \"x\"}");
            assertThat(CanonicalExports.ingest(dir)).singleElement().satisfies(e -> {
                assertThat(e.export().status()).isEqualTo("rejected");
                assertThat(e.rejects()).extracting(Canonical.RejectRow::reasonCode, Canonical.RejectRow::reason)
                        .containsExactly(tuple("ambiguous_export", "Cannot read export: it holds both "
                                + "tiedepth-canonical.json and tiedepth-network.json; keep the one that describes it "
                                + "(tiedepth-canonical.json)"));
            });
        }
    }

    @Test
    void rejectsTheExportWhenNoRowIsAcceptedNamingTheFirstReason() throws Exception {
        Path dir = export(tmp.resolve("none"), manifest("linkedin", "ties", "ties.csv"), "ties.csv",
                TIES_HEADER + "\n" + TIE.replace("connection", "contact") + "\n" + TIE.replace("o1", "") + "\n");
        assertThat(CanonicalExports.ingest(dir)).singleElement().satisfies(e -> {
            assertThat(e.export().status()).isEqualTo("rejected");
            assertThat(e.rejects()).extracting(Canonical.RejectRow::reasonCode, Canonical.RejectRow::reason)
                    .containsExactly(tuple("no_rows", "Cannot read canonical tables: no accepted row in any file "
                            + "(2 rejected; first: ties.csv line 2: column tie_source must be one of connection, "
                            + "friend, follower, following, mutual_follow, network_link, derived, not 'aaaaaaa') "
                            + "(tiedepth-canonical.json)"));
        });
    }

    @Test
    void manyOwnersBecomePartsWithTheirFileStatisticsRecordedOnce() throws Exception {
        StringBuilder ties = new StringBuilder(TIES_HEADER).append('\n');
        StringBuilder interactions = new StringBuilder(INTERACTIONS_HEADER).append('\n');
        int expectedRejects = 0;
        for (int o = 0; o < 40; o++) {
            for (String platform : List.of("linkedin", "facebook")) {
                for (int c = 0; c < 3; c++) {
                    ties.append(platform).append(",owner-").append(o).append(",contact-").append(c)
                            .append(",2021-03-04T00:00:00Z,day,connection,owner,,false\n");
                    interactions.append(platform).append(",owner-").append(o).append(",contact-").append(c)
                            .append(",2021-04-0").append(c + 1).append("T10:00:00Z,message,out,th-").append(c)
                            .append(",false,1,4,\n");
                }
            }
            if (o % 10 == 0) {
                ties.append("linkedin,owner-").append(o).append(",contact-9,2021-03-04,day,connection,owner,,false\n");
                expectedRejects++;
            }
        }
        Path dir = export(tmp.resolve("many"), manifest("linkedin,facebook", "ties", "ties.csv", "interactions",
                "interactions.csv"), "ties.csv", ties.toString(), "interactions.csv", interactions.toString());

        List<ParsedExport> parts = CanonicalExports.read(dir);
        assertThat(parts).hasSize(80);
        assertThat(parts.subList(0, 4)).extracting(ParsedExport::part).containsExactly("owner-0/facebook",
                "owner-0/linkedin", "owner-1/facebook", "owner-1/linkedin");
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.ties()).hasSize(3);
            assertThat(p.interactions()).hasSize(3);
            assertThat(p.formatEra()).isEqualTo("canonical-csv");
            assertThat(p.owner().accountId()).isEqualTo(p.part().substring(0, p.part().indexOf('/')));
            assertThat(p.platform()).isEqualTo(p.part().substring(p.part().indexOf('/') + 1));
        });
        assertThat(parts.get(0).files().values()).containsExactly(new FileStats("ties.csv", 244, 240, 4),
                new FileStats("interactions.csv", 240, 240, 0));
        assertThat(parts.get(0).rejects()).hasSize(expectedRejects);
        assertThat(parts.get(0).warnings()).first().asString().startsWith(
                "canonical tables: the file statistics, rejects and warnings of all 80 parts");
        assertThat(parts.subList(1, 80)).allSatisfy(p -> {
            assertThat(p.files()).isEmpty();
            assertThat(p.rejects()).isEmpty();
        });

        List<Canonical.Export> out = CanonicalExports.ingest(dir);
        assertThat(out).hasSize(80).allSatisfy(e -> assertThat(e.export().files()).allMatch(FileStats::balanced));
        assertThat(out.stream().mapToLong(e -> e.export().rowsRead()).sum()).isEqualTo(484);
        assertThat(out.stream().mapToLong(e -> e.export().rowsAccepted()).sum()).isEqualTo(480);
        assertThat(out.stream().mapToLong(e -> e.export().rowsRejected()).sum())
                .isEqualTo(out.stream().mapToLong(e -> e.rejects().size()).sum()).isEqualTo(4);
        Set<String> exportIds = new HashSet<>();
        Set<String> ownerIds = new HashSet<>();
        out.forEach(e -> {
            exportIds.add(e.export().exportId());
            ownerIds.add(e.export().ownerId());
            assertThat(e.export().sourceId()).isEqualTo(out.get(0).export().sourceId());
        });
        assertThat(exportIds).hasSize(80);
        assertThat(ownerIds).hasSize(80);
        Set<String> contactsOnLinkedIn = new HashSet<>();
        out.stream().filter(e -> e.export().platform().equals("linkedin"))
                .forEach(e -> e.ties().forEach(t -> contactsOnLinkedIn.add(t.contactId())));
        assertThat(contactsOnLinkedIn).as("contact-0..2 are the same three people for every owner").hasSize(3);
    }

    @Test
    void readsAFolderOfPartFilesEachCountedAsAFile() throws Exception {
        Path dir = export(tmp.resolve("parts"), manifest("linkedin", "ties", "ties/*.parquet", "interactions",
                "interactions/*.csv"), "ties/_SUCCESS", "", "ties/.part-0.parquet.crc", "crc",
                "interactions/part-0.csv", INTERACTIONS_HEADER + "\n"
                        + "linkedin,o1,c1,2021-03-05T10:00:00Z,message,out,t1,false,3,12,\n",
                "interactions/part-1.csv", INTERACTIONS_HEADER + "\n"
                        + "linkedin,o2,c1,2021-03-05T10:00:00Z,message,in,t1,false,3,12,\n"
                        + "linkedin,o2,c1,2021-03-05T10:00:00,message,in,t1,false,3,12,\n");
        ParquetFiles.write(dir.resolve("ties/part-0.parquet"), CanonicalExports.TIES_PARQUET, List.<Object[]>of(
                new Object[] {"linkedin", "o1", "c1", null, null, "connection", "owner", null, false}));
        ParquetFiles.write(dir.resolve("ties/part-1.parquet"), CanonicalExports.TIES_PARQUET, List.<Object[]>of(
                new Object[] {"linkedin", "o2", "c1", null, null, "connection", "owner", null, false},
                new Object[] {"linkedin", "o2", "c2", null, null, "connection", "owner", null, false}));
        List<ParsedExport> parts = CanonicalExports.read(dir);
        assertThat(parts).extracting(ParsedExport::part).containsExactly("o1/linkedin", "o2/linkedin");
        assertThat(parts.get(0).files().values()).containsExactly(new FileStats("ties/part-0.parquet", 1, 1, 0),
                new FileStats("ties/part-1.parquet", 2, 2, 0), new FileStats("interactions/part-0.csv", 1, 1, 0),
                new FileStats("interactions/part-1.csv", 2, 1, 1));
        assertThat(parts.get(0).rejects()).extracting(r -> r.file() + " " + r.location())
                .containsExactly("interactions/part-1.csv line 3");
        assertThat(parts.get(0).formatEra()).isEqualTo("canonical-mixed");
    }

    @Test
    void aPatternMatchingNoFileIsOneRejectedRow() throws Exception {
        Path dir = export(tmp.resolve("noparts"), manifest("linkedin", "ties", "ties/*.parquet", "interactions",
                "interactions.csv"), "interactions.csv", INTERACTIONS_HEADER + "\n"
                + "linkedin,o1,c1,2021-03-05T10:00:00Z,message,out,t1,false,3,12,\n", "ties/_SUCCESS", "");
        ParsedExport p = CanonicalExports.read(dir).get(0);
        assertThat(p.rejects()).extracting(r -> r.file(), r -> r.reasonCode(), r -> r.reason()).containsExactly(
                tuple("ties/*.parquet", "missing_file", "Cannot read ties/*.parquet: no file in the export matches "
                        + "this pattern of tiedepth-canonical.json (ties)"));
        assertThat(p.files()).containsEntry("ties/*.parquet", new FileStats("ties/*.parquet", 1, 0, 1));
    }

    @Nested
    class ZippedParquet {
        private Path folder() throws Exception {
            Path dir = export(tmp.resolve("donation"), manifest("linkedin", "ties", "ties.parquet",
                    "interactions", "interactions.csv"), "interactions.csv", INTERACTIONS_HEADER + "\n"
                    + "linkedin,o1,c1,2021-03-05T10:00:00Z,message,out,t1,false,3,12,\n");
            ParquetFiles.write(dir.resolve("ties.parquet"), CanonicalExports.TIES_PARQUET, List.<Object[]>of(
                    new Object[] {"linkedin", "o1", "c1", Instant.parse("2021-03-04T00:00:00Z"), "day",
                        "connection", "owner", true, false},
                    new Object[] {"linkedin", "o1", "c2", Instant.parse("2021-03-05T00:00:00.000123Z"), "second",
                        "connection", "contact", null, false},
                    new Object[] {"linkedin", "o2", "c1", null, null, "connection", "unknown", null, true}));
            return dir;
        }

        @Test
        void readsAParquetMemberThroughATemporaryCopyThatIsDeletedAfter() throws Exception {
            Path dir = folder();
            Path zip = CanonicalExports.zip(dir, tmp.resolve("donation.zip"));
            Path scratch = Files.createDirectories(tmp.resolve("scratch"));
            List<ParsedExport> fromZip = CanonicalExports.read(zip, scratch);
            assertThat(Content.of(fromZip)).isEqualTo(Content.of(CanonicalExports.read(dir)));
            assertThat(fromZip.get(0).files().values()).containsExactly(new FileStats("ties.parquet", 3, 3, 0),
                    new FileStats("interactions.csv", 1, 1, 0));
            try (Stream<Path> left = Files.list(scratch)) {
                assertThat(left).isEmpty();
            }
        }

        @Test
        void doesNotCheckParquetBytesAsUtf8Text() throws Exception {
            Path zip = CanonicalExports.zip(folder(), tmp.resolve("donation.zip"));
            List<Canonical.Export> out = CanonicalExports.ingest(zip);
            assertThat(out).hasSize(2);
            List<String> warnings = new ArrayList<>();
            out.forEach(e -> warnings.addAll(e.export().warnings()));
            assertThat(warnings).noneMatch(w -> w.contains("UTF-8"));
        }

        @Test
        void aParquetMemberBreakingTheArchiveLimitsIsOneRejectedRow() throws Exception {
            Path dir = export(tmp.resolve("bomb"), manifest("linkedin", "ties", "ties.parquet", "interactions",
                    "interactions.csv"), "interactions.csv", INTERACTIONS_HEADER + "\n"
                    + "linkedin,o1,c1,2021-03-05T10:00:00Z,message,out,t1,false,3,12,\n");
            Files.write(dir.resolve("ties.parquet"), new byte[3 << 20]);
            Path scratch = Files.createDirectories(tmp.resolve("scratch2"));
            ParsedExport p = CanonicalExports.read(CanonicalExports.zip(dir, tmp.resolve("bomb.zip")), scratch)
                    .get(0);
            assertThat(p.rejects()).extracting(r -> r.location(), r -> r.reasonCode(), r -> r.reason())
                    .containsExactly(tuple("file", "unreadable_member", "Cannot read ties.parquet: Cannot read member: "
                            + "it expands more than 200 times its compressed size (zip bomb?)"));
            assertThat(p.files()).containsEntry("ties.parquet", new FileStats("ties.parquet", 1, 0, 1));
            try (Stream<Path> left = Files.list(scratch)) {
                assertThat(left).isEmpty();
            }
        }
    }
}
