package io.tiedepth.ingest.linkedin;

import static io.tiedepth.ingest.linkedin.Exports.CONNECTIONS_2023;
import static io.tiedepth.ingest.linkedin.Exports.IN;
import static io.tiedepth.ingest.linkedin.Exports.MESSAGES_2021;
import static io.tiedepth.ingest.linkedin.Exports.MESSAGES_2024;
import static io.tiedepth.ingest.linkedin.Exports.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.ingest.Resolver;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.Reject;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesFileTest {
    private static final String OWEN = IN + "fake-owen";
    private static final String ANNA = IN + "fake-anna";
    private static final String BERT = IN + "fake-bert";
    private static final String CARA = IN + "fake-cara";
    private static final String CONNECTIONS = CONNECTIONS_2023
            + "Anna,Fakeone," + ANNA + ",,,,10 Jan 2024\n"
            + "Bert,Faketwo," + BERT + ",,,,11 Jan 2024\n"
            + "Cara,Fakethree," + CARA + ",,,,12 Jan 2024\n";

    @TempDir
    Path dir;

    @Nested
    class Since2023 {
        private ParsedExport p;

        void read() throws Exception {
            p = Exports.read(dir, "Connections.csv", CONNECTIONS, "messages.csv", MESSAGES_2024
                    + "c1,,Anna Fakeone," + ANNA + ",Owen Fakeowner," + OWEN
                    + ",2024-06-18 11:59:53 UTC,,Hello there friend,INBOX,,No,No\n"
                    + "c1,,Owen Fakeowner," + OWEN + ",Anna Fakeone," + ANNA
                    + ",2024-06-18 12:00:00 UTC,,\"<p>Hi <b>Anna</b></p>\",INBOX,,No,No\n"
                    + "c2,Fake group,Owen Fakeowner," + OWEN + ",\"Bert Faketwo, Cara Fakethree\",\"" + BERT + ","
                    + CARA + "\",2024-06-19 09:00:00 UTC,,Meeting at noon? \uD83D\uDC4B,INBOX,,No,No\n"
                    + "c2,Fake group,Bert Faketwo," + BERT + ",\"Owen Fakeowner, Cara Fakethree\",\"" + OWEN + ","
                    + CARA + "\",2024-06-19 09:05:00 UTC,,\"Line one\nline two\",INBOX,,No,No\n"
                    + "c2,Fake group,Owen Fakeowner," + OWEN + ",\"Bert Faketwo, Cara Fakethree\",\"" + BERT + ","
                    + CARA + "\",,,draft text,INBOX,,Yes,No\n"
                    + "c3,,Fake Sponsor Co,,Owen Fakeowner," + OWEN
                    + ",2024-06-20 09:00:00 UTC,Offer,Buy now,INBOX,,No,No\n");
        }

        @Test
        void recognisesTheOwnerAsThePersonInEveryConversation() throws Exception {
            read();
            assertThat(p.owner().url()).isEqualTo(OWEN);
            assertThat(p.owner().name()).isEqualTo("Owen Fakeowner");
        }

        @Test
        void sentMessagesAreOneOutPerRecipientAndReceivedOnesOneInFromTheSender() throws Exception {
            read();
            assertThat(p.interactions()).extracting(i -> i.contact().url(), RawInteraction::direction,
                    RawInteraction::threadKey, RawInteraction::isGroup, RawInteraction::at).containsExactly(
                    tuple(ANNA, "in", "c1", false, Instant.parse("2024-06-18T11:59:53Z")),
                    tuple(ANNA, "out", "c1", false, Instant.parse("2024-06-18T12:00:00Z")),
                    tuple(BERT, "out", "c2", true, Instant.parse("2024-06-19T09:00:00Z")),
                    tuple(CARA, "out", "c2", true, Instant.parse("2024-06-19T09:00:00Z")),
                    tuple(BERT, "in", "c2", true, Instant.parse("2024-06-19T09:05:00Z")));
            assertThat(p.interactions()).extracting(RawInteraction::channel).containsOnly("message");
        }

        @Test
        void measuresWordsAfterStrippingTagsAndCharsAsCodePoints() throws Exception {
            read();
            assertThat(p.interactions()).extracting(RawInteraction::words, RawInteraction::chars).containsExactly(
                    tuple(3, 18), tuple(2, 21), tuple(4, 18), tuple(4, 18), tuple(4, 17));
        }

        @Test
        void skipsDraftsAndRejectsUnidentifiedSenders() throws Exception {
            read();
            assertThat(p.rejects()).containsExactly(new Reject("messages.csv", "line 8", "unidentified_person",
                    "no profile URL for the sender (LinkedIn Member or sponsored message)"));
            assertThat(p.warnings()).contains("messages.csv: 1 draft message(s) not counted as interactions");
            assertThat(stats(p, "messages.csv")).isEqualTo(new FileStats("messages.csv", 6, 5, 1));
            assertThat(p.formatEra()).isEqualTo("linkedin-2023-url");
        }
    }

    @Test
    void groupIsCountedOverTheWholeConversation() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS, "messages.csv", MESSAGES_2024
                + "c4,,Anna Fakeone," + ANNA + ",Owen Fakeowner," + OWEN + ",2024-06-18 11:59:53 UTC,,Hi,,,,\n"
                + "c4,,Owen Fakeowner," + OWEN + ",\"Anna Fakeone, Cara Fakethree\",\"" + ANNA + "," + CARA
                + "\",2024-06-18 12:00:00 UTC,,Hi both,,,,\n"
                + "c5,,Owen Fakeowner," + OWEN + ",Bert Faketwo," + BERT + ",2024-06-18 12:00:00 UTC,,Yo,,,,\n");
        assertThat(p.interactions()).extracting(i -> i.contact().url(), RawInteraction::isGroup).containsExactly(
                tuple(ANNA, true), tuple(ANNA, true), tuple(CARA, true), tuple(BERT, false));
    }

    @Test
    void ties2021NamesToSenderUrlsSoOnePersonGetsOneContactId() throws Exception {
        ParsedExport p = Exports.read(dir,
                "Connections.csv", "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                        + "Anna,Fakeone,,,,10 Jan 2021\n",
                "messages.csv", MESSAGES_2021
                        + "c1,,Anna Fakeone," + ANNA + ",Owen Fakeowner,2021-06-18 11:59:53 UTC,,Hi,INBOX\n"
                        + "c1,,Owen Fakeowner," + OWEN + ",Anna Fakeone,2021-06-18 12:00:00 UTC,,Hello,INBOX\n"
                        + "c2,,Bert Faketwo," + BERT + ",Owen Fakeowner,2021-07-01 10:00:00 UTC,,Hey,INBOX\n");
        assertThat(p.owner()).isEqualTo(PersonRef.ofUrlAndName(OWEN, "Owen Fakeowner"));
        assertThat(p.formatEra()).isEqualTo("linkedin-2021");
        assertThat(p.interactions()).extracting(i -> i.contact().name(), RawInteraction::direction)
                .containsExactly(tuple("Anna Fakeone", "in"), tuple("Anna Fakeone", "out"),
                        tuple("Bert Faketwo", "in"));

        Canonical.Export e = new Resolver(new Pseudonymizer(StudyKey.of("0123456789abcdef-test".getBytes(
                StandardCharsets.UTF_8)))).resolve(p, "e1", 0, Instant.EPOCH);
        String anna = e.ties().get(0).contactId();
        List<String> contacts = e.interactions().stream().map(Canonical.InteractionRow::contactId).toList();
        assertThat(contacts.subList(0, 2)).containsOnly(anna);
        assertThat(contacts.get(2)).isNotEqualTo(anna).isNotNull();
        assertThat(e.export().warnings())
                .doesNotContain("owner not recognised: owner_id is derived from the export id");
    }

    @Test
    void reads2018MessagesByDirection() throws Exception {
        ParsedExport p = Exports.read(dir,
                "Connections.csv", "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                        + "Anna,Fakeone,,,,\"1/8/18, 6:14 PM\"\nBert,Faketwo,,,,\"1/9/18, 6:14 PM\"\n",
                "Messages.csv", "From,To,Date,Subject,Content,Direction,Folder\n"
                        + "Olga Fakeowner,Anna Fakeone,\"10/16/18, 8:36 AM\",Hi,Hello Anna,OUTGOING,INBOX\n"
                        + "Anna Fakeone,Olga Fakeowner,\"10/16/18, 9:00 AM\",Re: Hi,Hello back,INCOMING,INBOX\n"
                        + "Olga Fakeowner,\"Anna Fakeone, Bert Faketwo\",\"10/17/18, 9:00 AM\",All,Hi both,OUTGOING,\n"
                        + "LinkedIn Member,Olga Fakeowner,\"10/18/18, 9:00 AM\",,Offer,INCOMING,INBOX\n");
        assertThat(p.owner()).isEqualTo(PersonRef.ofName("Olga Fakeowner"));
        assertThat(p.interactions()).extracting(i -> i.contact().name(), RawInteraction::direction,
                RawInteraction::isGroup, RawInteraction::threadKey).containsExactly(
                tuple("Anna Fakeone", "out", false, null), tuple("Anna Fakeone", "in", false, null),
                tuple("Anna Fakeone", "out", true, null), tuple("Bert Faketwo", "out", true, null));
        assertThat(p.rejects()).containsExactly(new Reject("Messages.csv", "line 5", "unidentified_person",
                "the sender is not named (LinkedIn Member)"));
        assertThat(p.formatEra()).isEqualTo("linkedin-2018");
    }

    @Test
    void reads2019UpperCaseMessagesWithIsoDates() throws Exception {
        ParsedExport p = Exports.read(dir,
                "Connections.csv", "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                        + "Anna,Fakeone,,,,06 Jan 2019\n",
                "messages.csv", "FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n"
                        + "Anna Fakeone,Olga Fakeowner,2019-11-06T02:08:20,,Hi there,INCOMING,INBOX\n");
        assertThat(p.interactions()).extracting(RawInteraction::at, RawInteraction::direction, RawInteraction::words)
                .containsExactly(tuple(Instant.parse("2019-11-06T02:08:20Z"), "in", 2));
        assertThat(p.owner()).isNull();
        assertThat(p.formatEra()).isEqualTo("linkedin-2019");
    }

    @Test
    void rejectsMessagesWhoseDirectionCannotBeToldWithoutAnOwner() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS, "messages.csv", MESSAGES_2024
                + "c1,,Dora Stranger," + IN + "fake-dora,Owen Fakeowner," + OWEN + ",2024-06-18 11:59:53 UTC,,Hi,,,,\n"
                + "c1,,Owen Fakeowner," + OWEN + ",Dora Stranger," + IN
                + "fake-dora,2024-06-18 12:00:00 UTC,,Yo,,,,\n");
        assertThat(p.owner()).isNull();
        assertThat(p.interactions()).isEmpty();
        String reason = "cannot tell whether the owner sent or received the message: no DIRECTION column and the"
                + " owner was not recognised";
        assertThat(p.rejects()).containsExactly(new Reject("messages.csv", "line 2", "unknown_owner", reason),
                new Reject("messages.csv", "line 3", "unknown_owner", reason));
        assertThat(stats(p, "messages.csv")).isEqualTo(new FileStats("messages.csv", 2, 0, 2));
    }

    @Test
    void rejectsASentMessageWithoutRecipientAndABadDate() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS, "messages.csv", MESSAGES_2024
                + "c1,,Anna Fakeone," + ANNA + ",Owen Fakeowner," + OWEN + ",2024-06-18 11:59:53 UTC,,Hi,,,,\n"
                + "c1,,Owen Fakeowner," + OWEN + ",,,2024-06-18 12:00:00 UTC,,Yo,,,,\n"
                + "c1,,Anna Fakeone," + ANNA + ",Owen Fakeowner," + OWEN + ",18/06/2024 12:00,,Hi,,,,\n");
        assertThat(p.rejects()).containsExactly(
                new Reject("messages.csv", "line 4", "bad_date",
                        "unknown date format '99/99/9999 99:99' in column DATE"),
                new Reject("messages.csv", "line 3", "unidentified_person",
                        "no name or profile URL for any recipient of a message the owner sent"));
        assertThat(p.interactions()).hasSize(1);
    }

    @Test
    void listsIgnoredCoachFilesInWarningsWithoutReadingThem() throws Exception {
        String coach = MESSAGES_2024 + "c9,,Fake Coach,,Owen Fakeowner," + OWEN + ",2024-06-18 11:59:53 UTC,,Hi,,,,\n";
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS, "coach_messages.csv", coach,
                "learning_role_play_messages.csv", coach, "guide_messages.csv", coach,
                "learning_coach_messages.csv", coach);
        assertThat(p.warnings()).contains("coach_messages.csv ignored: not person-to-person messages",
                "learning_role_play_messages.csv ignored: not person-to-person messages",
                "guide_messages.csv ignored: not person-to-person messages",
                "learning_coach_messages.csv ignored: not person-to-person messages");
        assertThat(p.files()).containsOnlyKeys("Connections.csv");
        assertThat(p.interactions()).isEmpty();
        assertThat(p.rejects()).isEmpty();
    }

    @Test
    void splitsNamesOnlyWhereNoKnownNameHoldsTheComma() throws Exception {
        ParsedExport p = Exports.read(dir,
                "Connections.csv", "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                        + "Anna,Fakeone,,,,10 Jan 2021\n",
                "messages.csv", MESSAGES_2021
                        + "c1,,\"Fakedoe, Jana\"," + IN + "fake-jana,Owen Fakeowner,2021-06-18 11:59:53 UTC,,Hi,\n"
                        + "c1,,Owen Fakeowner," + OWEN + ",\"Fakedoe, Jana, Anna Fakeone\","
                        + "2021-06-18 12:00:00 UTC,,Hi,\n"
                        + "c2,,Bert Faketwo," + BERT + ",Owen Fakeowner,2021-07-01 10:00:00 UTC,,Hey,\n");
        assertThat(p.interactions()).extracting(i -> i.contact().name(), RawInteraction::direction,
                RawInteraction::isGroup).containsExactly(tuple("Fakedoe, Jana", "in", true),
                tuple("Fakedoe, Jana", "out", true), tuple("Anna Fakeone", "out", true),
                tuple("Bert Faketwo", "in", false));
        assertThat(List.of(p.owner().url())).containsExactly(OWEN);
    }
}
