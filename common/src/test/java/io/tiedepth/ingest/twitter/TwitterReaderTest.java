package io.tiedepth.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.Reject;
import io.tiedepth.source.ExportSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwitterReaderTest {
    static final String OWNER = "900000000000000001";
    static final String ACCOUNT = "window.YTD.account.part0 = [{\"account\":{\"email\":\"fakey@example.invalid\","
            + "\"username\":\"fakeymctest\",\"accountId\":\"" + OWNER + "\",\"accountDisplayName\":\"Fakey\"}}]";
    private static final TwitterReader READER = new TwitterReader();

    @TempDir
    Path dir;

    ParsedExport read(Map<String, String> files) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.putIfAbsent("Your archive.html", "<html></html>");
        for (Map.Entry<String, String> f : all.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        try (ExportSource s = ExportSource.open(dir)) {
            assertThat(READER.recognises(s)).isTrue();
            List<ParsedExport> out = READER.read(s);
            assertThat(out).hasSize(1);
            assertThat(out.get(0).files().values()).allMatch(FileStats::balanced);
            return out.get(0);
        }
    }

    static String ytd(String global, String... items) {
        return "window.YTD." + global + " = [" + String.join(",", items) + "]";
    }

    static String tweet(boolean wrapper, String id, String createdAt, String replyTo, String text,
                        String... mentionIds) {
        StringBuilder mentions = new StringBuilder();
        for (String m : mentionIds) {
            mentions.append(mentions.length() > 0 ? "," : "").append("{\"name\":\"Fake\",\"screen_name\":\"fake\","
                    + "\"indices\":[\"0\",\"5\"],\"id_str\":\"").append(m).append("\",\"id\":\"").append(m).append("\"}");
        }
        String t = "{\"id_str\":\"" + id + "\",\"created_at\":\"" + createdAt + "\",\"full_text\":\"" + text + "\","
                + (replyTo == null ? "" : "\"in_reply_to_user_id_str\":\"" + replyTo + "\",")
                + "\"entities\":{\"user_mentions\":[" + mentions + "]}}";
        return wrapper ? "{\"tweet\":" + t + "}" : t;
    }

    static String dm(String sender, String recipient, String at, String text) {
        return "{\"messageCreate\":{" + (recipient == null ? "" : "\"recipientId\":\"" + recipient + "\",")
                + "\"text\":\"" + text + "\",\"senderId\":\"" + sender + "\",\"id\":\"1\",\"createdAt\":\"" + at + "\"}}";
    }

    static List<String> summary(List<RawInteraction> is) {
        return is.stream().map(i -> i.channel() + " " + i.direction() + " " + i.contact().accountId() + " "
                + i.at() + (i.isGroup() ? " group" : "")).toList();
    }

    @Nested
    class Owner {
        @Test
        void isTheAccountIdAndTheHandleOnlyAnAlias() throws Exception {
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT));
            assertThat(p.owner()).isEqualTo(PersonRef.ofAccount(OWNER));
            assertThat(p.aliases()).containsExactly(new PersonRef(OWNER, null, "fakeymctest"));
            assertThat(p.files().get("data/account.js")).isEqualTo(new FileStats("data/account.js", 1, 1, 0));
        }

        @Test
        void fallsBackOnTheManifestThenOnDmConversationIds() throws Exception {
            ParsedExport m = read(Map.of("data/manifest.js",
                    "window.__THAR_CONFIG = {\"userInfo\":{\"accountId\":\"" + OWNER + "\"},\"dataTypes\":{}}",
                    "data/tweets.js", ytd("tweets.part0")));
            assertThat(m.owner()).isEqualTo(PersonRef.ofAccount(OWNER));
        }

        @Test
        void isTheIdInEveryOneToOneConversationWhenNothingElseNamesIt() throws Exception {
            ParsedExport p = read(Map.of("data/tweets.js", ytd("tweets.part0"),
                    "data/direct-messages.js", ytd("direct_messages.part0",
                            "{\"dmConversation\":{\"conversationId\":\"" + OWNER + "-5\",\"messages\":["
                                    + dm("5", OWNER, "2024-01-01T00:00:00.000Z", "hi") + "]}}",
                            "{\"dmConversation\":{\"conversationId\":\"6-" + OWNER + "\",\"messages\":["
                                    + dm(OWNER, "6", "2024-01-02T00:00:00.000Z", "yo") + "]}}")));
            assertThat(p.owner()).isEqualTo(PersonRef.ofAccount(OWNER));
            assertThat(summary(p.interactions())).containsExactly(
                    "message in 5 2024-01-01T00:00:00Z", "message out 6 2024-01-02T00:00:00Z");
        }

        @Test
        void unknownOwnerRejectsDirectMessages() throws Exception {
            ParsedExport p = read(Map.of("data/tweets.js", ytd("tweets.part0"),
                    "data/direct-messages.js", ytd("direct_messages.part0",
                            "{\"dmConversation\":{\"conversationId\":\"5-6\",\"messages\":["
                                    + dm("5", "6", "2024-01-01T00:00:00.000Z", "hi") + "]}}")));
            assertThat(p.owner()).isNull();
            assertThat(p.rejects()).extracting(Reject::reasonCode).containsExactly("owner_unknown");
        }
    }

    @Nested
    class Follows {
        @Test
        void followerAndFollowingMakeOneMutualTieWithoutDate() throws Exception {
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT,
                    "data/follower.js", ytd("follower.part0", "{\"follower\":{\"accountId\":\"2\",\"userLink\":\"x\"}}",
                            "{\"follower\":{\"accountId\":\"3\"}}", "{\"follower\":{}}"),
                    "data/following.js", ytd("following.part0", "{\"following\":{\"accountId\":\"3\"}}",
                            "{\"following\":{\"accountId\":\"4\"}}")));
            assertThat(p.ties()).containsExactlyInAnyOrder(
                    new RawTie(PersonRef.ofAccount("2"), null, null, "follower", "unknown", null, false),
                    new RawTie(PersonRef.ofAccount("3"), null, null, "mutual_follow", "unknown", null, false),
                    new RawTie(PersonRef.ofAccount("4"), null, null, "following", "unknown", null, false));
            assertThat(p.rejects()).containsExactly(new Reject("data/follower.js", "$[2]", "missing_account_id",
                    "Cannot read follower: it has no accountId"));
            assertThat(p.files().get("data/follower.js")).isEqualTo(new FileStats("data/follower.js", 3, 2, 1));
        }

        @Test
        void keepsIdsAsStrings() throws Exception {
            String huge = "123456789012345678901234567890";
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT,
                    "data/follower.js", ytd("follower.part0", "{\"follower\":{\"accountId\":\"" + huge + "\"}}",
                            "{\"follower\":{\"accountId\":\"007\"}}", "{\"follower\":{\"accountId\":42}}")));
            assertThat(p.ties()).extracting(t -> t.contact().accountId()).containsExactly(huge, "007", "42");
        }
    }

    @Nested
    class TweetsFiles {
        @Test
        void readsRepliesAndMentionsAndIgnoresSelfRepliesMinusOneAndRetweets() throws Exception {
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT,
                    "data/tweets.js", ytd("tweets.part0",
                            tweet(true, "10", "Fri Mar 01 12:00:00 +0000 2024", "2", "@a @b two words", "2", "5", "5"),
                            tweet(true, "11", "Sat Mar 02 12:00:00 +0000 2024", OWNER, "my own thread", OWNER, "-1"),
                            tweet(true, "12", "Sun Mar 03 12:00:00 +0000 2024", null, "RT @x: amplified", "6"),
                            tweet(true, "13", "Mon Mar 04 12:00:00 +0000 2024", "-1", "a &amp; b"),
                            tweet(true, "14", "yesterday", "2", "broken"),
                            "[]")));
            assertThat(summary(p.interactions())).containsExactly(
                    "reply out 2 2024-03-01T12:00:00Z", "mention out 5 2024-03-01T12:00:00Z");
            assertThat(p.interactions().get(0).words()).isEqualTo(4);
            assertThat(p.interactions().get(0).chars()).isEqualTo(15);
            assertThat(p.rejects()).extracting(Reject::location, Reject::reasonCode).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("$[4]", "bad_date"),
                    org.assertj.core.groups.Tuple.tuple("$[5]", "not_object"));
            assertThat(p.rejects().get(0).reason())
                    .isEqualTo("Cannot read tweet: created_at: unknown date format 'aaaaaaaaa'");
            assertThat(p.warnings()).containsExactly("X tweets: 1 self-replies, 1 self-mentions, 2 reply or mention "
                    + "ids of -1 or none and 1 retweets were counted but are not interactions");
            assertThat(p.files().get("data/tweets.js")).isEqualTo(new FileStats("data/tweets.js", 6, 4, 2));
        }

        @Test
        void readsEveryPartListedInTheManifestAndChecksItsCounts() throws Exception {
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT,
                    "data/manifest.js", "window.__THAR_CONFIG = {\"dataTypes\":{\"tweets\":{\"files\":["
                            + "{\"fileName\":\"data/tweets.js\",\"count\":\"1\"},"
                            + "{\"fileName\":\"data/tweets-part1.js\",\"count\":\"1\"},"
                            + "{\"fileName\":\"data/tweets-part2.js\",\"count\":\"3\"},"
                            + "{\"fileName\":\"data/tweets-part3.js\",\"count\":\"1\"}]}}}",
                    "data/tweets.js", ytd("tweets.part0", tweet(true, "1", "Fri Mar 01 12:00:00 +0000 2024", "2", "a")),
                    "data/tweets-part1.js", ytd("tweets.part1", tweet(true, "2", "Fri Mar 01 11:00:00 +0000 2024", "3", "b")),
                    "data/tweets-part2.js", ytd("tweets.part2", tweet(true, "3", "Fri Mar 01 10:00:00 +0000 2024", "4", "c"))));
            assertThat(p.interactions()).extracting(i -> i.contact().accountId()).containsExactly("2", "3", "4");
            assertThat(p.formatEra()).isEqualTo("twitter-2022");
            assertThat(p.warnings()).containsExactlyInAnyOrder(
                    "The archive manifest lists tweets-part3.js but the archive does not hold it",
                    "data/tweets-part2.js: the manifest lists 3 element(s), the file holds 1");
            assertThat(p.files()).containsKeys("data/manifest.js", "data/tweets.js", "data/tweets-part1.js",
                    "data/tweets-part2.js");
        }

        @Test
        void namesTheEraByFileNameAndWrapper() throws Exception {
            String bare = tweet(false, "1", "Fri Mar 01 12:00:00 +0000 2019", "2", "a");
            assertThat(read(Map.of("data/account.js", ACCOUNT, "data/tweet.js", ytd("tweet.part0", bare)))
                    .formatEra()).isEqualTo("twitter-2019");
        }

        @Test
        void namesThe2020EraByTheWrapper() throws Exception {
            String wrapped = tweet(true, "1", "Sun Mar 01 12:00:00 +0000 2020", "2", "a");
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT, "data/tweet.js", ytd("tweet.part0", wrapped)));
            assertThat(p.formatEra()).isEqualTo("twitter-2020");
            assertThat(p.interactions()).hasSize(1);
        }

        @Test
        void anUnparseableFileIsOneRejectAndTheRestIsRead() throws Exception {
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT,
                    "data/tweets.js", "window.YTD.tweets.part0 = [ {\"tweet\": {\"created_at\": ",
                    "data/follower.js", ytd("follower.part0", "{\"follower\":{\"accountId\":\"2\"}}")));
            assertThat(p.ties()).hasSize(1);
            assertThat(p.rejects()).singleElement().satisfies(r -> {
                assertThat(r.file()).isEqualTo("data/tweets.js");
                assertThat(r.reasonCode()).isEqualTo("invalid_json");
                assertThat(r.reason()).startsWith("Cannot read archive file: it is not valid JSON (line 1");
            });
            assertThat(p.warnings()).anyMatch(w -> w.endsWith("(data/tweets.js)"));
        }
    }

    @Nested
    class HostileFiles {
        @Test
        void aDeeplyNestedFileFailsCleanlyAsOneReject() throws Exception {
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT,
                    "data/tweets.js", "window.YTD.tweets.part0 = " + "[".repeat(3000) + "]".repeat(3000)));
            assertThat(p.rejects()).containsExactly(new Reject("data/tweets.js", "file", "invalid_json",
                    "Cannot read archive file: it exceeds a JSON reading limit (nesting depth 200, string length "
                            + "20000000, number length 100)"));
            assertThat(p.files().get("data/tweets.js")).isEqualTo(new FileStats("data/tweets.js", 1, 0, 1));
        }

        @Test
        void aFileOfAnotherShapeIsAnUnknownLayout() throws Exception {
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT,
                    "data/follower.js", "window.YTD.follower.part0 = {\"follower\":[]}"));
            assertThat(p.rejects()).containsExactly(new Reject("data/follower.js", "file", "unknown_layout",
                    "Cannot read archive file: its value is not a JSON array"));
            assertThat(p.warnings()).containsExactly(
                    "Cannot read archive file: its value is not a JSON array (data/follower.js)");
        }
    }

    @Nested
    class DirectMessageFiles {
        @Test
        void readsOneToOneMessagesOfBothFileNames() throws Exception {
            String conv = "{\"dmConversation\":{\"conversationId\":\"" + OWNER + "-3\",\"messages\":["
                    + dm("3", OWNER, "2019-03-02T10:05:00.000Z", "sure thing") + ","
                    + dm(OWNER, "3", "2019-03-02T10:00:00.000Z", "coffee?") + ","
                    + dm(OWNER, null, "2019-03-02T09:00:00.000Z", "no recipient id") + ","
                    + "{\"reactionCreate\":{\"senderId\":\"3\",\"reactionKey\":\"like\",\"createdAt\":\"2019-03-02T10:06:00.000Z\"}},"
                    + dm("7", "8", "2019-03-02T11:00:00.000Z", "not ours") + ","
                    + dm("3", OWNER, "never", "bad date") + "]}}";
            for (String name : List.of("data/direct-message.js", "data/direct-messages.js")) {
                ParsedExport p = read(Map.of("data/account.js", ACCOUNT, name, ytd("direct_message.part0", conv,
                        "{\"notAConversation\":{}}")));
                assertThat(summary(p.interactions())).containsExactlyInAnyOrder(
                        "message out 3 2019-03-02T09:00:00Z", "message out 3 2019-03-02T10:00:00Z",
                        "message in 3 2019-03-02T10:05:00Z");
                assertThat(p.interactions()).allMatch(i -> (OWNER + "-3").equals(i.threadKey()));
                assertThat(p.rejects()).extracting(Reject::reasonCode)
                        .containsExactlyInAnyOrder("not_owner_message", "bad_date", "not_conversation");
                assertThat(p.files().get(name)).isEqualTo(new FileStats(name, 7, 4, 3));
                Files.delete(dir.resolve(name));
            }
        }

        @Test
        void replaysGroupMembershipInTimeOrder() throws Exception {
            String events = String.join(",",
                    "{\"conversationNameUpdate\":{\"initiatingUserId\":\"7\",\"name\":\"Fake\",\"createdAt\":\"2024-03-05T12:00:00.000Z\"}}",
                    dm(OWNER, null, "2024-03-04T12:00:00.000Z", "just us"),
                    "{\"participantsLeave\":{\"userIds\":[\"8\"],\"createdAt\":\"2024-03-03T12:00:00.000Z\"}}",
                    dm(OWNER, null, "2024-03-02T12:00:00.000Z", "welcome"),
                    "{\"participantsJoin\":{\"initiatingUserId\":\"7\",\"userIds\":[\"9\"],\"createdAt\":\"2024-03-01T13:00:00.000Z\"}}",
                    dm(OWNER, null, "2024-03-01T12:30:00.000Z", "hello"),
                    dm("8", null, "2024-03-01T12:10:00.000Z", "hi"),
                    "{\"joinConversation\":{\"initiatingUserId\":\"7\",\"participantsSnapshot\":[\"" + OWNER
                            + "\",\"7\",\"8\"],\"createdAt\":\"2024-03-01T12:00:00.000Z\"}}");
            ParsedExport p = read(Map.of("data/account.js", ACCOUNT, "data/direct-messages-group.js",
                    ytd("direct_messages_group.part0", "{\"dmConversation\":{\"conversationId\":\"G1\",\"messages\":["
                            + events + "]}}")));
            assertThat(summary(p.interactions())).containsExactly(
                    "message in 8 2024-03-01T12:10:00Z group",
                    "message out 7 2024-03-01T12:30:00Z group", "message out 8 2024-03-01T12:30:00Z group",
                    "message out 7 2024-03-02T12:00:00Z group", "message out 8 2024-03-02T12:00:00Z group",
                    "message out 9 2024-03-02T12:00:00Z group",
                    "message out 7 2024-03-04T12:00:00Z group", "message out 9 2024-03-04T12:00:00Z group");
            assertThat(p.interactions()).allMatch(i -> "G1".equals(i.threadKey()));
            assertThat(p.files().get("data/direct-messages-group.js"))
                    .isEqualTo(new FileStats("data/direct-messages-group.js", 8, 8, 0));
        }

        @Test
        void withoutAJoinEventMembersAreThoseNotAddedLater() {
            DirectMessages.Event m7 = event(DirectMessages.Kind.MESSAGE, "7", List.of(), null, 1);
            DirectMessages.Event join = event(DirectMessages.Kind.PARTICIPANTS_JOIN, null, List.of("9"), "7", 2);
            DirectMessages.Event m9 = event(DirectMessages.Kind.MESSAGE, "9", List.of(), null, 3);
            DirectMessages.Event leave = event(DirectMessages.Kind.PARTICIPANTS_LEAVE, null, List.of("8"), null, 4);
            assertThat(DirectMessages.initialMembers(List.of(m7, join, m9, leave), OWNER))
                    .containsExactly(OWNER, "7", "8");
        }

        private DirectMessages.Event event(DirectMessages.Kind k, String sender, List<String> users, String init,
                                           long t) {
            return new DirectMessages.Event(k, sender, null, users, init, Instant.ofEpochSecond(t), null, null, null,
                    "$");
        }
    }
}
