package io.tiedepth.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiedepth.ingest.twitter.YtdFiles.DataFile;
import io.tiedepth.ingest.twitter.YtdFiles.Type;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YtdFilesTest {

    private static List<String> items(String text) throws IOException {
        return items(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> items(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        YtdFiles.forEachItem(new ByteArrayInputStream(bytes), (n, at) -> out.add(at + "=" + n.path("a").asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "window.YTD.tweets.part0 = [{\"a\":\"x=1\"},{\"a\":\"y\"}]",
        "window.YTD.tweets.part12=[{\"a\":\"x=1\"},{\"a\":\"y\"}]",
        "  [{\"a\":\"x=1\"},{\"a\":\"y\"}]",
        "window.YTD.direct_messages_group.part0 =\n[\n {\"a\":\"x=1\"},\n {\"a\":\"y\"}\n]\n",
    })
    void stripsTheAssignmentPrefixUpToTheFirstEqualsSign(String text) throws IOException {
        assertThat(items(text)).containsExactly("$[0]=x=1", "$[1]=y");
    }

    @Test
    void acceptsAByteOrderMark() throws IOException {
        byte[] body = "window.YTD.account.part0 = [{\"a\":\"z\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(items(withBom)).containsExactly("$[0]=z");
    }

    @Test
    void refusesAFileWithoutAssignment() {
        assertThatThrownBy(() -> items("window.YTD.tweets.part0 " + "x".repeat(2000)))
                .hasMessage("Cannot read archive file: it has no 'window.YTD.<type>.partN =' assignment");
    }

    @Test
    void refusesAValueThatIsNotAnArray() {
        assertThatThrownBy(() -> items("window.YTD.tweets.part0 = {\"a\":1}"))
                .hasMessage("Cannot read archive file: its value is not a JSON array");
    }

    @ParameterizedTest
    @CsvSource({
        "data/account.js, ACCOUNT, 0, false",
        "data/follower.js, FOLLOWER, 0, false",
        "data/following.js, FOLLOWING, 0, false",
        "data/tweets.js, TWEETS, 0, false",
        "data/tweets-part2.js, TWEETS, 2, false",
        "data/tweet.js, TWEETS, 0, true",
        "data/tweet-part1.js, TWEETS, 1, true",
        "data/direct-messages.js, DIRECT_MESSAGES, 0, false",
        "data/direct-message.js, DIRECT_MESSAGES, 0, true",
        "data/direct-messages-part1.js, DIRECT_MESSAGES, 1, false",
        "data/direct-messages-group.js, GROUP_MESSAGES, 0, false",
        "Data/Direct-Messages-Group-part3.js, GROUP_MESSAGES, 3, false",
        "tweet.js, TWEETS, 0, true",
    })
    void classifiesDataFilesAndParts(String path, Type type, int part, boolean singular) {
        assertThat(YtdFiles.classify(path)).isEqualTo(new DataFile(path, type, part, singular));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/deleted-tweets.js", "data/direct-message-headers.js", "data/like.js",
        "data/manifest.js", "assets/js/tweets.js.map", "data/tweets_media/x.js"})
    void ignoresOtherFiles(String path) {
        assertThat(YtdFiles.classify(path)).isNull();
    }
}
