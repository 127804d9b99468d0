package io.tiedepth.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {
    @TempDir
    Path inbox;

    private Path file(String relative) throws IOException {
        return file(relative, "x");
    }

    private Path file(String relative, String content) throws IOException {
        Path f = inbox.resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, content);
    }

    private Path dir(String relative) throws IOException {
        return Files.createDirectories(inbox.resolve(relative));
    }

    private List<String> discovered() throws IOException {
        return Inbox.discover(inbox).stream().map(p -> inbox.relativize(p).toString().replace('\\', '/')).toList();
    }

    @Nested
    class AtDepthOne {
        @Test
        void zipFilesAndExportFoldersAreExports() throws IOException {
            file("b-donation.zip");
            file("A.ZIP");
            file("c-donation/Connections.csv");

            assertThat(discovered()).containsExactly("A.ZIP", "b-donation.zip", "c-donation");
        }

        @Test
        void documentationFilesInTheInboxAreNotExports() throws IOException {
            file("README.md");
            file("notes.txt");
            file("donations.csv");
            file("one.zip");

            assertThat(discovered()).containsExactly("one.zip");
        }

        @Test
        void emptyFolderIsAnExport() throws IOException {
            dir("empty-donation");

            assertThat(discovered()).containsExactly("empty-donation");
        }

        @Test
        void folderWithOnlyHiddenFilesIsAnEmptyExport() throws IOException {
            file("donation/.DS_Store");

            assertThat(discovered()).containsExactly("donation");
        }

        @Test
        void emptyInboxHasNoExports() throws IOException {
            assertThat(Inbox.discover(inbox)).isEmpty();
        }
    }

    @Nested
    class ExportFolders {
        @Test
        void anyDataFileAtTheTopMakesAFolderAnExport() throws IOException {
            file("x/account.js");
            file("y/calls.csv");

            assertThat(discovered()).containsExactly("x", "y");
        }

        @Test
        void facebookFolderWithOnlyPlatformSubFoldersIsAnExport() throws IOException {
            file("fb-donation/friends/friends.json");
            file("fb-donation/messages/inbox/janedoe_1234/message_1.json");

            assertThat(discovered()).containsExactly("fb-donation");
        }

        @Test
        void facebookFolderWithOnlyMessagesIsAnExport() throws IOException {
            file("fb-donation/messages/inbox/janedoe_1234/message_1.json");

            assertThat(discovered()).containsExactly("fb-donation");
        }

        @Test
        void twitterArchiveFolderIsAnExport() throws IOException {
            file("tw/data/tweets.js");
            file("tw/assets/app.js");

            assertThat(discovered()).containsExactly("tw");
        }

        @Test
        void folderWithAWrapperFolderIsOneExport() throws IOException {
            file("donation-17/facebook-jane-2024/friends/friends.json");
            file("donation-17/facebook-jane-2024/messages/inbox/t_1/message_1.json");

            assertThat(discovered()).containsExactly("donation-17");
        }

        @Test
        void exportFolderIsNotLookedIntoFurther() throws IOException {
            file("donation/Connections.csv");
            file("donation/nested/other.zip");
            file("donation/nested/inner/messages.csv");

            assertThat(discovered()).containsExactly("donation");
        }

        @Test
        void documentationDoesNotMakeAFolderAnExport() throws IOException {
            file("docs/README.md");
            file("docs/notes.txt");
            file("docs/PROVENANCE.md");
            file("docs/readme");

            assertThat(discovered()).isEmpty();
        }

        @Test
        void folderIsAnExportWhenDataSitsNextToDocumentation() throws IOException {
            file("cns/PROVENANCE.md");
            file("cns/calls.csv");

            assertThat(discovered()).containsExactly("cns");
        }
    }

    @Nested
    class GroupingFolders {
        @Test
        void exportsAreFoundInsideGroupingFolders() throws IOException {
            file("linkedin/README.md");
            file("linkedin/alice/Connections.csv");
            file("linkedin/bob/Connections.csv");
            file("facebook/batch-1/carol.zip");
            file("facebook/batch-1/dave/friends/friends.json");
            file("facebook/batch-1/notes.txt");
            file("twitter/erin.zip");

            assertThat(discovered()).containsExactly(
                    "facebook/batch-1/carol.zip",
                    "facebook/batch-1/dave",
                    "linkedin/alice",
                    "linkedin/bob",
                    "twitter/erin.zip");
        }

        @Test
        void groupingFolderWithOneDonationFolderIsTakenAsAWrappedExport() throws IOException {
            file("linkedin/alice/Connections.csv");

            assertThat(discovered()).containsExactly("linkedin");
        }

        @Test
        void walkingStopsAtTheMaximumDepth() throws IOException {
            file("a/b/c/d/e/Connections.csv");
            file("a/b/c/d/f/Connections.csv");
            file("a/b/c/x/README.md");
            file("a/b/c/y/README.md");

            assertThat(discovered()).containsExactly("a/b/c/d", "a/b/c/x", "a/b/c/y");
        }

        @Test
        void groupingFolderHoldingOnlyDocumentationYieldsNothing() throws IOException {
            file("linkedin/README.md");
            file("linkedin/alice/README.md");
            file("linkedin/alice/notes.txt");
            file("linkedin/bob/PROVENANCE.md");

            assertThat(discovered()).isEmpty();
        }
    }

    @Nested
    class Skipped {
        @Test
        void hiddenFilesAndFoldersAreSkipped() throws IOException {
            file(".hidden.zip");
            file(".git/config");
            file(".cache/donation/Connections.csv");
            file("visible.zip");

            assertThat(discovered()).containsExactly("visible.zip");
        }
    }

    @Nested
    class Output {
        @Test
        void isSortedByPath() throws IOException {
            file("z.zip");
            file("m/Connections.csv");
            file("group/b.zip");
            file("group/a.zip");
            file("a.zip");

            assertThat(discovered()).containsExactly("a.zip", "group/a.zip", "group/b.zip", "m", "z.zip");
        }

        @Test
        void pathsAreUnderTheInbox() throws IOException {
            Path zip = file("one.zip");

            assertThat(Inbox.discover(inbox)).containsExactly(zip);
        }
    }

    @Nested
    class Refusals {
        @Test
        void fileInsteadOfAFolderIsRefused() throws IOException {
            Path f = file("not-an-inbox.zip");

            assertThatThrownBy(() -> Inbox.discover(f))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Cannot read inbox: not a folder (" + f + ")");
        }

        @Test
        void missingFolderIsRefused() {
            Path absent = inbox.resolve("absent");

            assertThatThrownBy(() -> Inbox.discover(absent))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Cannot read inbox: not a folder (" + absent + ")");
        }
    }
}
