package io.tiedepth.ingest.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadPathsTest {
    private static final String JANE = ThreadPaths.threadLabel("janedoe_1234");

    @ParameterizedTest
    @CsvSource({
        "messages/inbox/janedoe_1234/message_1.json, messages/inbox/#/message_1.json",
        "messages/archived_threads/janedoe_1234/message_2.json, messages/archived_threads/#/message_2.json",
        "messages/filtered_threads/janedoe_1234/message_1.json, messages/filtered_threads/#/message_1.json",
        "messages/message_requests/janedoe_1234/message_1.json, messages/message_requests/#/message_1.json",
        "your_facebook_activity/messages/e2ee_cutover/janedoe_1234/message_1.json, your_facebook_activity/messages/e2ee_cutover/#/message_1.json",
        "your_activity_across_facebook/messages/inbox/janedoe_1234/photos/1.jpg, your_activity_across_facebook/messages/inbox/#/photos/1.jpg",
        "messages/janedoe_1234/message.json, messages/#/message.json",
        "inbox/janedoe_1234/message_1.json, inbox/#/message_1.json",
        "messages/inbox/janedoe_1234, messages/inbox/#",
    })
    void replacesOnlyTheThreadFolder(String path, String expected) {
        assertThat(ThreadPaths.pseudonymize(path)).isEqualTo(expected.replace("#", JANE));
    }

    @ParameterizedTest
    @CsvSource({
        "friends/friends.json",
        "connections/friends/your_friends.json",
        "messages/stickers_used/sticker.png",
        "messages/autofill_information.json",
        "your_facebook_activity/comments_and_reactions/comments.json",
    })
    void keepsPathsWithoutNames(String path) {
        assertThat(ThreadPaths.pseudonymize(path)).isEqualTo(path);
    }

    @org.junit.jupiter.api.Test
    void labelIsTwelveHexOfSha256AndIdempotent() {
        assertThat(JANE).matches("thread-[0-9a-f]{12}");
        // sha256("janedoe_1234") starts with these 12 hex digits (checked with sha256sum)
        assertThat(JANE).isEqualTo("thread-" + sha256Prefix("janedoe_1234"));
        String once = ThreadPaths.pseudonymize("messages/inbox/janedoe_1234/message_1.json");
        assertThat(ThreadPaths.pseudonymize(once)).isEqualTo(once);
    }

    private static String sha256Prefix(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
