package io.tiedepth.ingest.twitter;

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

/** The committed X samples yield exactly the counts in {@code data-samples/twitter/README.md}. */
class TwitterSamplesTest {
    static final Path SAMPLES = Path.of("..", "data-samples", "twitter");

    static final List<Expected> EXPECTED = List.of(
            new Expected("twitter-2019", "twitter-2019", "ok", 4, 5, 0, 1, ch("mention", 1, "message", 3, "reply", 1),
                    List.of(
                    f("data/account.js", 1, 1, 0),
                    f("data/follower.js", 3, 3, 0),
                    f("data/following.js", 2, 2, 0),
                    f("data/tweet.js", 5, 4, 1),
                    f("data/direct-message.js", 3, 3, 0)),
                    List.of("X tweets: 1 self-replies, 1 self-mentions, 1 reply or mention ids of -1 or none and 1 "
                            + "retweets were counted but are not interactions")),
            new Expected("twitter-2024", "twitter-2022", "ok", 5, 14, 0, 0, ch("mention", 2, "message", 10, "reply", 2),
                    List.of(
                    f("data/manifest.js", 1, 1, 0),
                    f("data/account.js", 1, 1, 0),
                    f("data/follower.js", 4, 4, 0),
                    f("data/following.js", 3, 3, 0),
                    f("data/tweets.js", 2, 2, 0),
                    f("data/tweets-part1.js", 2, 2, 0),
                    f("data/direct-messages.js", 3, 3, 0),
                    f("data/direct-messages-group.js", 8, 8, 0)),
                    List.of("X direct messages: 5 event(s) that are not messages (joins, leaves, reactions, renames), "
                            + "0 message(s) to oneself and 0 group message(s) with nobody else present were counted "
                            + "but are not interactions")));

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
            assertThat(got.export().platform()).isEqualTo("twitter");
            assertThat(got.export().warnings()).noneMatch(w -> w.contains("owner not recognised"));
            SocialSampleSupport.check(expected.get(export.getFileName().toString()), got);
            SocialSampleSupport.assertNoLeak(SocialSampleSupport.inputStrings(export),
                    SocialSampleSupport.outputStrings(got), export.getFileName().toString());
        }
    }

    @Test
    void theLeakCheckSeesHandlesIdsAndTexts() throws Exception {
        assertThat(SocialSampleSupport.inputStrings(SAMPLES.resolve("twitter-2024"))).contains("fakeymctest",
                "Fakey McTestface", "900000000000000001", "900000000000000007", "Hello imaginary friends",
                "Sample Samplesson", "samplesam");
    }

    @Test
    void theGroupConversationFollowsItsMembers() {
        Canonical.Export e = SocialSampleSupport.ingestor().ingest(SAMPLES.resolve("twitter-2024")).get(0);
        List<Canonical.InteractionRow> group = e.interactions().stream().filter(Canonical.InteractionRow::isGroup)
                .toList();
        assertThat(group).extracting(Canonical.InteractionRow::direction)
                .containsExactly("in", "out", "out", "out", "out", "out", "out", "out");
        assertThat(group).extracting(Canonical.InteractionRow::threadId).containsOnly(group.get(0).threadId());
        assertThat(e.ties()).extracting(Canonical.TieRow::tieSource)
                .containsExactlyInAnyOrder("mutual_follow", "mutual_follow", "follower", "follower", "following");
    }
}
