package io.tiedepth.ingest.facebook;

import static io.tiedepth.ingest.SocialSampleSupport.ch;
import static io.tiedepth.ingest.SocialSampleSupport.f;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.SocialSampleSupport;
import io.tiedepth.ingest.SocialSampleSupport.Expected;
import io.tiedepth.model.Canonical;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed Facebook samples yield exactly the counts in {@code data-samples/facebook/README.md}. */
class FacebookSamplesTest {
    static final Path SAMPLES = Path.of("..", "data-samples", "facebook");

    private static String t(String folder) {
        return ThreadPaths.threadLabel(folder);
    }

    static final List<Expected> EXPECTED = List.of(
            new Expected("facebook-2018", "facebook-2018", "ok", 4, 8, 3, 3,
                    ch("call", 1, "comment", 1, "message", 4, "reaction", 1, "wall_post", 1), List.of(
                    f("friends/friends.json", 4, 3, 1),
                    f("friends/removed_friends.json", 1, 1, 0),
                    f("friends/sent_friend_requests.json", 1, 1, 0),
                    f("friends/received_friend_requests.json", 1, 1, 0),
                    f("friends/rejected_friend_requests.json", 1, 1, 0),
                    f("messages/" + t("testymockington_1a2b3c4d5e") + "/message.json", 3, 3, 0),
                    f("messages/" + t("dummyoplaceholder_6f7a8b9c0d") + "/message.json", 3, 2, 1),
                    f("comments/comments.json", 3, 2, 1),
                    f("likes_and_reactions/posts_and_comments.json", 2, 2, 0),
                    f("posts/your_posts_1.json", 2, 2, 0)), List.of()),
            new Expected("facebook-2021", "facebook-2021", "ok", 4, 18, 3, 1,
                    ch("call", 1, "comment", 2, "message", 13, "reaction", 2), List.of(
                    f("friends_and_followers/friends.json", 3, 3, 0),
                    f("friends_and_followers/removed_friends.json", 1, 1, 0),
                    f("friends_and_followers/friend_requests_received.json", 1, 1, 0),
                    f("friends_and_followers/friend_requests_sent.json", 1, 1, 0),
                    f("friends_and_followers/rejected_friend_requests.json", 1, 1, 0),
                    f("messages/inbox/" + t("hakanfakesson_1111111111") + "/message_1.json", 4, 4, 0),
                    f("messages/inbox/" + t("hakanfakesson_1111111111") + "/message_2.json", 2, 2, 0),
                    f("messages/inbox/" + t("fakegroupchat_5555555555") + "/message_1.json", 5, 5, 0),
                    f("messages/archived_threads/" + t("zoenotreal_2222222222") + "/message_1.json", 2, 2, 0),
                    f("messages/filtered_threads/" + t("randomstrangerton_3333333333") + "/message_1.json", 1, 1, 0),
                    f("messages/message_requests/" + t("recruitymchireface_4444444444") + "/message_1.json", 1, 1, 0),
                    f("comments_and_reactions/comments.json", 2, 2, 0),
                    f("comments_and_reactions/posts_and_comments.json", 3, 2, 1)),
                    List.of("Messenger: 2 system message(s) (joins, leaves), 1 unsent, 1 repeated and 0 sent to a "
                            + "thread with nobody else were counted but are not interactions")),
            new Expected("facebook-2023", "facebook-2023", "ok", 2, 3, 0, 0, ch("message", 3), List.of(
                    f("connections/friends/your_friends.json", 2, 2, 0),
                    f("your_activity_across_facebook/messages/inbox/" + t("samplesamplesson_6666666666")
                            + "/message_1.json", 3, 3, 0)), List.of()),
            new Expected("facebook-fakeuser-2024.zip", "facebook-2024", "ok", 3, 7, 2, 3,
                    ch("comment", 1, "message", 4, "reaction", 2), List.of(
                    f("connections/friends/your_friends.json", 3, 3, 0),
                    f("connections/friends/sent_friend_requests.json", 1, 1, 0),
                    f("connections/friends/received_friend_requests.json", 2, 1, 1),
                    f("your_facebook_activity/messages/inbox/" + t("testymockington_7777777777") + "/message_1.json",
                            2, 2, 0),
                    f("your_facebook_activity/messages/e2ee_cutover/" + t("zoenotreal_8888888888") + "/message_1.json",
                            2, 2, 0),
                    f("your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json", 3, 2, 1),
                    f("your_facebook_activity/comments_and_reactions/comments.json", 1, 1, 0),
                    f("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", 1, 0, 1)),
                    List.of("Cannot read activity file: it is not valid JSON (line 2, column 119) "
                                    + "(your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json)",
                            "Messenger history ends at 2023-06-01, long before the export's last event on "
                                    + "2023-12-19 (E2EE cut-over?); the export has an e2ee_cutover section")),
            new Expected("facebook-html", "unknown", "rejected", 0, 0, 0, 1, ch(), List.of(
                    f("friends/friends.html", 1, 0, 1)),
                    List.of("Cannot read Facebook export: it was downloaded as HTML; download it again choosing "
                            + "the JSON format (friends/friends.html)")));

