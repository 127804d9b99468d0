package io.tiedepth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.ArchiveLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile or broken input of the reliability list (README "Reliability") gets a clear reject reason or
 * warning, never an exception, and the rest of the export is still read.
 */
class HostileInputsTest {
    private static final String CONNECTIONS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + "Ann,Fakeone,https://www.linkedin.com/in/fake-ann-01,,,,01 Jan 2024\n"
            + "Bob,Faketwo,https://www.linkedin.com/in/fake-bob-02,,,,02 Jan 2024\n";

    @TempDir
    Path dir;

    private final Ingestor ingestor = new Ingestor(Readers.all(),
            new Pseudonymizer(StudyKey.of("hostile-inputs-test-key-000000001".getBytes(StandardCharsets.UTF_8))),
            Instant.parse("2026-11-22T00:00:00Z"));

    private Canonical.Export one(Path export) {
        List<Canonical.Export> out = ingestor.ingest(export);
        assertThat(out).hasSize(1);
        for (FileStats f : out.get(0).export().files()) {
            assertThat(f.balanced()).as("file %s balances", f.file()).isTrue();
        }
        return out.get(0);
    }

    private Path zip(String name, String... pathsAndContents) throws IOException {
        Path z = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(pathsAndContents[i]));
                out.write(pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return z;
    }

