package io.tiedepth.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawTie;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTest {
    private static final Pseudonymizer P =
            new Pseudonymizer(StudyKey.of("ingestor-test-key-0123456789".getBytes(StandardCharsets.UTF_8)));
    private static final Instant NOW = Instant.parse("2025-02-03T04:05:06Z");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String UNKNOWN_PLATFORM =
            "Cannot place export: no LinkedIn, Facebook, X, network-dataset or canonical files found in it";

    @TempDir
    Path dir;

    @FunctionalInterface
    interface Read {
        List<ParsedExport> read(ExportSource source) throws IOException, ReadException;
    }

    /** Recognises exports holding {@code marker}; reads them with {@code read}. */
    record FakeReader(String platform, String marker, Read read) implements ExportReader {
        @Override
        public boolean recognises(ExportSource source) throws IOException {
            return source.find(marker).isPresent();
        }

        @Override
        public List<ParsedExport> read(ExportSource source) throws IOException, ReadException {
            return read.read(source);
        }
    }

    private static FakeReader reader(Read read) {
        return new FakeReader("fake", "fake.csv", read);
    }

    private static List<ParsedExport> oneTie(ExportSource source) {
        ParsedExport p = new ParsedExport("fake");
        p.owner(PersonRef.ofUrlAndName("https://fake.example/owner", "Owner"));
        p.ties().add(new RawTie(PersonRef.ofName("Jane Doe"), null, null, "connection", "unknown", null, false));
        p.fileStats(new FileStats("fake.csv", 1, 1, 0));
        return List.of(p);
    }

    private static List<Canonical.Export> ingest(Path location, ExportReader... readers) {
        return new Ingestor(List.of(readers), P, NOW).ingest(location);
    }

    private Path folder(String name, String... files) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        for (String f : files) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "content of " + f);
        }
        return root;
    }

    private Path zip(String name, String... files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String f : files) {
                out.putNextEntry(new ZipEntry(f));
                out.write(("content of " + f).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Canonical.Export only(List<Canonical.Export> out) {
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static void assertRejected(Canonical.Export e, String exportId, String platform, String file,
                                       String code, String reason) {
        assertThat(e.export().exportId()).isEqualTo(exportId);
        assertThat(e.export().status()).isEqualTo("rejected");
        assertThat(e.export().platform()).isEqualTo(platform);
        assertThat(e.export().ingestedAt()).isEqualTo(NOW);
        assertThat(e.export().warnings()).containsExactly(reason);
        assertThat(e.rejects()).containsExactly(new Canonical.RejectRow(exportId, platform, file, "export", code, reason));
    }

    @Nested
    class Accepted {
        @Test
        void folderIsReadByTheRecognisingReaderUnderItsFolderId() throws IOException {
            Path f = folder("donation", "fake.csv");
            String folderId;
            try (ExportSource s = ExportSource.open(f)) {
                folderId = s.exportId();
            }

            Canonical.Export e = only(ingest(f, reader(IngestorTest::oneTie)));

            assertThat(e.export().status()).isEqualTo("ok");
            assertThat(e.export().exportId()).isEqualTo(folderId);
            assertThat(e.export().platform()).isEqualTo("fake");
            assertThat(e.export().sizeBytes()).isEqualTo("content of fake.csv".length());
            assertThat(e.ties()).hasSize(1);
            assertThat(e.ties().get(0).exportId()).isEqualTo(folderId);
        }

        @Test
        void zipIsReadUnderTheSha256OfItsBytes() throws Exception {
            Path z = zip("donation.zip", "wrapper/fake.csv");

            Canonical.Export e = only(ingest(z, reader(IngestorTest::oneTie)));

            assertThat(e.export().exportId()).isEqualTo(sha256(Files.readAllBytes(z)));
            assertThat(e.export().sizeBytes()).isEqualTo(Files.size(z));
            assertThat(e.export().status()).isEqualTo("ok");
        }

        @Test
        void firstRecognisingReaderWins() throws IOException {
            Path f = folder("donation", "fake.csv");
            FakeReader never = new FakeReader("other", "other.csv", s -> {
                throw new AssertionError("not recognised, must not be read");
            });
            FakeReader second = new FakeReader("second", "fake.csv", s -> {
                throw new AssertionError("a reader before it recognised the export");
            });

            Canonical.Export e = only(ingest(f, never, reader(IngestorTest::oneTie), second));

            assertThat(e.export().status()).isEqualTo("ok");
        }

        @Test
        void partsGetDistinctExportIdsDerivedFromTheSourceId() throws Exception {
            Path z = zip("network.zip", "fake.csv");
            String sourceId = sha256(Files.readAllBytes(z));
            Read twoOwners = s -> {
                ParsedExport a = oneTie(s).get(0);
                a.part("node-1");
                ParsedExport b = oneTie(s).get(0);
                b.part("node-2");
                return List.of(a, b);
            };

            List<Canonical.Export> out = ingest(z, reader(twoOwners));

            assertThat(out).extracting(e -> e.export().exportId()).containsExactly(
                    sha256((sourceId + "#node-1").getBytes(StandardCharsets.UTF_8)),
                    sha256((sourceId + "#node-2").getBytes(StandardCharsets.UTF_8)));
            assertThat(Ingestor.partId(sourceId, "node-1")).isEqualTo(out.get(0).export().exportId());
            assertThat(out.get(0).ties().get(0).exportId()).isEqualTo(out.get(0).export().exportId());
        }
    }

    @Nested
    class Rejected {
        @Test
        void emptyFolderIsAnEmptyExport() throws IOException {
            Path f = folder("empty");

            Canonical.Export e = only(ingest(f, reader(IngestorTest::oneTie)));

            assertRejected(e, EMPTY_SHA256, "unknown", "(export)", "empty_export",
                    "Cannot read export: it holds no files");
        }

        @Test
        void folderWithOnlyLitterIsAnEmptyExport() throws IOException {
            Path f = folder("litter", ".DS_Store", "__MACOSX/._x");

            assertThat(only(ingest(f, reader(IngestorTest::oneTie))).rejects().get(0).reasonCode())
                    .isEqualTo("empty_export");
        }

        @Test
        void emptyZipIsAnEmptyExport() throws Exception {
            Path z = zip("empty.zip");

            Canonical.Export e = only(ingest(z, reader(IngestorTest::oneTie)));

            assertRejected(e, sha256(Files.readAllBytes(z)), "unknown", "(export)", "empty_export",
                    "Cannot read export: it holds no files");
        }

        @Test
        void exportNoReaderRecognisesIsAnUnknownPlatform() throws Exception {
            Path z = zip("photos.zip", "IMG_0001.jpg", "notes.txt");

            Canonical.Export e = only(ingest(z, reader(IngestorTest::oneTie)));

            assertRejected(e, sha256(Files.readAllBytes(z)), "unknown", "(export)", "unknown_platform",
                    UNKNOWN_PLATFORM);
            assertThat(e.export().sizeBytes()).isEqualTo(Files.size(z));
        }

        @Test
        void readExceptionBecomesARejectWithItsCodeAndFile() throws Exception {
            Path z = zip("donation.zip", "fake.csv");
            Read missingHeader = s -> {
                throw new ReadException("missing_header", "Cannot read fake.csv: no header", "data/fake.csv", 0);
            };

            Canonical.Export e = only(ingest(z, reader(missingHeader)));

            assertRejected(e, sha256(Files.readAllBytes(z)), "fake", "data/fake.csv", "missing_header",
                    "Cannot read fake.csv: no header (data/fake.csv)");
            assertThat(e.export().files()).containsExactly(new FileStats("data/fake.csv", 1, 0, 1));
        }

        @Test
        void missingPathIsRejectedNotThrown() throws Exception {
            Path absent = dir.resolve("gone.zip");

            Canonical.Export e = only(ingest(absent, reader(IngestorTest::oneTie)));

            assertRejected(e, sha256(("unreadable:" + absent.toAbsolutePath()).getBytes(StandardCharsets.UTF_8)),
                    "unknown", "(export)", "unreadable_export", "Cannot read export: NoSuchFileException");
        }

        @Test
        void corruptZipIsRejectedWithTheOpenMessage() throws Exception {
            Path z = Files.writeString(dir.resolve("jane-doe.zip"), "not a zip");

            Canonical.Export e = only(ingest(z, reader(IngestorTest::oneTie)));

            assertRejected(e, sha256(Files.readAllBytes(z)), "unknown", "(export)", "unreadable_export",
                    "Cannot open export: not a readable zip archive (IOException)");
            assertThat(e.export().sizeBytes()).isEqualTo(9);
        }

        @Test
        void fileThatIsNeitherFolderNorZipIsRejected() throws Exception {
            Path f = Files.writeString(dir.resolve("export.rar"), "rar");

            Canonical.Export e = only(ingest(f, reader(IngestorTest::oneTie)));

            assertRejected(e, sha256("rar".getBytes(StandardCharsets.UTF_8)), "unknown", "(export)",
                    "unreadable_export", "Cannot open export: not a folder or a .zip file");
        }

        @Test
        void folderWhoseFilesCannotBeReadIsRejectedWithAnExportId() throws Exception {
            Path mem = Path.of("/proc/self/mem");
            assumeTrue(Files.isRegularFile(mem), "needs Linux /proc to simulate an unreadable file as root");
            Path f = folder("unreadable", "fake.csv");
            Files.createSymbolicLink(f.resolve("broken.csv"), mem);

            Canonical.Export e = only(ingest(f, reader(IngestorTest::oneTie)));

            // the link to the unreadable file is refused before anything is read: links are never followed
            assertRejected(e, sha256(("unreadable:" + f.toAbsolutePath()).getBytes(StandardCharsets.UTF_8)),
                    "unknown", "(export)", "symbolic_link",
                    "Cannot read export: it holds 1 symbolic link(s), and links are never followed");
        }
    }

    @Nested
    class NoContentInReasons {
        @Test
        void foreignExceptionMessageIsReplacedByItsType() throws IOException {
            Path f = folder("donation", "fake.csv");
            Read leaky = s -> {
                throw new IOException("Jane Doe <jane@example.org> wrote: see you");
            };

            Canonical.Export e = only(ingest(f, reader(leaky)));

            assertThat(e.rejects().get(0).reason()).isEqualTo("Cannot read export: IOException");
            assertThat(e.export().warnings()).containsExactly("Cannot read export: IOException");
            assertThat(e.rejects().get(0).reasonCode()).isEqualTo("unreadable_export");
        }

        @Test
        void foreignUncheckedIoExceptionIsRejectedByItsType() throws IOException {
            Path f = folder("donation", "fake.csv");
            Read leaky = s -> {
                throw new UncheckedIOException(new IOException("/inbox/janedoe_1234/message_1.json"));
            };

            Canonical.Export e = only(ingest(f, reader(leaky)));

            assertThat(e.rejects().get(0).reason()).isEqualTo("Cannot read export: UncheckedIOException");
            assertThat(e.export().status()).isEqualTo("rejected");
        }

        @Test
        void messageInTheCannotFormIsKept() throws IOException {
            Path f = folder("donation", "fake.csv");
            Read ours = s -> {
                throw new IOException("Cannot read member: encrypted or compressed with an unsupported method");
            };

            Canonical.Export e = only(ingest(f, reader(ours)));

            assertThat(e.rejects().get(0).reason())
                    .isEqualTo("Cannot read member: encrypted or compressed with an unsupported method");
        }

        @Test
        void messageThatOnlyContainsCannotIsNotKept() throws IOException {
            Path f = folder("donation", "fake.csv");
            Read leaky = s -> {
                throw new IOException("Jane Doe: Cannot parse");
            };

            assertThat(only(ingest(f, reader(leaky))).rejects().get(0).reason())
                    .isEqualTo("Cannot read export: IOException");
        }
    }
}
