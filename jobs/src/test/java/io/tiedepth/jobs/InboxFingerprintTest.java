package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InboxFingerprint}: what makes an inbox "unchanged" for the no-op decided before Spark starts. Names, sizes
 * and modification times of what ingest would read count; what inbox discovery skips does not.
 */
class InboxFingerprintTest {
    private static final String KEY = "0123456789abcdef";
    private static final FileTime THEN = FileTime.fromMillis(1_700_000_000_000L);

    @TempDir
    Path inbox;
    private String before;

    @BeforeEach
    void donations() throws IOException {
        Path li = Files.createDirectories(inbox.resolve("linkedin/li-01"));
        write(li.resolve("Connections.csv"), "First Name,Last Name\nAda,Fake\n");
        write(li.resolve("messages.csv"), "FROM,TO\n");
        write(Files.createDirectories(inbox.resolve("linkedin/li-02")).resolve("Connections.csv"), "First Name\n");
        write(inbox.resolve("fb-01.zip"), "PK not really a zip");
        before = fingerprint();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, THEN);
    }

    private String fingerprint() throws IOException {
        return InboxFingerprint.of(inbox, KEY).fingerprint();
    }

    @Test
    void anUnchangedInboxHasTheSameFingerprintAndCountsItsDonations() throws IOException {
        assertThat(fingerprint()).isEqualTo(before).hasSize(64);
        assertThat(InboxFingerprint.of(inbox, KEY).sources()).isEqualTo(3);
    }

    @Test
    void anAddedDonationChangesIt() throws IOException {
        write(inbox.resolve("fb-02.zip"), "PK");
        assertThat(fingerprint()).isNotEqualTo(before);
    }

    @Test
    void anAddedEmptyExportFolderChangesIt() throws IOException {
        Files.createDirectories(inbox.resolve("x-01"));
        assertThat(fingerprint()).isNotEqualTo(before);
    }

    @Test
    void aFileOfAnotherSizeChangesIt() throws IOException {
        Path f = inbox.resolve("linkedin/li-01/Connections.csv");
        Files.writeString(f, "Bob,Fake\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(f, THEN);
        assertThat(fingerprint()).isNotEqualTo(before);
    }

    @Test
    void aTouchedFileChangesIt() throws IOException {
        Files.setLastModifiedTime(inbox.resolve("fb-01.zip"), FileTime.fromMillis(THEN.toMillis() + 1));
        assertThat(fingerprint()).isNotEqualTo(before);
    }

    @Test
    void aDeletedOrRenamedFileChangesIt() throws IOException {
        Files.move(inbox.resolve("linkedin/li-01/messages.csv"), inbox.resolve("linkedin/li-01/messages2.csv"));
        String renamed = fingerprint();
        Files.delete(inbox.resolve("linkedin/li-01/messages2.csv"));
        assertThat(List.of(renamed, fingerprint())).doesNotContain(before).doesNotHaveDuplicates();
    }

    @Test
    void aDotFileInsideAnExportFolderChangesItAsTheFolderReaderListsIt() throws IOException {
        write(inbox.resolve("linkedin/li-01/.hidden.csv"), "x");
        assertThat(fingerprint()).isNotEqualTo(before);
    }

    @Test
    void whatDiscoverySkipsDoesNotChangeIt() throws IOException {
        Files.writeString(inbox.resolve(".DS_Store"), "finder");
        Files.writeString(inbox.resolve("linkedin/README.md"), "# batch of donations");
        Files.createDirectories(inbox.resolve(".trash/old-export"));
        Files.writeString(inbox.resolve(".trash/old-export/Connections.csv"), "First Name\n");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void anotherStudyKeyChangesIt() throws IOException {
        assertThat(InboxFingerprint.of(inbox, "fedcba9876543210").fingerprint()).isNotEqualTo(before);
    }

    @Test
    void aSameSizeSameTimeReplacementIsNotSeen() throws IOException {
        write(inbox.resolve("linkedin/li-01/messages.csv"), "TO,FROM\n");
        assertThat(fingerprint()).as("the documented blind spot").isEqualTo(before);
    }

    @Test
    void isRecordedByRenameAndReadBack(@TempDir Path warehouse) throws IOException {
        assertThat(InboxFingerprint.read(warehouse)).isEmpty();
        InboxFingerprint.Recorded first = new InboxFingerprint.Recorded(before, "2026-11-20T020000-abcd",
                List.of("a", "b", "c", "d"));
        InboxFingerprint.record(warehouse, first);
        InboxFingerprint.Recorded second = new InboxFingerprint.Recorded(before, "2026-11-21T020000-beef",
                List.of("e", "f", "g", "h"));
        InboxFingerprint.record(warehouse, second);
        assertThat(InboxFingerprint.read(warehouse)).isEqualTo(Optional.of(second));
        try (var files = Files.list(warehouse.resolve(Stages.DIR))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("inbox");
        }
    }

    @Test
    void anIncompleteRecordIsNone(@TempDir Path warehouse) throws IOException {
        Files.createDirectories(warehouse.resolve(Stages.DIR));
        Files.writeString(warehouse.resolve(InboxFingerprint.FILE), "fingerprint=" + before + "\n");
        assertThat(InboxFingerprint.read(warehouse)).isEmpty();
    }
}
