package io.tiedepth.ingest.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.RawInvitation;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.Reject;
import io.tiedepth.pseudo.PersonKeys;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FacebookReaderTest {
    static final String OWNER = "Fakey McTestface";
    private static final FacebookReader READER = new FacebookReader();

    @TempDir
    Path dir;

    /** Writes the files under dir (plus a root file, so no folder is taken for a wrapper) and reads them. */
    ParsedExport read(Map<String, String> files) throws IOException, ReadException {
        write(files);
        try (ExportSource s = ExportSource.open(dir)) {
            assertThat(READER.recognises(s)).isTrue();
            List<ParsedExport> out = READER.read(s);
            assertThat(out).hasSize(1);
            assertThat(out.get(0).files().values()).allMatch(FileStats::balanced);
            return out.get(0);
        }
    }

    void write(Map<String, String> files) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.putIfAbsent("README.txt", "fake");
        for (Map.Entry<String, String> f : all.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    static String friends(String key, String... names) {
        StringBuilder sb = new StringBuilder("{\"" + key + "\":[");
        for (int i = 0; i < names.length; i++) {
            sb.append(i > 0 ? "," : "").append("{\"name\":\"").append(names[i]).append("\",\"timestamp\":")
                    .append(1600000000 + i).append('}');
        }
        return sb.append("]}").toString();
    }

    /** A thread JSON: participants, then messages given as raw JSON objects. */
    static String thread(List<String> participants, String title, String... messages) {
        String ps = participants.stream().map(p -> "{\"name\":\"" + p + "\"}").collect(Collectors.joining(","));
        return "{\"participants\":[" + ps + "],\"title\":\"" + title + "\",\"is_still_participant\":true,"
                + "\"messages\":[" + String.join(",", messages) + "]}";
    }

    /** Small test times are offsets from 2020-09-13 (times before 1995 are implausible and rejected). */
    static final long T0_MS = 1_600_000_000_000L;

    static String m(String sender, long ms, String content) {
        return "{\"sender_name\":\"" + sender + "\",\"timestamp_ms\":" + (ms < 1_000_000_000L ? T0_MS + ms : ms)
                + (content == null ? "" : ",\"content\":\"" + content + "\"") + ",\"type\":\"Generic\"}";
    }

    static String key(PersonRef p) {
        return PersonKeys.normaliseName(p.name());
    }

    static List<String> contacts(List<RawInteraction> is) {
        return is.stream().map(i -> key(i.contact()) + ">" + i.direction()).toList();
    }

    @Nested
    class FriendLists {
        @ParameterizedTest
        @CsvSource({
            "friends/friends.json, friends, facebook-2018",
            "friends/friends.json, friends_v2, facebook-2021",
            "friends_and_followers/friends.json, friends_v2, facebook-2021",
            "connections/friends/your_friends.json, friends_v2, facebook-2023",
        })
        void readsFriendsOfEveryEra(String path, String key, String era) throws Exception {
            ParsedExport p = read(Map.of(path, friends(key, "Testy Mockington", "Zoë Notreal")));
            assertThat(p.formatEra()).isEqualTo(era);
            assertThat(p.ties()).containsExactly(
                    new RawTie(PersonRef.ofName("Testy Mockington"), Instant.ofEpochSecond(1600000000),
                            Precision.second, "friend", "unknown", null, false),
                    new RawTie(PersonRef.ofName("Zoë Notreal"), Instant.ofEpochSecond(1600000001),
                            Precision.second, "friend", "unknown", null, false));
            assertThat(p.files()).containsOnlyKeys(path);
            assertThat(p.files().get(path)).isEqualTo(new FileStats(path, 2, 2, 0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"deleted_friends", "deleted_friends_v2"})
        void readsRemovedFriendsAsEndedUndatedTies(String key) throws Exception {
            ParsedExport p = read(Map.of("friends/removed_friends.json", friends(key, "Bogus Bobbington")));
            assertThat(p.ties()).containsExactly(new RawTie(PersonRef.ofName("Bogus Bobbington"), null, null,
                    "friend", "unknown", null, true));
        }

        @Test
        void readsRequestsAsInvitationsOfBothKeyStyles() throws Exception {
            ParsedExport p = read(Map.of(
                    "friends/sent_friend_requests.json", friends("sent_requests", "Jane Fakedoe"),
                    "friends/received_friend_requests.json", friends("received_requests", "Foo Barsworth"),
                    "friends/rejected_friend_requests.json", friends("rejected_requests_v2", "Spammy McSpamface"),
                    "messages/inbox/x_1/message_1.json", "{}"));
            Instant t = Instant.ofEpochSecond(1600000000);
            assertThat(p.invitations()).containsExactlyInAnyOrder(
                    new RawInvitation(PersonRef.ofName("Jane Fakedoe"), t, "out", false),
                    new RawInvitation(PersonRef.ofName("Foo Barsworth"), t, "in", false),
                    new RawInvitation(PersonRef.ofName("Spammy McSpamface"), t, "in", false));
        }

        @Test
        void readsThe2021FileNamesOfRequests() throws Exception {
            ParsedExport p = read(Map.of(
                    "friends_and_followers/friend_requests_sent.json", friends("sent_requests_v2", "Jane Fakedoe"),
                    "friends_and_followers/friend_requests_received.json",
                    friends("received_requests_v2", "Foo Barsworth")));
            assertThat(p.invitations()).extracting(RawInvitation::direction).containsExactlyInAnyOrder("out", "in");
        }

        @Test
        void rejectsNamelessItemsAndKeepsUndatedOnes() throws Exception {
            ParsedExport p = read(Map.of("friends/friends.json",
                    "{\"friends\":[{\"timestamp\":1},{\"name\":\"  \"},\"oops\",{\"name\":\"Undated Person\"}]}"));
            assertThat(p.ties()).containsExactly(new RawTie(PersonRef.ofName("Undated Person"), null, null,
                    "friend", "unknown", null, false));
            assertThat(p.rejects()).extracting(Reject::location, Reject::reasonCode).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("$.friends[0]", "missing_name"),
                    org.assertj.core.groups.Tuple.tuple("$.friends[1]", "missing_name"),
                    org.assertj.core.groups.Tuple.tuple("$.friends[2]", "not_object"));
            assertThat(p.files().get("friends/friends.json")).isEqualTo(new FileStats("friends/friends.json", 4, 1, 3));
        }

        @Test
        void rejectsFriendsWhoseTimestampIsOutsideThePlausibleRange() throws Exception {
            String[] stamps = {"-86400", "0", "-62135596800", "253402300799", "9223372036854775807", "1.5e300",
                    "\"soon\"", "1600000000"};
            StringBuilder json = new StringBuilder("{\"friends_v2\":[");
            for (int i = 0; i < stamps.length; i++) {
                json.append(i > 0 ? "," : "").append("{\"name\":\"Fakey Number").append(i).append("\",\"timestamp\":")
                        .append(stamps[i]).append('}');
            }
            ParsedExport p = read(Map.of("friends/friends.json", json + "]}"));
            assertThat(p.ties()).extracting(RawTie::connectedAt).containsExactly(Instant.ofEpochSecond(1600000000));
            assertThat(p.rejects()).hasSize(7).extracting(Reject::reasonCode).containsOnly("bad_timestamp");
            assertThat(p.files().get("friends/friends.json")).isEqualTo(new FileStats("friends/friends.json", 8, 1, 7));
        }

        @Test
        void rejectsAFileWithARenamedKeyRatherThanReadingNoFriends() throws Exception {
            ParsedExport p = read(Map.of("friends/friends.json", friends("friends_v3", "Testy Mockington")));
            assertThat(p.ties()).isEmpty();
            assertThat(p.rejects()).containsExactly(new Reject("friends/friends.json", "file", "unknown_layout",
                    "Cannot read friends file: it holds none of the keys friends, friends_v2"));
            assertThat(p.warnings()).containsExactly(
                    "Cannot read friends file: it holds none of the keys friends, friends_v2 (friends/friends.json)");
            assertThat(p.files().get("friends/friends.json")).isEqualTo(new FileStats("friends/friends.json", 1, 0, 1));
        }

        @Test
        void dropsContactInfo() throws Exception {
            ParsedExport p = read(Map.of("friends/friends.json",
                    "{\"friends\":[{\"name\":\"Testy Mockington\",\"timestamp\":1514808000,"
                            + "\"contact_info\":\"testy@example.invalid\"}]}"));
            assertThat(p.ties()).hasSize(1);
            assertThat(p.ties().get(0).contact()).isEqualTo(PersonRef.ofName("Testy Mockington"));
        }
    }

    @Nested
    class Threads {
        private static final List<String> PAIR = List.of("Testy Mockington", OWNER);

        @ParameterizedTest
        @CsvSource({
            "messages/inbox, facebook-2018",
            "messages/archived_threads, facebook-2018",
            "messages/filtered_threads, facebook-2018",
            "messages/message_requests, facebook-2018",
            "your_activity_across_facebook/messages/inbox, facebook-2023",
            "your_facebook_activity/messages/e2ee_cutover, facebook-2024",
            "this_profile's_activity_across_facebook/messages/archived_threads, facebook-2024",
        })
        void readsEverySectionOfEveryRoot(String section, String era) throws Exception {
            ParsedExport p = read(Map.of(
                    section + "/testymockington_1/message_1.json", thread(PAIR, "Testy Mockington",
                            m("Testy Mockington", 2_000, "hello there"), m(OWNER, 1_000, "hi")),
                    section + "/zoenotreal_2/message_1.json", thread(List.of("Zoë Notreal", OWNER), "Zoë Notreal",
                            m("Zoë Notreal", 3_000, "salut"))));
            assertThat(p.formatEra()).isEqualTo(era);
            assertThat(p.owner()).isEqualTo(PersonRef.ofName("fakey mctestface"));
            assertThat(p.interactions()).containsExactlyInAnyOrder(
                    new RawInteraction(PersonRef.ofName("Testy Mockington"), Instant.ofEpochMilli(1600000001000L), "message",
                            "out", "testymockington_1", false, 1, 2, null),
                    new RawInteraction(PersonRef.ofName("Testy Mockington"), Instant.ofEpochMilli(1600000002000L), "message",
                            "in", "testymockington_1", false, 2, 11, null),
                    new RawInteraction(PersonRef.ofName("Zoë Notreal"), Instant.ofEpochMilli(1600000003000L), "message",
                            "in", "zoenotreal_2", false, 1, 5, null));
        }

        @Test
        void mergesEveryPartAndDropsExactRepeats() throws Exception {
            String t = "messages/inbox/testymockington_1/";
            ParsedExport p = read(Map.of(
                    t + "message_1.json", thread(PAIR, "Testy Mockington",
                            m(OWNER, 5_000, "newest"), m("Testy Mockington", 4_000, "overlap")),
                    t + "message_2.json", thread(PAIR, "Testy Mockington",
                            m("Testy Mockington", 4_000, "overlap"), m(OWNER, 3_000, "older")),
                    t + "message_3.json", thread(PAIR, "Testy Mockington", m("Testy Mockington", 1_000, "oldest")),
                    "messages/inbox/zoe_2/message_1.json", thread(List.of("Zoë Notreal", OWNER), "Zoë Notreal",
                            m("Zoë Notreal", 6_000, "x"))));
            assertThat(p.interactions().stream().filter(i -> "testymockington_1".equals(i.threadKey()))
                    .map(i -> i.at().toEpochMilli() + i.direction()))
                    .containsExactly("1600000001000in", "1600000003000out", "1600000004000in", "1600000005000out");
            assertThat(p.warnings()).contains("Messenger: 0 system message(s) (joins, leaves), 0 unsent, 1 repeated "
                    + "and 0 sent to a thread with nobody else were counted but are not interactions");
            long rows = p.files().values().stream().mapToLong(FileStats::read).sum();
            assertThat(rows).isEqualTo(6);
        }

        @Test
        void reads2018MessageJsonWithParticipantsAsStrings() throws Exception {
            ParsedExport p = read(Map.of(
                    "messages/testymockington_1/message.json", "{\"participants\":[\"Testy Mockington\"],"
                            + "\"title\":\"Testy Mockington\",\"messages\":[" + m(OWNER, 2_000, "a b c") + ","
                            + m("Testy Mockington", 1_000, "d") + "]}",
                    "friends/friends.json", friends("friends", "Testy Mockington")));
            assertThat(p.formatEra()).isEqualTo("facebook-2018");
            assertThat(contacts(p.interactions())).containsExactly("testy mockington>in", "testy mockington>out");
            String file = "messages/" + ThreadPaths.threadLabel("testymockington_1") + "/message.json";
            assertThat(p.files()).containsKey(file);
        }

        @Test
        void sendsOneOutPerOtherMemberAndCountsSendersWhoLeft() throws Exception {
            ParsedExport p = read(Map.of("messages/inbox/group_1/message_1.json", thread(
                    List.of(OWNER, "Testy Mockington", "Zoë Notreal"), "Fake Group",
                    m(OWNER, 3_000, "hello all"),
                    m("Dummy Leftearly", 2_000, "bye"),
                    m("Testy Mockington", 1_000, "hi")),
                    "messages/inbox/zoe_2/message_1.json", thread(List.of("Zoë Notreal", OWNER), "Zoë Notreal",
                            m(OWNER, 500, "x"))));
            List<RawInteraction> group = p.interactions().stream()
                    .filter(i -> "group_1".equals(i.threadKey())).toList();
            assertThat(group).allMatch(RawInteraction::isGroup);
            assertThat(contacts(group)).containsExactly("testy mockington>in", "dummy leftearly>in",
                    "testy mockington>out", "zoë notreal>out", "dummy leftearly>out");
            assertThat(p.interactions().stream().filter(i -> "zoe_2".equals(i.threadKey())))
                    .noneMatch(RawInteraction::isGroup);
        }

        @Test
        void readsCallsAndCountsSystemAndUnsentMessages() throws Exception {
            ParsedExport p = read(Map.of("messages/inbox/testymockington_1/message_1.json", thread(PAIR,
                    "Testy Mockington",
                    "{\"sender_name\":\"Testy Mockington\",\"timestamp_ms\":1600000004000,\"content\":\"The call ended.\","
                            + "\"type\":\"Call\",\"call_duration\":125}",
                    "{\"sender_name\":\"Fakey McTestface\",\"timestamp_ms\":1600000003000,\"type\":\"Generic\","
                            + "\"is_unsent\":true}",
                    "{\"sender_name\":\"Fakey McTestface\",\"timestamp_ms\":1600000002000,\"content\":\"A added B.\","
                            + "\"type\":\"Subscribe\",\"users\":[{\"name\":\"Testy Mockington\"}]}",
                    "{\"sender_name\":\"Fakey McTestface\",\"timestamp_ms\":1600000001000,\"type\":\"Generic\","
                            + "\"photos\":[{\"uri\":\"x.jpg\"}]}"),
                    "friends/friends.json", friends("friends", "Testy Mockington")));
            assertThat(p.interactions()).containsExactly(
                    new RawInteraction(PersonRef.ofName("Testy Mockington"), Instant.ofEpochMilli(1600000001000L), "message",
                            "out", "testymockington_1", false, null, null, null),
                    new RawInteraction(PersonRef.ofName("Testy Mockington"), Instant.ofEpochMilli(1600000004000L), "call",
                            "in", "testymockington_1", false, null, null, 125));
            assertThat(p.warnings()).contains("Messenger: 1 system message(s) (joins, leaves), 1 unsent, "
                    + "0 repeated and 0 sent to a thread with nobody else were counted but are not interactions");
        }

        @Test
        void rejectsMessagesWithoutSenderOrTimestamp() throws Exception {
            ParsedExport p = read(Map.of("messages/inbox/t_1/message_1.json", thread(PAIR, "Testy Mockington",
                    "{\"timestamp_ms\":1600000001000,\"content\":\"x\"}",
                    "{\"sender_name\":\"Testy Mockington\",\"content\":\"x\"}",
                    "{\"sender_name\":\"Testy Mockington\",\"timestamp_ms\":\"soon\"}",
                    "7",
                    m(OWNER, 2000, "ok")),
                    "friends/friends.json", friends("friends", "Testy Mockington")));
            assertThat(p.rejects()).extracting(Reject::reasonCode)
                    .containsExactly("missing_sender", "bad_timestamp", "bad_timestamp", "not_object");
            String file = "messages/inbox/" + ThreadPaths.threadLabel("t_1") + "/message_1.json";
            assertThat(p.rejects()).allMatch(r -> r.file().equals(file));
            assertThat(p.files().get(file)).isEqualTo(new FileStats(file, 5, 1, 4));
        }

        @Test
        void pseudonymizesThreadFoldersInEveryWrittenPath() throws Exception {
            ParsedExport p = read(Map.of("messages/inbox/janedoe_1234/message_1.json", "{\"messages\":[{]}",
                    "friends/friends.json", friends("friends", "Jane Doe")));
            String file = "messages/inbox/" + ThreadPaths.threadLabel("janedoe_1234") + "/message_1.json";
            assertThat(p.files()).containsKey(file);
            assertThat(p.rejects()).extracting(Reject::file).containsExactly(file);
            assertThat(p.warnings()).anyMatch(w -> w.contains(file));
            assertThat(String.join(" ", p.warnings()) + p.rejects() + p.files().keySet())
                    .doesNotContain("janedoe");
        }
    }

    @Nested
    class Owner {
        private Messenger.Thread members(String key, String title, String... members) {
            Messenger.Thread t = new Messenger.Thread(key);
            for (String m : members) {
                t.addMember(m);
            }
            t.title = title == null ? null : PersonKeys.normaliseName(title);
            return t;
        }

        @Test
        void isThePersonInEveryThread() {
            assertThat(Messenger.recogniseOwner(List.of(members("a", null, OWNER, "Testy Mockington"),
                    members("b", null, "Zoë Notreal", OWNER), members("c", null, OWNER, "Testy Mockington", "Zoë Notreal")),
                    Set.of(), Map.of())).isEqualTo("fakey mctestface");
        }

        @Test
        void withOneThreadIsNotTheFriend() {
            assertThat(Messenger.recogniseOwner(List.of(members("a", null, "Testy Mockington", OWNER)),
                    Set.of("testy mockington"), Map.of())).isEqualTo("fakey mctestface");
        }

        @Test
        void withOneThreadAndNoFriendsIsNotTheTitle() {
            assertThat(Messenger.recogniseOwner(List.of(members("a", "Testy Mockington", "Testy Mockington", OWNER)),
                    Set.of(), Map.of())).isEqualTo("fakey mctestface");
        }

        @Test
        void fallsBackOnActivitySubjectsThenOnMessagesSent() {
            Messenger.Thread t = members("a", "Group", OWNER, "Testy Mockington");
            assertThat(Messenger.recogniseOwner(List.of(t), Set.of(), Map.of("fakey mctestface", 2L)))
                    .isEqualTo("fakey mctestface");
            t.messages.add(new Messenger.Message("testy mockington", 1, Messenger.Type.MESSAGE, 1, 1, null, 0, null,
                    "$"));
            assertThat(Messenger.recogniseOwner(List.of(t), Set.of(), Map.of())).isEqualTo("testy mockington");
        }

        @Test
        void isUnknownWhenNothingTellsThemApart() {
            assertThat(Messenger.recogniseOwner(List.of(members("a", "Group", OWNER, "Testy Mockington")), Set.of(),
                    Map.of())).isNull();
        }

        @Test
        void unknownOwnerRejectsMessagesThatNeedIt() throws Exception {
            ParsedExport p = read(Map.of("messages/inbox/t_1/message_1.json", thread(
                    List.of("Testy Mockington", OWNER), "Fake Group", m(OWNER, 1000, "x"), m("Testy Mockington", 2000, "y"))));
            assertThat(p.owner()).isNull();
            assertThat(p.interactions()).isEmpty();
            assertThat(p.rejects()).extracting(Reject::reasonCode).containsExactly("owner_unknown", "owner_unknown");
            assertThat(p.warnings()).contains("Messenger: the owner could not be told apart from the other thread "
                    + "members; their messages are rejected as owner_unknown");
        }

        @Test
        void deactivatedAccountsAreOnePersonPerThread() throws Exception {
            ParsedExport p = read(Map.of(
                    "messages/inbox/a_1/message_1.json", thread(List.of("Facebook User", OWNER), "Facebook User",
                            m("Facebook User", 1000, "x")),
                    "messages/inbox/b_2/message_1.json", thread(List.of("Facebook User", OWNER), "Facebook User",
                            m("Facebook User", 2000, "y"), m(OWNER, 3000, "z"))));
            assertThat(p.owner()).isEqualTo(PersonRef.ofName("fakey mctestface"));
            assertThat(p.interactions()).extracting(i -> key(i.contact())).containsExactlyInAnyOrder(
                    "facebook user #a_1", "facebook user #b_2", "facebook user #b_2");
        }
    }

    @Nested
    class MojibakeRepair {
        @Test
        void aMojibakedAndACleanNameAreOnePerson() throws Exception {
            write(Map.of(
                    "friends_and_followers/friends.json", "{\"friends_v2\":[{\"name\":\"Håkan Fakesson\",\"timestamp\":1600000000}]}",
                    "messages/inbox/hakan_1/message_1.json",
                    "{\"participants\":[{\"name\":\"H\\u00c3\\u00a5kan Fakesson\"},{\"name\":\"Fakey McTestface\"}],"
                            + "\"title\":\"H\\u00c3\\u00a5kan Fakesson\",\"messages\":["
                            + "{\"sender_name\":\"H\\u00c3\\u00a5kan Fakesson\",\"timestamp_ms\":1600000100000,"
                            + "\"content\":\"Tack s\\u00c3\\u00a5 mycket \\u00f0\\u009f\\u0098\\u00a2\",\"type\":\"Generic\"}]}"));
            try (ExportSource s = ExportSource.open(dir)) {
                ParsedExport p = READER.read(s).get(0);
                assertThat(p.interactions()).singleElement().satisfies(i -> {
                    assertThat(i.contact()).isEqualTo(PersonRef.ofName("Håkan Fakesson"));
                    assertThat(i.words()).isEqualTo(4);
                    assertThat(i.chars()).isEqualTo(16);
                });
            }
            Canonical.Export e = ingest(dir);
            assertThat(e.ties()).hasSize(1);
            assertThat(e.interactions()).singleElement()
                    .satisfies(i -> assertThat(i.contactId()).isEqualTo(e.ties().get(0).contactId()));
        }
    }

    @Nested
    class E2ee {
        @Test
        void warnsWhenMessengerEndsLongBeforeTheRestOfTheExport() throws Exception {
            ParsedExport p = read(Map.of(
                    "connections/friends/your_friends.json",
                    "{\"friends_v2\":[{\"name\":\"Testy Mockington\",\"timestamp\":1725148800}]}",
                    "your_facebook_activity/messages/inbox/t_1/message_1.json",
                    thread(List.of("Testy Mockington", OWNER), "Testy Mockington",
                            m("Testy Mockington", 1709380800000L, "last"))));
            assertThat(p.warnings()).containsExactly("Messenger history ends at 2024-03-02, long before the "
                    + "export's last event on 2024-09-01 (E2EE cut-over?)");
        }

        @Test
        void warnsWhenTheExportHasAnE2eeCutoverSection() throws Exception {
            ParsedExport p = read(Map.of(
                    "your_facebook_activity/messages/e2ee_cutover/t_1/message_1.json",
                    thread(List.of("Testy Mockington", OWNER), "Testy Mockington",
                            m("Testy Mockington", 1709380800000L, "last"))));
            assertThat(p.warnings()).containsExactly("Messenger history ends at 2024-03-02 and the export has an "
                    + "e2ee_cutover section: chats moved to end-to-end encryption are missing after their cut-over");
        }

        @Test
        void saysNothingWhenMessengerIsRecent() throws Exception {
            ParsedExport p = read(Map.of(
                    "connections/friends/your_friends.json",
                    "{\"friends_v2\":[{\"name\":\"Testy Mockington\",\"timestamp\":1709380800}]}",
                    "your_facebook_activity/messages/inbox/t_1/message_1.json",
                    thread(List.of("Testy Mockington", OWNER), "Testy Mockington",
                            m("Testy Mockington", 1709380800000L - 80L * 86_400_000L, "x"))));
            assertThat(p.warnings()).isEmpty();
        }
    }

    @Nested
    class Html {
        @ParameterizedTest
        @CsvSource({
            "messages/inbox/janedoe_1234/message_1.html, messages/inbox/#/message_1.html",
            "friends/friends.html, friends/friends.html",
            "connections/friends/your_friends.html, connections/friends/your_friends.html",
        })
        void rejectsAnHtmlExportAsAWhole(String file, String shown) throws Exception {
            write(Map.of(file, "<html></html>", "index.html", "<html></html>"));
            String expectedFile = shown.replace("#", ThreadPaths.threadLabel("janedoe_1234"));
            try (ExportSource s = ExportSource.open(dir)) {
                assertThat(READER.recognises(s)).isTrue();
                assertThatThrownBy(() -> READER.read(s)).isInstanceOf(ReadException.class)
                        .hasMessage("Cannot read Facebook export: it was downloaded as HTML; download it again "
                                + "choosing the JSON format (" + expectedFile + ")")
                        .satisfies(e -> {
                            assertThat(((ReadException) e).reasonCode()).isEqualTo("html_export");
                            assertThat(((ReadException) e).file()).isEqualTo(expectedFile);
                        });
            }
        }

        @Test
        void readsTheJsonWhenAnExportHoldsBoth() throws Exception {
            ParsedExport p = read(Map.of("friends/friends.html", "<html></html>",
                    "friends/friends.json", friends("friends", "Testy Mockington")));
            assertThat(p.ties()).hasSize(1);
        }
    }

    @Nested
    class ActivityItems {
        private static final String THREAD = thread(List.of("Testy Mockington", OWNER), "Testy Mockington",
                m(OWNER, 1000, "x"));

        @Test
        void readsCommentsReactionsAndWallPostsNamingSomeone() throws Exception {
            ParsedExport p = read(Map.of(
                    "messages/inbox/t_1/message_1.json", THREAD,
                    "comments_and_reactions/comments.json", "{\"comments_v2\":["
                            + "{\"timestamp\":1600000100,\"data\":[{\"comment\":{\"comment\":\"Nice fake post\"}}],"
                            + "\"title\":\"Fakey McTestface commented on Zoë Notreal's post.\"},"
                            + "{\"timestamp\":1600000101,\"title\":\"Fakey McTestface commented on his own post.\"},"
                            + "{\"timestamp\":1600000102,\"title\":\"Fakey McTestface replied to Fakey McTestface's comment.\"},"
                            + "{\"timestamp\":1600000103,\"title\":\"Fakey McTestface a commenté la publication de Zoë Notreal.\"},"
                            + "{\"title\":\"Fakey McTestface commented on Zoë Notreal's photo.\"}]}",
                    "likes_and_reactions/posts_and_comments.json", "{\"reactions\":["
                            + "{\"timestamp\":1600000200,\"title\":\"Fakey McTestface likes Testy Mockington's photo.\"}]}",
                    "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json", "["
                            + "{\"timestamp\":1600000300,\"label_values\":[{\"label\":\"Reaction\",\"value\":\"Like\"},"
                            + "{\"label\":\"Name\",\"value\":\"Zo\\u00c3\\u00ab Notreal\"}]},"
                            + "{\"timestamp\":1600000301,\"label_values\":[{\"label\":\"Naam\",\"value\":\"Zoë Notreal\"}]},"
                            + "{\"timestamp\":1600000302}]",
                    "posts/your_posts_1.json", "["
                            + "{\"timestamp\":1600000400,\"data\":[{\"post\":\"Happy birthday\"}],"
                            + "\"title\":\"Fakey McTestface wrote on Testy Mockington's timeline.\"},"
                            + "{\"timestamp\":1600000401,\"title\":\"Fakey McTestface updated his status.\"},"
                            + "{\"timestamp\":1600000402}]",
                    "posts/other_people's_posts_to_your_timeline.json", "{\"wall_posts_sent_to_you\":{"
                            + "\"activity_log_data\":[{\"timestamp\":1600000500,\"title\":\"Zoë Notreal wrote on your timeline.\"},"
                            + "{\"timestamp\":1600000501,\"title\":\"Zoë Notreal a écrit sur votre journal.\"}]}}"));
            List<String> got = p.interactions().stream().filter(i -> i.threadKey() == null)
                    .map(i -> i.at().getEpochSecond() + " " + i.channel() + " " + i.direction() + " "
                            + key(i.contact()) + " " + i.words() + "/" + i.chars()).toList();
            assertThat(got).containsExactlyInAnyOrder(
                    "1600000100 comment out zoë notreal 3/14",
                    "1600000200 reaction out testy mockington null/null",
                    "1600000300 reaction out zoë notreal null/null",
                    "1600000400 wall_post out testy mockington 2/14",
                    "1600000500 wall_post in zoë notreal null/null");
            assertThat(p.rejects()).extracting(Reject::location, Reject::reasonCode).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("$.comments_v2[3]", "unparsed_title"),
                    org.assertj.core.groups.Tuple.tuple("$.comments_v2[4]", "bad_timestamp"),
                    org.assertj.core.groups.Tuple.tuple("$[1]", "unparsed_labels"),
                    org.assertj.core.groups.Tuple.tuple("$[2]", "unparsed_title"),
                    org.assertj.core.groups.Tuple.tuple("$.wall_posts_sent_to_you.activity_log_data[1]",
                            "unparsed_title"));
            assertThat(p.rejects().get(0).reason()).isEqualTo("Cannot place comment: its title is not one of the "
                    + "English shapes '<owner> <verb> <person>'s <object>.' (a title of 9 words)");
            assertThat(p.files().get("comments_and_reactions/comments.json"))
                    .isEqualTo(new FileStats("comments_and_reactions/comments.json", 5, 3, 2));
            assertThat(p.files().get("posts/your_posts_1.json")).isEqualTo(new FileStats("posts/your_posts_1.json", 3, 3, 0));
        }
    }

    @Nested
    class HostileFiles {
        @Test
        void aFileNestedTooDeeplyIsOneRejectAndTheRestIsRead() throws Exception {
            String deep = "{\"friends\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
            ParsedExport p = read(Map.of("friends/friends.json", deep,
                    "friends/removed_friends.json", friends("deleted_friends", "Bogus Bobbington")));
            assertThat(p.rejects()).singleElement().satisfies(r -> {
                assertThat(r.reasonCode()).isEqualTo("invalid_json");
                assertThat(r.reason()).isEqualTo("Cannot read friends file: it exceeds a JSON reading limit "
                        + "(nesting depth 200, string length 20000000, number length 100)");
            });
            assertThat(p.ties()).hasSize(1);
            assertThat(p.warnings()).hasSize(1);
        }

        @Test
        void aTruncatedThreadKeepsTheMessagesBeforeTheBreak() throws Exception {
            String whole = thread(List.of("Testy Mockington", OWNER), "Testy Mockington",
                    m("Testy Mockington", 2000, "a"), m(OWNER, 1000, "b"));
            ParsedExport p = read(Map.of("messages/inbox/t_1/message_1.json", whole.substring(0, whole.length() - 40),
                    "friends/friends.json", friends("friends", "Testy Mockington")));
            String file = "messages/inbox/" + ThreadPaths.threadLabel("t_1") + "/message_1.json";
            assertThat(p.interactions()).hasSize(1);
            assertThat(p.files().get(file)).isEqualTo(new FileStats(file, 2, 1, 1));
            assertThat(p.rejects()).singleElement().satisfies(r -> assertThat(r.reason())
                    .startsWith("Cannot read Messenger thread: it is not valid JSON (line 1, column"));
        }
    }

    static Canonical.Export ingest(Path location) {
        Ingestor ingestor = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.of(
                "tiedepth-test-key-0123456789".getBytes(StandardCharsets.UTF_8))), Instant.parse("2025-01-01T00:00:00Z"));
        List<Canonical.Export> out = ingestor.ingest(location);
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
