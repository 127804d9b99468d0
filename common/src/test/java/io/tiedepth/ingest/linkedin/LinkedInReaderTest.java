package io.tiedepth.ingest.linkedin;

import static io.tiedepth.ingest.linkedin.Exports.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.ingest.linkedin.ConnectionsFile.Layout;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.Reject;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.ExportSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkedInReaderTest {
    private static final String CONNECTIONS = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
            + "Anna,Fakeone,,,,16 Dec 2021\n";

    @TempDir
    Path dir;

    private Ingestor ingestor() {
        return new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.of("linkedin-reader-test-key".getBytes(
                StandardCharsets.UTF_8))), Instant.parse("2025-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        // url,   preamble, time,  excel, read, messages,       era
        "true,  true,  false, false, true,  CONVERSATIONS,  linkedin-2023-url",
        "true,  false, false, true,  true,  CONVERSATIONS,  linkedin-2023-url+excel",
        "false, true,  false, false, true,  NONE,           linkedin-2022-preamble",
        "false, false, false, false, true,  CONVERSATIONS,  linkedin-2021",
        "false, false, false, false, true,  NONE,           linkedin-2021",
        "false, false, false, true,  true,  NONE,           linkedin-2021+excel",
        "false, false, false, false, true,  DIRECTION_2019, linkedin-2019",
        "false, false, false, false, true,  DIRECTION_2018, linkedin-2018",
        "false, false, true,  false, true,  NONE,           linkedin-2018",
        "false, false, false, false, false, OTHER,          linkedin-unknown",
    })
    void labelsTheEraFromTheHeaders(boolean url, boolean preamble, boolean time, boolean excel, boolean read,
                                    MessagesFile.Layout messages, String era) {
        assertThat(LinkedInReader.formatEra(new Layout(read, url, preamble, time, excel), messages)).isEqualTo(era);
    }

    @Test
    void recognisesAnyLinkedInFile() throws Exception {
        Exports.write(dir, "x/Invitations.csv", "From,To,Sent At,Message,Direction\n", "x/Profile.csv", "");
        try (ExportSource s = ExportSource.open(dir)) {
            assertThat(new LinkedInReader().recognises(s)).isTrue();
        }
        Path other = Files.createDirectories(dir.resolve("other"));
        Exports.write(other, "Profile.csv", "", "friends.json", "{}");
        try (ExportSource s = ExportSource.open(other)) {
            assertThat(new LinkedInReader().recognises(s)).isFalse();
        }
    }

    @Test
    void readsAZipWithAWrapperFolder() throws Exception {
        Path zip = dir.resolve("export.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("Basic_LinkedInDataExport_12-16-2024/Connections.csv"));
            z.write(CONNECTIONS.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("Basic_LinkedInDataExport_12-16-2024/Profile.csv"));
            z.write("First Name,Last Name\nOwen,Fakeowner\n".getBytes(StandardCharsets.UTF_8));
        }
        ParsedExport p = Exports.read(zip);
        assertThat(p.ties()).hasSize(1);
        assertThat(p.files()).containsOnlyKeys("Connections.csv");
    }

    @Test
    void ingestorRejectsACorruptZipWithAClearReason() throws Exception {
        Path zip = dir.resolve("broken.zip");
        Files.write(zip, "PK\u0003\u0004 this is not really a zip archive".getBytes(StandardCharsets.UTF_8));
        List<Canonical.Export> out = ingestor().ingest(zip);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).export().status()).isEqualTo("rejected");
        assertThat(out.get(0).rejects()).extracting(Canonical.RejectRow::reasonCode, Canonical.RejectRow::reason)
                .containsExactly(tuple("unreadable_export",
                        "Cannot open export: not a readable zip archive (IOException)"));
    }

    @Test
    void ingestorRejectsAnExportWithoutConnections() throws Exception {
        Exports.write(dir, "messages.csv", Exports.MESSAGES_2021);
        List<Canonical.Export> out = ingestor().ingest(dir);
        assertThat(out.get(0).export().platform()).isEqualTo("linkedin");
        assertThat(out.get(0).rejects()).extracting(Canonical.RejectRow::file, Canonical.RejectRow::reasonCode,
                Canonical.RejectRow::reason).containsExactly(tuple("Connections.csv",
                "missing_file", "Cannot read LinkedIn export: Connections.csv is missing (Connections.csv)"));
    }

    @Test
    void aRecordThatBreaksTheCsvStopsOnlyItsFile() throws Exception {
        String runaway = "x".repeat(io.tiedepth.text.CsvTable.MAX_FIELD_CHARS + 10);
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS, "Invitations.csv",
                "From,To,Sent At,Message,Direction\n"
                        + "Owen Fakeowner,Anna Fakeone,\"12/15/21, 7:47 AM\",,OUTGOING\n"
                        + "Owen Fakeowner,Bert Faketwo,\"12/15/21, 7:47 AM\",\"" + runaway + "\n");
        assertThat(p.invitations()).hasSize(1);
        String reason = "Cannot read record of Invitations.csv: unclosed quote or field longer than 1048576"
                + " characters (Invitations.csv:3)";
        assertThat(p.rejects()).containsExactly(new Reject("Invitations.csv", "line 3", "malformed_csv", reason));
        assertThat(p.warnings()).contains(reason);
        assertThat(stats(p, "Invitations.csv")).isEqualTo(new FileStats("Invitations.csv", 2, 1, 1));
        assertThat(stats(p, "Connections.csv")).isEqualTo(new FileStats("Connections.csv", 1, 1, 0));
    }
}