    private Path folder(String name, String... pathsAndContents) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path f = d.resolve(pathsAndContents[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, pathsAndContents[i + 1]);
        }
        return d;
    }

    private static String reason(Canonical.Export e) {
        return e.rejects().isEmpty() ? "" : e.rejects().get(0).reasonCode() + ": " + e.rejects().get(0).reason();
    }

    @Test
    void zipSlipEntryRejectsTheExport() throws IOException {
        Canonical.Export e = one(zip("slip.zip", "Connections.csv", CONNECTIONS, "../../etc/passwd", "root:x:0:0"));
        assertThat(e.export().status()).isEqualTo("rejected");
        assertThat(reason(e)).isEqualTo("unreadable_export: Cannot open export: the archive has a member whose path "
                + "is absolute or climbs out with '..' (zip slip)");
    }

    @Test
    void zipBombIsStoppedByTheExpansionRatio() throws IOException {
        Path z = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new ZipEntry("Connections.csv"));
            out.write(CONNECTIONS.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("messages.csv"));
            out.write("CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = "c,x,y,z,2024-01-01 00:00:00 UTC,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200_000; i++) {
                out.write(line);
            }
            out.closeEntry();
        }
        assertThat(Files.size(z)).isLessThan(100_000);
        Canonical.Export e = one(z);
        assertThat(e.rejects()).extracting(Canonical.RejectRow::reasonCode).contains("unreadable_member");
        String all = e.export().warnings() + " " + e.rejects().stream().map(Canonical.RejectRow::reason).distinct().toList();
        assertThat(all).as("reasons").contains("expands more than " + ArchiveLimits.MAX_RATIO + " times its compressed size");
        assertThat(e.ties()).as("what came before the bomb is kept").hasSize(2);
    }

    @Test
    void truncatedZipIsRejected() throws IOException {
        Path good = zip("good.zip", "Connections.csv", CONNECTIONS);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Canonical.Export e = one(cut);
        assertThat(e.export().status()).isEqualTo("rejected");
        assertThat(reason(e)).startsWith("unreadable_export: Cannot open export: not a readable zip archive");
    }

    @Test
    void passwordProtectedZipIsRejected() throws IOException {
        Path z = zip("locked.zip", "Connections.csv", CONNECTIONS);
        byte[] b = Files.readAllBytes(z);
        for (int i = 0; i + 8 < b.length; i++) {
            boolean local = b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 3 && b[i + 3] == 4;
            boolean central = b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 1 && b[i + 3] == 2;
            if (local) {
                b[i + 6] |= 1;
            } else if (central) {
                b[i + 8] |= 1;
            }
        }
        Canonical.Export e = one(Files.write(z, b));
        assertThat(e.ties()).isEmpty();
        assertThat(e.rejects()).extracting(Canonical.RejectRow::file).containsExactly("Connections.csv");
        assertThat(reason(e)).contains("Cannot read member: encrypted or compressed with an unsupported method");
    }

    @Test
    void twoGigabyteSingleLineFileIsReadInBoundedMemory() throws IOException {
        Path export = folder("huge", "messages.csv", "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n");
        try (RandomAccessFile f = new RandomAccessFile(export.resolve("Connections.csv").toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        // Bytes this thread allocated while ingesting (garbage included), not the heap's size: the heap is shared
        // with every other test in this JVM, so its committed size says nothing about this read.
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Canonical.Export e = one(export);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(e.ties()).isEmpty();
        assertThat(e.rejects()).extracting(Canonical.RejectRow::file).containsExactly("Connections.csv");
        assertThat(reason(e)).startsWith("unreadable_csv: Cannot read Connections.csv: malformed CSV or a field "
                + "longer than 1048576 characters before the header");
        System.out.printf("2 GiB one-line file: %d MiB allocated while ingesting%n", allocated >> 20);
        assertThat(allocated).as("bytes allocated reading a 2 GiB line").isLessThan(256L << 20);
    }

    @Test
    void invalidUtf8IsReadAsReplacementCharactersWithAWarning() throws IOException {
        Path export = folder("latin1", "messages.csv", "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n");
        byte[] bytes = (CONNECTIONS + "Caf").getBytes(StandardCharsets.ISO_8859_1);
        byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 30);
        byte[] tail = {(byte) 0xE9, ',', 'F', 'a', 'k', 'e', ',', ',', ',', ',', ',', '0', '3', ' ', 'J', 'a', 'n', ' ',
            '2', '0', '2', '4', '\n'};
        System.arraycopy(tail, 0, withBad, bytes.length, tail.length);
        Files.write(export.resolve("Connections.csv"), java.util.Arrays.copyOf(withBad, bytes.length + tail.length));
        Canonical.Export e = one(export);
        assertThat(e.ties()).hasSize(3);
        assertThat(e.export().warnings()).contains(
                "1 byte sequence(s) in Connections.csv are not valid UTF-8 and were read as U+FFFD");
    }

    @Test
    void unclosedQuoteKeepsTheRowsBeforeIt() throws IOException {
        Canonical.Export e = one(folder("quote", "Connections.csv", CONNECTIONS
                + "\"Carl,Fakethree,https://www.linkedin.com/in/fake-carl-03,,,,03 Jan 2024\n"
                + "Dora,Fakefour,https://www.linkedin.com/in/fake-dora-04,,,,04 Jan 2024\n"));
        assertThat(e.ties()).hasSize(2);
        assertThat(e.rejects()).extracting(Canonical.RejectRow::reasonCode).contains("malformed_csv");
        assertThat(e.rejects()).extracting(Canonical.RejectRow::location).contains("line 4");
    }

    @Test
    void rowsSwallowedByAnUnclosedQuoteAreCountedAsRejected() throws IOException {
        StringBuilder messages = new StringBuilder("CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n");
        messages.append("c1,Fake Sender,,Owen,2024-01-01 10:00:00 UTC,\"unclosed\n");
        for (int i = 1; i < 100_000; i++) {
            messages.append("c").append(i % 50).append(",Fake Sender,,Owen,2024-01-01 10:00:00 UTC,hi\n");
        }
        Path export = folder("swallowed", "Connections.csv", CONNECTIONS);
        Files.writeString(export.resolve("messages.csv"), messages);
        Canonical.Export e = one(export);
        FileStats stats = e.export().files().stream().filter(f -> f.file().equals("messages.csv")).findFirst()
                .orElseThrow();
        assertThat(stats.read()).isEqualTo(100_000);
        assertThat(stats.read()).isEqualTo(stats.accepted() + stats.rejected());
        assertThat(e.rejects()).extracting(Canonical.RejectRow::reasonCode)
                .contains("malformed_csv", "unread_after_malformed");
        assertThat(e.rejects()).hasSizeLessThan(10);
    }

    @Test
    void rejectRowsAreBoundedPerFileAndTheRestCountedInOneSummaryRow() throws IOException {
        StringBuilder connections = new StringBuilder(CONNECTIONS);
        for (int i = 0; i < 5_000; i++) {
            connections.append("Zed,Fake").append(i).append(",https://www.linkedin.com/in/fake-z-").append(i)
                    .append(",,,,not a date\n");
        }
        Canonical.Export e = one(folder("many-rejects", "Connections.csv", connections.toString()));
        FileStats stats = e.export().files().stream().filter(f -> f.file().equals("Connections.csv")).findFirst()
                .orElseThrow();
        assertThat(stats.rejected()).isEqualTo(5_000);
        assertThat(stats.read()).isEqualTo(stats.accepted() + stats.rejected());
        assertThat(e.rejects()).hasSize(io.tiedepth.model.ParsedExport.MAX_REJECT_ROWS_PER_FILE + 1);
        assertThat(e.rejects().get(e.rejects().size() - 1).reason())
                .startsWith("4000 more rejected row(s) of Connections.csv are not listed");
    }

    @Test
    void symbolicLinksAreNeverFollowedInsideAnExportOrAsTheExport() throws IOException {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("secret.csv"),
                CONNECTIONS);
        Path inner = folder("inner-link", "messages.csv", "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n");
        Files.createSymbolicLink(inner.resolve("Connections.csv"), outside);
        Canonical.Export e = one(inner);
        assertThat(e.ties()).isEmpty();
        assertThat(e.export().status()).isEqualTo("rejected");
        assertThat(reason(e)).isEqualTo("symbolic_link: Cannot read export: it holds 1 symbolic link(s), and links "
                + "are never followed");

        Path real = folder("real", "Connections.csv", CONNECTIONS);
        Path linked = Files.createSymbolicLink(dir.resolve("linked-export"), real);
        Canonical.Export l = one(linked);
        assertThat(l.ties()).isEmpty();
        assertThat(reason(l)).startsWith("symbolic_link: Cannot read export: it is a symbolic link");
        assertThat(io.tiedepth.source.Inbox.discover(dir)).contains(linked);
    }

    @Test
    void anExportWithNothingAcceptedIsNotAnOwner() throws IOException {
        Canonical.Export e = one(folder("zero-byte", "Connections.csv", ""));
        assertThat(e.ties()).isEmpty();
        assertThat(e.export().status()).isEqualTo("rejected");
        assertThat(e.export().warnings()).anyMatch(w -> w.startsWith("no tie, interaction or invitation"));
        assertThat(one(folder("one-tie", "Connections.csv", CONNECTIONS)).export().status()).isEqualTo("ok");
    }

    @Test
    void emptyExportsAreRejected() throws IOException {
        assertThat(reason(one(Files.createDirectories(dir.resolve("empty")))))
                .isEqualTo("empty_export: Cannot read export: it holds no files");
        Path emptyZip = dir.resolve("empty.zip");
        try (OutputStream out = Files.newOutputStream(emptyZip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.finish();
        }
        assertThat(reason(one(emptyZip))).isEqualTo("empty_export: Cannot read export: it holds no files");
    }

    @Test
    void exportWithOnlyUnknownFilesIsRejected() throws IOException {
        Canonical.Export e = one(folder("unknown", "notes.docx", "x", "photos/a.jpg", "y"));
        assertThat(reason(e)).isEqualTo("unknown_platform: Cannot place export: no LinkedIn, Facebook, X, "
                + "network-dataset or canonical files found in it");
    }

    @Test
    void jsonNestedTenThousandDeepIsRejectedAsAFile() throws IOException {
        String deep = "{\"friends_v2\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        Canonical.Export e = one(folder("deep", "friends_and_followers/friends.json", deep,
                "messages/inbox/fakeuser_1/message_1.json", "{\"participants\":[],\"messages\":[]}"));
        assertThat(e.rejects()).isNotEmpty();
        assertThat(reason(e) + e.export().warnings()).containsIgnoringCase("nest");
    }

    @Test
    void fileOfNulBytesIsRejectedWithItsReason() throws IOException {
        Path export = folder("nul", "messages.csv", "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n");
        Files.write(export.resolve("Connections.csv"), new byte[64 * 1024]);
        Canonical.Export e = one(export);
        assertThat(reason(e)).contains("Connections.csv");
    }

    @Test
    void timestampsIn1900And2100AreRejectedAsImplausible() throws IOException {
        Canonical.Export e = one(folder("years", "Connections.csv", CONNECTIONS
                + "Old,Fakefive,https://www.linkedin.com/in/fake-old-05,,,,01 Jan 1900\n"
                + "New,Fakesix,https://www.linkedin.com/in/fake-new-06,,,,01 Jan 2100\n"));
        assertThat(e.ties()).hasSize(2);
        assertThat(e.rejects()).extracting(Canonical.RejectRow::reason).containsExactly(
                "date outside the plausible range 1995-2099 in column Connected On",
                "date outside the plausible range 1995-2099 in column Connected On");
    }
}
