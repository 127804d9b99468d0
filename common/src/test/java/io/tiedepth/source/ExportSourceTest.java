package io.tiedepth.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportSourceTest {
    private static final Map<String, String> LINKEDIN = files(
            "Connections.csv", "First Name,Connected On\nJane,16 Dec 2024\n",
            "messages.csv", "FROM,TO,DATE\n",
            "Jobs/Job Applications.csv", "Application Date\n");

    @TempDir
    Path dir;

    private static Map<String, String> files(String... pathThenContent) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pathThenContent.length; i += 2) {
            m.put(pathThenContent[i], pathThenContent[i + 1]);
        }
        return m;
    }

    private static Map<String, String> under(String wrapper, Map<String, String> files) {
        Map<String, String> m = new LinkedHashMap<>();
        files.forEach((p, c) -> m.put(wrapper + p, c));
        return m;
    }

    static Path folder(Path at, Map<String, String> files) throws IOException {
        Files.createDirectories(at);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = at.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return at;
    }

    static byte[] zipBytes(Map<String, String> files, boolean withDirectoryEntries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            if (withDirectoryEntries) {
                for (String p : files.keySet()) {
                    int slash = p.lastIndexOf('/');
                    if (slash > 0) {
                        try {
                            out.putNextEntry(new ZipEntry(p.substring(0, slash + 1)));
                            out.closeEntry();
                        } catch (java.util.zip.ZipException duplicate) {
                            // directory entry already written
                        }
                    }
                }
            }
            for (Map.Entry<String, String> e : files.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Path zip(Path file, Map<String, String> files) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, zipBytes(files, true));
        return file;
    }

    private static String read(ExportSource source, String path) throws IOException {
        try (InputStream in = source.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String idOf(Path location) throws IOException {
        try (ExportSource s = ExportSource.open(location)) {
            return s.exportId();
        }
    }

    @Nested
    class BinaryMembers {
        @Test
        void aFolderMemberIsALocalFileAndAZipMemberIsNot() throws IOException {
            Map<String, String> files = under("wrap/", LINKEDIN);
            try (ExportSource f = ExportSource.open(folder(dir.resolve("f"), files));
                 ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), files))) {
                assertThat(f.localFile("Connections.csv"))
                        .contains(dir.resolve("f").resolve("wrap").resolve("Connections.csv"));
                assertThat(f.localFile("nope.csv")).isEmpty();
                assertThat(z.localFile("Connections.csv")).isEmpty();
            }
        }

        @Test
        void openBinaryReturnsTheBytesWithoutCountingThemAsText() throws IOException {
            byte[] bytes = {'P', 'A', 'R', '1', (byte) 0xff, (byte) 0xc3, 0, (byte) 0x80};
            Files.createDirectories(dir.resolve("b"));
            Files.write(dir.resolve("b/t.parquet"), bytes);
            try (ExportSource s = ExportSource.open(dir.resolve("b"))) {
                try (InputStream in = s.openBinary("t.parquet")) {
                    assertThat(in.readAllBytes()).isEqualTo(bytes);
                }
                assertThat(s.invalidUtf8()).isEmpty();
                try (InputStream in = s.open("t.parquet")) {
                    in.readAllBytes();
                }
                assertThat(s.invalidUtf8()).containsKey("t.parquet");
            }
        }
    }

    @Nested
    class MemberPaths {
        @Test
        void folderAndZipListTheSameSortedPaths() throws IOException {
            try (ExportSource f = ExportSource.open(folder(dir.resolve("f"), LINKEDIN));
                 ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), LINKEDIN))) {
                assertThat(f.paths()).containsExactly("Connections.csv", "Jobs/Job Applications.csv", "messages.csv");
                assertThat(z.paths()).isEqualTo(f.paths());
                assertThat(read(z, "Connections.csv")).isEqualTo(read(f, "Connections.csv"))
                        .isEqualTo("First Name,Connected On\nJane,16 Dec 2024\n");
            }
        }

        @Test
        void singleWrapperFolderIsStrippedInZipAndFolder() throws IOException {
            Map<String, String> wrapped = under("Basic_LinkedInDataExport_12-16-2024/", LINKEDIN);
            try (ExportSource f = ExportSource.open(folder(dir.resolve("f"), wrapped));
                 ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), wrapped))) {
                assertThat(f.paths()).containsExactly("Connections.csv", "Jobs/Job Applications.csv", "messages.csv");
                assertThat(z.paths()).isEqualTo(f.paths());
                assertThat(read(f, "Jobs/Job Applications.csv")).isEqualTo("Application Date\n");
                assertThat(read(z, "Jobs/Job Applications.csv")).isEqualTo("Application Date\n");
            }
        }

        @Test
        void onlyOneWrapperLevelIsStripped() throws IOException {
            Map<String, String> twice = under("outer/inner/", files("Connections.csv", "x"));
            try (ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), twice))) {
                assertThat(z.paths()).containsExactly("inner/Connections.csv");
                assertThat(read(z, "inner/Connections.csv")).isEqualTo("x");
            }
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"messages/inbox/janedoe_1234/message_1.json",
                "your_facebook_activity/messages/inbox/janedoe_1234/message_1.json", "data/tweets.js",
                "friends_and_followers/friends.json"})
        void singleTopLevelPlatformFolderIsNotAWrapper(String member) throws IOException {
            Map<String, String> only = files(member, "{}");
            try (ExportSource f = ExportSource.open(folder(dir.resolve("f"), only));
                 ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), only))) {
                assertThat(f.paths()).containsExactly(member);
                assertThat(z.paths()).containsExactly(member);
                assertThat(read(z, member)).isEqualTo("{}");
            }
        }

        @Test
        void twoTopLevelFoldersStripNothing() throws IOException {
            Map<String, String> two = files("data/tweets.js", "t", "assets/app.js", "a");
            try (ExportSource f = ExportSource.open(folder(dir.resolve("f"), two));
                 ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), two))) {
                assertThat(f.paths()).containsExactly("assets/app.js", "data/tweets.js");
                assertThat(z.paths()).isEqualTo(f.paths());
            }
        }

        @Test
        void aTopLevelFileNextToAFolderStripsNothing() throws IOException {
            Map<String, String> mixed = files("Your archive.html", "h", "data/tweets.js", "t");
            try (ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), mixed))) {
                assertThat(z.paths()).containsExactly("Your archive.html", "data/tweets.js");
            }
        }

        @Test
        void operatingSystemLitterIsSkippedAndDoesNotBlockWrapperStripping() throws IOException {
            Map<String, String> litter = files(
                    "facebook-jane-2024/friends/friends.json", "{}",
                    "facebook-jane-2024/.DS_Store", "junk",
                    "facebook-jane-2024/friends/.DS_Store", "junk",
                    "facebook-jane-2024/Thumbs.db", "junk",
                    "__MACOSX/facebook-jane-2024/._friends.json", "junk");
            try (ExportSource f = ExportSource.open(folder(dir.resolve("f"), litter));
                 ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), litter))) {
                assertThat(f.paths()).containsExactly("friends/friends.json");
                assertThat(z.paths()).containsExactly("friends/friends.json");
            }
        }

        @Test
        void zipDirectoryEntriesAreNotMembers() throws IOException {
            try (ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), files("a/b/c.json", "{}", "a/d.json", "1")))) {
                assertThat(z.paths()).containsExactly("b/c.json", "d.json");
            }
        }

        @Test
        void emptyFolderAndEmptyZipHaveNoMembers() throws IOException {
            Files.createDirectories(dir.resolve("empty"));
            try (ExportSource f = ExportSource.open(dir.resolve("empty"));
                 ExportSource z = ExportSource.open(zip(dir.resolve("z.zip"), Map.of()))) {
                assertThat(f.paths()).isEmpty();
                assertThat(z.paths()).isEmpty();
            }
        }

        @Test
        void pathsAreImmutable() throws IOException {
            try (ExportSource f = ExportSource.open(folder(dir.resolve("f"), LINKEDIN))) {
                assertThatThrownBy(() -> f.paths().clear()).isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @Nested
    class Find {
        private ExportSource source(Map<String, String> files) throws IOException {
            return ExportSource.open(zip(dir.resolve("find.zip"), files));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"connections.csv", "Connections.csv", "CONNECTIONS.CSV"})
        void isCaseInsensitive(String suffix) throws IOException {
            try (ExportSource s = source(files("Connections.csv", "x", "messages.csv", "y"))) {
                assertThat(s.find(suffix)).contains("Connections.csv");
            }
        }

        @Test
        void findsAMemberInASubFolder() throws IOException {
            try (ExportSource s = source(files("data/Connections.csv", "x", "other.csv", "y"))) {
                assertThat(s.find("connections.csv")).contains("data/Connections.csv");
            }
        }

        @Test
        void matchesWholeSegmentsOnly() throws IOException {
            try (ExportSource s = source(files("OldConnections.csv", "x", "data/MyConnections.csv", "y"))) {
                assertThat(s.find("connections.csv")).isEmpty();
            }
        }

        @Test
        void matchesMultiSegmentSuffixes() throws IOException {
            try (ExportSource s = source(files("connections/friends/your_friends.json", "x",
                    "your_friends.json", "y"))) {
                assertThat(s.find("Friends/Your_Friends.json")).contains("connections/friends/your_friends.json");
                assertThat(s.find("old_friends/your_friends.json")).isEmpty();
            }
        }

        @Test
        void returnsNothingWhenAbsent() throws IOException {
            try (ExportSource s = source(files("messages.csv", "y", "other.csv", "z"))) {
                assertThat(s.find("Connections.csv")).isEmpty();
            }
        }
    }

    @Nested
    class ExportId {
        @Test
        void zipIdIsSha256OfTheFileBytes() throws Exception {
            Path z = zip(dir.resolve("export.zip"), LINKEDIN);

            assertThat(idOf(z)).isEqualTo(sha256Hex(Files.readAllBytes(z))).hasSize(64);
            assertThat(ExportIds.ofFile(z)).isEqualTo(idOf(z));
        }

        @Test
        void zipSizeIsTheArchiveSize() throws IOException {
            Path z = zip(dir.resolve("export.zip"), LINKEDIN);
            try (ExportSource s = ExportSource.open(z)) {
                assertThat(s.sizeBytes()).isEqualTo(Files.size(z));
            }
        }

        @Test
        void folderIdIsSha256OverSortedPathsSizesAndContents() throws Exception {
            Path f = folder(dir.resolve("f"), files("b.csv", "second", "a/x.json", "first"));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (String[] member : new String[][] {{"a/x.json", "first"}, {"b.csv", "second"}}) {
                expected.writeBytes(member[0].getBytes(StandardCharsets.UTF_8));
                expected.write(0);
                expected.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) member[1].length()});
                expected.writeBytes(member[1].getBytes(StandardCharsets.UTF_8));
            }

            assertThat(idOf(f)).isEqualTo(sha256Hex(expected.toByteArray()));
        }

        @Test
        void folderIdDoesNotDependOnWhereTheFolderLies() throws IOException {
            Path a = folder(dir.resolve("inbox/a/export"), LINKEDIN);
            Path b = folder(dir.resolve("elsewhere/deeper/renamed"), LINKEDIN);

            assertThat(idOf(a)).isEqualTo(idOf(b));
        }

        @Test
        void folderIdChangesWhenOneByteChanges() throws IOException {
            Path a = folder(dir.resolve("a"), LINKEDIN);
            String before = idOf(a);
            Files.writeString(a.resolve("messages.csv"), "FROM,TO,DATf\n");

            assertThat(idOf(a)).isNotEqualTo(before);
        }

        @Test
        void folderIdChangesWhenAFileIsRenamed() throws IOException {
            Path a = folder(dir.resolve("a"), files("x.csv", "same"));
            Path b = folder(dir.resolve("b"), files("y.csv", "same"));

            assertThat(idOf(a)).isNotEqualTo(idOf(b));
        }

        @Test
        void folderIdDoesNotDependOnAWrapperFolder() throws IOException {
            Path bare = folder(dir.resolve("bare"), LINKEDIN);
            Path wrapped = folder(dir.resolve("wrapped"), under("alice/", LINKEDIN));

            assertThat(idOf(wrapped)).isEqualTo(idOf(bare));
            assertThat(idOf(wrapped.resolve("alice"))).isEqualTo(idOf(bare));
        }

        @Test
        void folderIdIgnoresOperatingSystemLitter() throws IOException {
            Path a = folder(dir.resolve("a"), LINKEDIN);
            String before = idOf(a);
            Files.writeString(a.resolve(".DS_Store"), "opened in Finder");

            assertThat(idOf(a)).isEqualTo(before);
        }

        @Test
        void folderSizeIsTheSumOfItsFiles() throws IOException {
            Path f = folder(dir.resolve("f"), files("a.csv", "12345", "b/c.csv", "123"));
            try (ExportSource s = ExportSource.open(f)) {
                assertThat(s.sizeBytes()).isEqualTo(8);
            }
        }
    }

    @Nested
    class Refusals {
        @Test
        void corruptZipCannotBeOpened() throws IOException {
            Path bad = dir.resolve("jane-doe.zip");
            Files.writeString(bad, "this is not a zip archive at all");

            assertThatThrownBy(() -> ExportSource.open(bad))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Cannot open export: not a readable zip archive (IOException)")
                    .message().doesNotContain("jane");
        }

        @Test
        void truncatedZipCannotBeOpened() throws IOException {
            byte[] whole = zipBytes(LINKEDIN, false);
            Path cut = dir.resolve("cut.zip");
            Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 30));

            assertThatThrownBy(() -> ExportSource.open(cut))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Cannot open export: not a readable zip archive");
        }

        @Test
        void fileThatIsNeitherFolderNorZipIsRefused() throws IOException {
            Path tar = Files.writeString(dir.resolve("export.tar.gz"), "x");

            assertThatThrownBy(() -> ExportSource.open(tar))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Cannot open export: not a folder or a .zip file");
        }

        @Test
        void missingLocationIsRefused() {
            assertThatThrownBy(() -> ExportSource.open(dir.resolve("absent.zip")))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Cannot open export: not a folder or a .zip file");
        }

        @Test
        void upperCaseZipExtensionIsAZip() throws IOException {
            try (ExportSource s = ExportSource.open(zip(dir.resolve("EXPORT.ZIP"), LINKEDIN))) {
                assertThat(s.paths()).hasSize(3);
            }
        }

        @Test
        void memberNotInTheZipCannotBeOpened() throws IOException {
            try (ExportSource s = ExportSource.open(zip(dir.resolve("z.zip"), LINKEDIN))) {
                assertThatThrownBy(() -> s.open("Invitations.csv"))
                        .isInstanceOf(IOException.class)
                        .hasMessage("Cannot open member: not in the archive");
            }
        }

        @Test
        void encryptedMemberIsListedButCannotBeRead() throws IOException {
            byte[] bytes = zipBytes(files("Connections.csv", "First Name,Connected On\n", "messages.csv", "m"), false);
            setEncryptionFlag(bytes, "Connections.csv");
            Path z = dir.resolve("encrypted.zip");
            Files.write(z, bytes);

            try (ExportSource s = ExportSource.open(z)) {
                assertThat(s.paths()).containsExactly("Connections.csv", "messages.csv");
                assertThat(read(s, "messages.csv")).isEqualTo("m");
                assertThatThrownBy(() -> s.open("Connections.csv"))
                        .isInstanceOf(IOException.class)
                        .hasMessage("Cannot read member: encrypted or compressed with an unsupported method");
            }
        }

        /**
         * Sets general-purpose bit 0 (traditional PKWARE encryption) of one entry, in its local header and its
         * central directory header; Commons Compress refuses to write such entries itself.
         */
        private void setEncryptionFlag(byte[] zip, String name) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            int patched = 0;
            for (int i = 0; i + 46 < zip.length; i++) {
                boolean local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
                boolean central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
                int nameAt = local ? i + 30 : i + 46;
                if ((local || central) && java.util.Arrays.equals(zip, nameAt, nameAt + n.length, n, 0, n.length)) {
                    zip[i + (local ? 6 : 8)] |= 1;
                    patched++;
                }
            }
            assertThat(patched).as("headers patched").isEqualTo(2);
        }
    }
}
