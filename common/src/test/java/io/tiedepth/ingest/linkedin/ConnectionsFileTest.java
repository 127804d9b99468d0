package io.tiedepth.ingest.linkedin;

import static io.tiedepth.ingest.linkedin.Exports.CONNECTIONS_2023;
import static io.tiedepth.ingest.linkedin.Exports.IN;
import static io.tiedepth.ingest.linkedin.Exports.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.Reject;
import io.tiedepth.text.ReadException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsFileTest {
    private static final String HEADER_2018 = "First Name,Last Name,Email Address,Company,Position,Connected On\n";

    @TempDir
    Path dir;

    @Nested
    class Eras {
        @Test
        void reads2018RowsWithDateAndTime() throws Exception {
            ParsedExport p = Exports.read(dir, "Connections.csv", HEADER_2018
                    + "Testa,Fakeperson,testa@fake.invalid,Fake Co,Tester,\"1/8/18, 6:14 PM\"\n");
            RawTie tie = p.ties().get(0);
            assertThat(tie.contact().name()).isEqualTo("Testa Fakeperson");
            assertThat(tie.contact().url()).isNull();
            assertThat(tie.connectedAt()).isEqualTo(Instant.parse("2018-01-08T18:14:00Z"));
            assertThat(tie.precision()).isEqualTo(Precision.second);
            assertThat(tie.tieSource()).isEqualTo("connection");
            assertThat(tie.invitedBy()).isEqualTo("unknown");
            assertThat(p.formatEra()).isEqualTo("linkedin-2018");
        }

        @Test
        void reads2021RowsWithDayDatesAndCrlf() throws Exception {
            ParsedExport p = Exports.read(dir, "Connections.csv", HEADER_2018.replace("\n", "\r\n")
                    + "Testa,Fakeperson,,,,16 Dec 2021\r\nBodo,Fakeling,,Fake Co,,03 Feb 2021\r\n");
            assertThat(p.ties()).extracting(RawTie::connectedAt).containsExactly(
                    Instant.parse("2021-12-16T00:00:00Z"), Instant.parse("2021-02-03T00:00:00Z"));
            assertThat(p.ties()).extracting(RawTie::precision).containsOnly(Precision.day);
            assertThat(p.formatEra()).isEqualTo("linkedin-2021");
            assertThat(stats(p, "Connections.csv")).isEqualTo(new FileStats("Connections.csv", 2, 2, 0));
        }

        @Test
        void skipsTheNotesPreamble() throws Exception {
            ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS_2023.replace(",URL", "")
                    + "Testa,Fakeperson,,,,16 Dec 2022\n");
            assertThat(p.ties()).hasSize(1);
            assertThat(p.formatEra()).isEqualTo("linkedin-2022-preamble");
            assertThat(stats(p, "Connections.csv").read()).isEqualTo(1);
        }

        @Test
        void keysContactsByUrlFromMid2023() throws Exception {
            ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS_2023
                    + "Testa,Fakeperson," + IN + "fake-testa-01,,Fake Co,Tester,16 Dec 2024\n");
            assertThat(p.ties().get(0).contact().url()).isEqualTo(IN + "fake-testa-01");
            assertThat(p.ties().get(0).contact().name()).isEqualTo("Testa Fakeperson");
            assertThat(p.aliases()).hasSize(1);
            assertThat(p.formatEra()).isEqualTo("linkedin-2023-url");
        }

        @Test
        void readsAnExcelResaveAndNotesTheVariant() throws Exception {
            ParsedExport p = Exports.read(dir, "Connections.csv",
                    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                            + "Testa,Fakeperson," + IN + "fake-testa-01,NA,NA,NA,4-Apr-21\r\n"
                            + "NA,NA,NA,NA,NA,NA,14-Apr-21\r\n");
            assertThat(p.ties()).hasSize(1);
            assertThat(p.ties().get(0).connectedAt()).isEqualTo(Instant.parse("2021-04-04T00:00:00Z"));
            assertThat(p.hiddenProfiles()).isEqualTo(1);
            assertThat(p.formatEra()).isEqualTo("linkedin-2023-url+excel");
            assertThat(p.warnings()).contains("Connections.csv is an Excel re-save (dates like 4-Apr-21 or NA cells)");
        }
    }

    @Test
    void findsColumnsByNameWhateverTheirOrder() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv",
                "Connected On,Position,URL,Last Name,Company,Email Address,First Name\n"
                        + "16 Dec 2024,Tester," + IN + "fake-testa-01,Fakeperson,Fake Co,,Testa\n");
        assertThat(p.ties().get(0).contact().name()).isEqualTo("Testa Fakeperson");
        assertThat(p.ties().get(0).contact().url()).isEqualTo(IN + "fake-testa-01");
    }

    @Test
    void readsUtf16WithByteOrderMark() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write((HEADER_2018 + "Jürgen,Fakeström,,,,16 Dec 2021\n").getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("Connections.csv"), bytes.toByteArray());
        ParsedExport p = Exports.read(dir);
        assertThat(p.ties().get(0).contact().name()).isEqualTo("Jürgen Fakeström");
    }

    @Test
    void countsHiddenProfilesWithoutMakingTies() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS_2023
                + "Testa,Fakeperson," + IN + "fake-testa-01,,,,16 Dec 2024\n"
                + ",,,,,,16 Dec 2024\n"
                + ",,,,,,15 Dec 2024\n");
        assertThat(p.ties()).hasSize(1);
        assertThat(p.hiddenProfiles()).isEqualTo(2);
        assertThat(stats(p, "Connections.csv")).isEqualTo(new FileStats("Connections.csv", 3, 3, 0));
    }

    @Test
    void rejectsRowWithUnknownDateFormatByItsShape() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", HEADER_2018
                + "Testa,Fakeperson,,,,16 Dec 2021\n"
                + "Bodo,Fakeling,,,,31.12.2021\n"
                + "\n"
                + "Cleo,Fakester,,,,\n");
        assertThat(p.ties()).hasSize(1);
        assertThat(p.rejects()).containsExactly(
                new Reject("Connections.csv", "line 3", "bad_date",
                        "unknown date format '99.99.9999' in column Connected On"),
                new Reject("Connections.csv", "line 5", "missing_date", "no date in column Connected On"));
        assertThat(stats(p, "Connections.csv")).isEqualTo(new FileStats("Connections.csv", 3, 1, 2));
    }

    @Test
    void rejectsAFileWithoutHeaderAndReadsTheRest() throws Exception {
        ParsedExport p = Exports.read(dir,
                "Connections.csv", "Vorname,Nachname,Verbunden am\nTesta,Fakeperson,16 Dec 2021\n",
                "Invitations.csv", "From,To,Sent At,Message,Direction\n"
                        + "Owen Fakeowner,Testa Fakeperson,\"12/15/21, 7:47 AM\",,OUTGOING\n");
        assertThat(p.ties()).isEmpty();
        assertThat(p.invitations()).hasSize(1);
        String reason = "Cannot read Connections.csv: no header with columns First Name, Last Name, Connected On"
                + " in the first 10 lines (Connections.csv)";
        assertThat(p.rejects()).containsExactly(new Reject("Connections.csv", "file", "missing_header", reason));
        assertThat(p.warnings()).contains(reason);
        assertThat(stats(p, "Connections.csv")).isEqualTo(new FileStats("Connections.csv", 1, 0, 1));
    }

    @Test
    void failsTheExportWhenConnectionsIsMissing() throws Exception {
        Exports.write(dir, "messages.csv", Exports.MESSAGES_2021);
        assertThatThrownBy(() -> Exports.read(dir))
                .isInstanceOf(ReadException.class)
                .hasMessage("Cannot read LinkedIn export: Connections.csv is missing (Connections.csv)")
                .satisfies(e -> assertThat(((ReadException) e).reasonCode()).isEqualTo("missing_file"));
    }

    @Test
    void findsConnectionsInASubFolderWhateverItsCase() throws Exception {
        ParsedExport p = Exports.read(dir, "export/sub/CONNECTIONS.CSV", HEADER_2018
                + "Testa,Fakeperson,,,,16 Dec 2021\n", "other/readme.txt", "not read");
        assertThat(p.ties()).hasSize(1);
        assertThat(p.files()).containsOnlyKeys("export/sub/CONNECTIONS.CSV");
    }
}