    @Test
    void everySampleYieldsTheDocumentedCountsAndLeaksNothing() throws Exception {
        Ingestor ingestor = SocialSampleSupport.ingestor();
        Map<String, Expected> expected = EXPECTED.stream()
                .collect(Collectors.toMap(Expected::export, Function.identity()));
        List<Path> exports = SocialSampleSupport.exports(SAMPLES);
        assertThat(exports).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Path export : exports) {
            List<Canonical.Export> out = ingestor.ingest(export);
            assertThat(out).hasSize(1);
            Canonical.Export got = out.get(0);
            assertThat(got.export().platform()).isEqualTo("facebook");
            SocialSampleSupport.check(expected.get(export.getFileName().toString()), got);
            SocialSampleSupport.assertNoLeak(SocialSampleSupport.inputStrings(export),
                    SocialSampleSupport.outputStrings(got), export.getFileName().toString());
        }
    }

    @Test
    void theLeakCheckSeesNamesTextsAndThreadFolders() throws Exception {
        assertThat(SocialSampleSupport.inputStrings(SAMPLES.resolve("facebook-2021"))).contains("Fakey McTestface",
                "Håkan Fakesson", "H\u00c3\u00a5kan Fakesson", "hakanfakesson_1111111111", "hakanfakesson",
                "Tack så mycket! \ud83d\ude22", "Spammy McSpamface", "Grått väder idag");
        assertThat(SocialSampleSupport.inputStrings(SAMPLES.resolve("facebook-html"))).contains("Testy Mockington");
    }

    @Test
    void theMojibakedFriendIsOneContact() {
        Canonical.Export e = SocialSampleSupport.ingestor().ingest(SAMPLES.resolve("facebook-2021")).get(0);
        // Håkan Fakesson: clean in friends.json, mojibake in Messenger and comments
        String hakan = e.ties().stream().filter(t -> t.connectedAt() != null
                && t.connectedAt().getEpochSecond() == 1609502400L).findFirst().orElseThrow().contactId();
        assertThat(e.interactions()).filteredOn(i -> i.contactId().equals(hakan))
                .extracting(Canonical.InteractionRow::channel)
                .containsExactlyInAnyOrder("message", "message", "call", "message", "message", "comment");
    }

    @Test
    void theZipHasTheE2eeWarningAndTheHtmlExportItsReason() {
        Canonical.Export zip = SocialSampleSupport.ingestor()
                .ingest(SAMPLES.resolve("facebook-fakeuser-2024.zip")).get(0);
        assertThat(zip.export().warnings()).contains("Messenger history ends at 2023-06-01, long before the "
                + "export's last event on 2023-12-19 (E2EE cut-over?); the export has an e2ee_cutover section");
        Canonical.Export html = SocialSampleSupport.ingestor().ingest(SAMPLES.resolve("facebook-html")).get(0);
        assertThat(html.rejects()).singleElement().satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo("html_export");
            assertThat(r.reason()).isEqualTo("Cannot read Facebook export: it was downloaded as HTML; download it "
                    + "again choosing the JSON format (friends/friends.html)");
        });
    }
}
