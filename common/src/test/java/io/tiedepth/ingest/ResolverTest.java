package io.tiedepth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.Canonical.InteractionRow;
import io.tiedepth.model.Canonical.TieRow;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.RawInvitation;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.Reject;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResolverTest {
    private static final Pseudonymizer P =
            new Pseudonymizer(StudyKey.of("resolver-test-key-0123456789".getBytes(StandardCharsets.UTF_8)));
    private static final Resolver RESOLVER = new Resolver(P);
    private static final String EXPORT = "e1";
    private static final Instant INGESTED = Instant.parse("2025-01-01T00:00:00Z");

    private static final String OWNER_URL = "https://www.linkedin.com/in/olga-owner/";
    private static final String OWNER_KEY = "url:linkedin.com/in/olga-owner";
    private static final String JANE_URL = "https://www.linkedin.com/in/jane-doe";
    private static final String JANE_KEY = "url:linkedin.com/in/jane-doe";

    private static Instant t(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }

    private static ParsedExport export(PersonRef owner) {
        ParsedExport p = new ParsedExport("linkedin");
        p.owner(owner);
        return p;
    }

    private static ParsedExport ownedExport() {
        return export(PersonRef.ofUrlAndName(OWNER_URL, "Olga Owner"));
    }

    private static RawTie tie(PersonRef who, Instant at) {
        return new RawTie(who, at, at == null ? null : Precision.day, "connection", "unknown", null, false);
    }

    private static RawInteraction message(PersonRef who, Instant at, String direction, String thread) {
        return new RawInteraction(who, at, "message", direction, thread, false, 3, 17, null);
    }

    private static RawInvitation invitation(PersonRef who, Instant at, String direction, boolean note) {
        return new RawInvitation(who, at, direction, note);
    }

    private static Canonical.Export resolve(ParsedExport p) {
        return RESOLVER.resolve(p, EXPORT, 1234, INGESTED);
    }

    private static Canonical.Export resolve(ParsedExport p, String exportId) {
        return RESOLVER.resolve(p, exportId, 1234, INGESTED);
    }

    private static String id(String key) {
        return P.id(key);
    }

    @Nested
    class Owner {
        @Test
        void ownerKnownByUrlIsKeyedByTheNormalisedUrl() {
            Canonical.Export out = resolve(ownedExport());

            assertThat(out.export().ownerId()).isEqualTo(id(OWNER_KEY));
            assertThat(out.export().warnings()).isEmpty();
        }

        @Test
        void ownerKnownByAccountIdIsKeyedByIt() {
            ParsedExport p = new ParsedExport("twitter");
            p.owner(new PersonRef("12345", "https://twitter.com/olga", "Olga"));

            assertThat(resolve(p).export().ownerId()).isEqualTo(id("id:twitter:12345"));
        }

        @Test
        void ownerKnownOnlyByNameIsScopedToTheExport() {
            Canonical.Export a = resolve(export(PersonRef.ofName("Olga  Owner")), "e1");
            Canonical.Export b = resolve(export(PersonRef.ofName("Olga Owner")), "e2");

            assertThat(a.export().ownerId()).isEqualTo(id("name:linkedin:export-e1:olga owner"));
            assertThat(b.export().ownerId()).isEqualTo(id("name:linkedin:export-e2:olga owner"));
            assertThat(a.export().warnings()).isEmpty();
        }

        @Test
        void unknownOwnerIsDerivedFromTheExportIdWithAWarning() {
            Canonical.Export out = resolve(export(null));

            assertThat(out.export().ownerId()).isEqualTo(id("export:e1"));
            assertThat(out.export().warnings())
                    .containsExactly("owner not recognised: owner_id is derived from the export id");
        }

        @Test
        void ownerWithOnlyBlankFieldsIsUnknown() {
            Canonical.Export out = resolve(export(new PersonRef(" ", "", null)));

            assertThat(out.export().ownerId()).isEqualTo(id("export:e1"));
            assertThat(out.export().warnings()).hasSize(1);
        }
    }

    @Nested
    class Contacts {
        @Test
        void nameOnlyConnectionAndTheSameNameWithUrlInMessagesAreOneContact() {
            ParsedExport p = ownedExport();
            p.ties().add(tie(PersonRef.ofName("Jane Doe"), t("2020-01-01")));
            p.interactions().add(message(PersonRef.ofUrlAndName(JANE_URL, "Jane Doe"), t("2021-01-01"), "in", "c1"));
            p.alias(PersonRef.ofUrlAndName(JANE_URL, "Jane Doe"));

            Canonical.Export out = resolve(p);

            assertThat(out.ties()).extracting(TieRow::contactId).containsExactly(id(JANE_KEY));
            assertThat(out.interactions()).extracting(InteractionRow::contactId).containsExactly(id(JANE_KEY));
        }

        @Test
        void aliasMatchesNamesUpToCaseSpacesNormalFormAndMojibake() {
            ParsedExport p = ownedExport();
            p.alias(PersonRef.ofUrlAndName(JANE_URL, "J\u00f6rg H\u00e5kansson"));
            p.ties().add(tie(PersonRef.ofName("  j\u00d6RG   h\u00c5kansson "), null));
            p.interactions().add(message(PersonRef.ofName("Jo\u0308rg Ha\u030akansson"), t("2021-01-01"), "in", null));
            p.invitations().add(invitation(PersonRef.ofName("J\u00c3\u00b6rg H\u00c3\u00a5kansson"), t("2021-02-01"), "out", false));

            Canonical.Export out = resolve(p);

            assertThat(out.ties()).extracting(TieRow::contactId).containsExactly(id(JANE_KEY));
            assertThat(out.interactions()).extracting(InteractionRow::contactId).containsExactly(id(JANE_KEY));
            assertThat(out.invitations()).extracting(Canonical.InvitationRow::counterpartId).containsExactly(id(JANE_KEY));
        }

        @Test
        void nameSeenWithTwoDifferentUrlsStaysNameKeyed() {
            ParsedExport p = ownedExport();
            p.alias(PersonRef.ofUrlAndName(JANE_URL, "Jane Doe"));
            p.alias(PersonRef.ofUrlAndName("https://www.linkedin.com/in/jane-doe-2", "Jane Doe"));
            p.ties().add(tie(PersonRef.ofName("Jane Doe"), null));

            Canonical.Export out = resolve(p);

            assertThat(out.ties()).extracting(TieRow::contactId)
                    .containsExactly(id("name:linkedin:" + OWNER_KEY + ":jane doe"));
        }

        @Test
        void sameUrlSeenTwiceUnderOneNameStillResolvesTheName() {
            ParsedExport p = ownedExport();
            p.alias(PersonRef.ofUrlAndName(JANE_URL, "Jane Doe"));
            p.alias(PersonRef.ofUrlAndName("http://linkedin.com/in/Jane-Doe/", "Jane Doe"));
            p.ties().add(tie(PersonRef.ofName("Jane Doe"), null));

            assertThat(resolve(p).ties()).extracting(TieRow::contactId).containsExactly(id(JANE_KEY));
        }

        @Test
        void nameOnlyContactsOfTwoOwnersAreTwoContacts() {
            ParsedExport a = ownedExport();
            a.ties().add(tie(PersonRef.ofName("Jane Doe"), null));
            ParsedExport b = export(PersonRef.ofUrlAndName("https://www.linkedin.com/in/other-owner", "Otto"));
            b.ties().add(tie(PersonRef.ofName("Jane Doe"), null));

            String inA = resolve(a, "e1").ties().get(0).contactId();
            String inB = resolve(b, "e2").ties().get(0).contactId();

            assertThat(inA).isEqualTo(id("name:linkedin:" + OWNER_KEY + ":jane doe"));
            assertThat(inB).isEqualTo(id("name:linkedin:url:linkedin.com/in/other-owner:jane doe"));
            assertThat(inA).isNotEqualTo(inB);
        }

        @Test
        void sameUrlInTwoExportsIsOneContact() {
            ParsedExport a = ownedExport();
            a.ties().add(tie(PersonRef.ofUrlAndName(JANE_URL, "Jane Doe"), null));
            ParsedExport b = export(PersonRef.ofName("Otto Other"));
            b.ties().add(tie(PersonRef.ofUrlAndName("linkedin.com/in/JANE-DOE/", "J. Doe"), null));

            String inA = resolve(a, "e1").ties().get(0).contactId();
            String inB = resolve(b, "e2").ties().get(0).contactId();

            assertThat(inA).isEqualTo(inB).isEqualTo(id(JANE_KEY));
        }

        @Test
        void accountIdIsPreferredOverUrlAndName() {
            ParsedExport p = new ParsedExport("twitter");
            p.owner(PersonRef.ofAccount("1"));
            p.ties().add(new RawTie(new PersonRef("42", "https://twitter.com/jane", "Jane"), null, null, "follower",
                    "unknown", null, false));

            assertThat(resolve(p).ties()).extracting(TieRow::contactId).containsExactly(id("id:twitter:42"));
        }

        @Test
        void contactsWithNothingToIdentifyThemAreSkipped() {
            ParsedExport p = ownedExport();
            p.ties().add(tie(new PersonRef(null, " ", ""), t("2020-01-01")));
            p.ties().add(tie(null, t("2020-01-02")));
            p.invitations().add(invitation(PersonRef.ofName(" "), t("2020-01-03"), "in", false));

            Canonical.Export out = resolve(p);

            assertThat(out.ties()).isEmpty();
            assertThat(out.invitations()).isEmpty();
        }
    }

    @Nested
    class Ties {
        @Test
        void repeatedContactKeepsTheEarliestDatedTieAndCountsTheRepeats() {
            ParsedExport p = ownedExport();
            PersonRef jane = PersonRef.ofUrlAndName(JANE_URL, "Jane Doe");
            p.ties().add(tie(jane, t("2021-05-05")));
            p.ties().add(tie(PersonRef.ofUrlAndName(JANE_URL + "/", null), t("2019-03-03")));
            p.ties().add(tie(jane, null));
            p.ties().add(tie(jane, t("2020-04-04")));
            p.warn("reader warning");

            Canonical.Export out = resolve(p);

            assertThat(out.ties()).hasSize(1);
            assertThat(out.ties().get(0).connectedAt()).isEqualTo(t("2019-03-03"));
            assertThat(out.export().warnings()).containsExactly("reader warning",
                    "3 repeated contact(s) in the tie files merged into one tie each");
        }

        @Test
        void datedRepeatReplacesAnUndatedTie() {
            ParsedExport p = ownedExport();
            PersonRef jane = PersonRef.ofUrlAndName(JANE_URL, "Jane Doe");
            p.ties().add(tie(jane, null));
            p.ties().add(tie(jane, t("2022-02-02")));

            TieRow only = resolve(p).ties().get(0);

            assertThat(only.connectedAt()).isEqualTo(t("2022-02-02"));
            assertThat(only.connectedAtPrecision()).isEqualTo("day");
        }

        @Test
        void tieRowCarriesTheTieFields() {
            ParsedExport p = ownedExport();
            p.ties().add(new RawTie(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2020-01-01"), Precision.second,
                    "friend", "owner", true, true));

            TieRow r = resolve(p).ties().get(0);

            assertThat(r).isEqualTo(new TieRow(EXPORT, "linkedin", id(OWNER_KEY), id(JANE_KEY), t("2020-01-01"),
                    "second", "friend", "owner", true, true));
        }

        @Test
        void noRepeatsNoWarning() {
            ParsedExport p = ownedExport();
            p.ties().add(tie(PersonRef.ofName("Jane Doe"), null));
            p.ties().add(tie(PersonRef.ofName("John Roe"), null));

            Canonical.Export out = resolve(p);

            assertThat(out.ties()).hasSize(2);
            assertThat(out.export().warnings()).isEmpty();
        }
    }

    @Nested
    class Invitations {
        @Test
        void outgoingInvitationMakesTheOwnerTheInviterWithItsNote() {
            ParsedExport p = ownedExport();
            p.ties().add(tie(PersonRef.ofName("Jane Doe"), t("2024-03-02")));
            p.invitations().add(invitation(PersonRef.ofUrlAndName(JANE_URL, "Jane Doe"), t("2024-03-01"), "out", true));
            p.alias(PersonRef.ofUrlAndName(JANE_URL, "Jane Doe"));

            TieRow r = resolve(p).ties().get(0);

            assertThat(r.invitedBy()).isEqualTo("owner");
            assertThat(r.invitationHasNote()).isTrue();
        }

        @Test
        void incomingInvitationMakesTheContactTheInviter() {
            ParsedExport p = ownedExport();
            p.ties().add(tie(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2024-03-02")));
            p.invitations().add(invitation(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2024-03-01"), "in", false));

            TieRow r = resolve(p).ties().get(0);

            assertThat(r.invitedBy()).isEqualTo("contact");
            assertThat(r.invitationHasNote()).isFalse();
        }

        @Test
        void latestInvitationWins() {
            ParsedExport p = ownedExport();
            PersonRef jane = PersonRef.ofUrlAndName(JANE_URL, "Jane");
            p.ties().add(tie(jane, t("2024-06-01")));
            p.invitations().add(invitation(jane, t("2024-01-01"), "out", true));
            p.invitations().add(invitation(jane, t("2024-05-01"), "in", false));
            p.invitations().add(invitation(jane, null, "out", true));
            p.invitations().add(invitation(jane, t("2024-02-01"), "out", true));

            Canonical.Export out = resolve(p);

            assertThat(out.ties().get(0).invitedBy()).isEqualTo("contact");
            assertThat(out.ties().get(0).invitationHasNote()).isFalse();
            assertThat(out.invitations()).hasSize(4);
        }

        @Test
        void tieWithoutInvitationKeepsUnknown() {
            ParsedExport p = ownedExport();
            p.ties().add(tie(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2024-06-01")));
            p.invitations().add(invitation(PersonRef.ofUrlAndName("linkedin.com/in/someone-else", "X"),
                    t("2024-05-01"), "out", true));

            TieRow r = resolve(p).ties().get(0);

            assertThat(r.invitedBy()).isEqualTo("unknown");
            assertThat(r.invitationHasNote()).isNull();
        }

        @Test
        void invitedByAlreadyKnownFromTheTieIsKept() {
            ParsedExport p = ownedExport();
            PersonRef jane = PersonRef.ofUrlAndName(JANE_URL, "Jane");
            p.ties().add(new RawTie(jane, null, null, "friend", "owner", false, false));
            p.invitations().add(invitation(jane, t("2024-05-01"), "in", true));

            TieRow r = resolve(p).ties().get(0);

            assertThat(r.invitedBy()).isEqualTo("owner");
            assertThat(r.invitationHasNote()).isFalse();
        }

        @Test
        void invitationRowsArePseudonymizedAndInvitationsOfTheOwnerDropped() {
            ParsedExport p = ownedExport();
            p.invitations().add(invitation(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2024-05-01"), "out", true));
            p.invitations().add(invitation(PersonRef.ofUrlAndName(OWNER_URL, "Olga"), t("2024-05-02"), "in", false));

            assertThat(resolve(p).invitations()).containsExactly(new Canonical.InvitationRow(EXPORT, "linkedin",
                    id(OWNER_KEY), id(JANE_KEY), t("2024-05-01"), "out", true));
        }
    }

    @Nested
    class Interactions {
        @Test
        void interactionsWithTheOwnerOrWithNobodyAreDroppedWithAWarning() {
            ParsedExport p = ownedExport();
            p.interactions().add(message(PersonRef.ofUrlAndName("http://linkedin.com/in/OLGA-OWNER", "Olga"),
                    t("2024-01-01"), "out", "c1"));
            p.interactions().add(message(new PersonRef(null, null, " "), t("2024-01-02"), "in", "c1"));
            p.interactions().add(message(null, t("2024-01-03"), "in", "c1"));
            p.interactions().add(message(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2024-01-04"), "in", "c1"));

            Canonical.Export out = resolve(p);

            assertThat(out.interactions()).extracting(InteractionRow::contactId).containsExactly(id(JANE_KEY));
            assertThat(out.export().warnings())
                    .containsExactly("3 interaction(s) of the owner with themselves or with nobody were dropped");
        }

        @Test
        void nameOnlyOwnersOwnNameIsTheOwnerNotAContact() {
            ParsedExport p = export(PersonRef.ofName("Olga Owner"));
            p.interactions().add(message(PersonRef.ofName("olga  OWNER"), t("2024-01-01"), "in", "c1"));
            p.interactions().add(message(PersonRef.ofName("Jane Doe"), t("2024-01-02"), "in", "c1"));
            p.ties().add(tie(PersonRef.ofName("Olga Owner"), null));

            Canonical.Export out = resolve(p);

            assertThat(out.interactions()).extracting(InteractionRow::contactId)
                    .containsExactly(id("name:linkedin:name:linkedin:export-e1:olga owner:jane doe"));
            assertThat(out.ties()).isEmpty();
            assertThat(out.export().warnings())
                    .containsExactly("1 interaction(s) of the owner with themselves or with nobody were dropped");
        }

        @Test
        void interactionRowCarriesTheInteractionFieldsSortedByTime() {
            ParsedExport p = ownedExport();
            PersonRef jane = PersonRef.ofUrlAndName(JANE_URL, "Jane");
            p.interactions().add(new RawInteraction(jane, t("2024-02-01"), "call", "out", null, false, null, null, 65));
            p.interactions().add(new RawInteraction(jane, t("2024-01-01"), "message", "in", "conv-9", true, 4, 20, null));

            List<InteractionRow> rows = resolve(p).interactions();

            assertThat(rows).containsExactly(
                    new InteractionRow(EXPORT, "linkedin", id(OWNER_KEY), id(JANE_KEY), t("2024-01-01"), "message", "in",
                            id("thread:linkedin:" + OWNER_KEY + ":conv-9"), true, 4, 20, null),
                    new InteractionRow(EXPORT, "linkedin", id(OWNER_KEY), id(JANE_KEY), t("2024-02-01"), "call", "out",
                            null, false, null, null, 65));
        }

        @Test
        void sameConversationKeyOfTwoOwnersIsTwoThreads() {
            ParsedExport a = ownedExport();
            a.interactions().add(message(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2024-01-01"), "in", "2-abc"));
            ParsedExport b = export(PersonRef.ofUrlAndName("linkedin.com/in/other-owner", "Otto"));
            b.interactions().add(message(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2024-01-01"), "in", "2-abc"));

            String inA = resolve(a, "e1").interactions().get(0).threadId();
            String inB = resolve(b, "e2").interactions().get(0).threadId();

            assertThat(inA).isNotEqualTo(inB).hasSize(32);
        }

        @Test
        void oneOwnersMessagesInOneConversationShareAThread() {
            ParsedExport p = ownedExport();
            p.interactions().add(message(PersonRef.ofUrlAndName(JANE_URL, "Jane"), t("2024-01-01"), "out", "c"));
            p.interactions().add(message(PersonRef.ofName("John Roe"), t("2024-01-02"), "out", "c"));

            List<InteractionRow> rows = resolve(p).interactions();

            assertThat(rows.get(0).threadId()).isEqualTo(rows.get(1).threadId());
        }
    }

    @Nested
    class Window {
        @Test
        void spansTiesInteractionsAndInvitations() {
            ParsedExport p = ownedExport();
            PersonRef jane = PersonRef.ofUrlAndName(JANE_URL, "Jane");
            p.ties().add(tie(jane, t("2021-06-01")));
            p.ties().add(tie(PersonRef.ofName("John"), t("2023-12-31")));
            p.ties().add(tie(PersonRef.ofName("Undated"), null));
            p.interactions().add(message(jane, t("2022-01-01"), "in", null));
            p.invitations().add(invitation(jane, t("2019-02-02"), "out", false));
            p.invitations().add(invitation(PersonRef.ofName("Nobody Dated"), null, "in", false));

            Canonical.Export out = resolve(p);

            assertThat(out.export().windowStart()).isEqualTo(t("2019-02-02"));
            assertThat(out.export().windowEnd()).isEqualTo(t("2023-12-31"));
        }

        @Test
        void latestInteractionCanEndTheWindow() {
            ParsedExport p = ownedExport();
            PersonRef jane = PersonRef.ofUrlAndName(JANE_URL, "Jane");
            p.ties().add(tie(jane, t("2021-06-01")));
            p.interactions().add(message(jane, t("2024-07-07"), "in", null));

            Canonical.Export out = resolve(p);

            assertThat(out.export().windowStart()).isEqualTo(t("2021-06-01"));
            assertThat(out.export().windowEnd()).isEqualTo(t("2024-07-07"));
        }

        @Test
        void isOpenWhenNothingIsDated() {
            ParsedExport p = ownedExport();
            p.ties().add(tie(PersonRef.ofName("Jane"), null));

            Canonical.Export out = resolve(p);

            assertThat(out.export().windowStart()).isNull();
            assertThat(out.export().windowEnd()).isNull();
        }
    }

    @Nested
    class ExportRow {
        @Test
        void carriesExportFieldsFileStatsAndRejects() {
            ParsedExport p = ownedExport();
            p.formatEra("linkedin-2024");
            p.addHiddenProfiles(2);
            p.addHiddenProfiles(3);
            p.fileStats(new FileStats("Connections.csv", 10, 8, 2));
            p.fileStats(new FileStats("messages.csv", 5, 5, 0));
            p.reject(new Reject("Connections.csv", "line 7", "bad_date", "Cannot parse Connected On: shape 99.99.9999"));

            Canonical.Export out = resolve(p);

            assertThat(out.export()).isEqualTo(new Canonical.ExportRow(EXPORT, EXPORT, id(OWNER_KEY), "linkedin",
                    "linkedin-2024", "ok", 1234, List.of(new FileStats("Connections.csv", 10, 8, 2),
                    new FileStats("messages.csv", 5, 5, 0)), 5, null, null, INGESTED, "1", List.of()));
            assertThat(out.export().rowsRead()).isEqualTo(15);
            assertThat(out.export().rowsAccepted()).isEqualTo(13);
            assertThat(out.export().rowsRejected()).isEqualTo(2);
            assertThat(out.rejects()).containsExactly(new Canonical.RejectRow(EXPORT, "linkedin", "Connections.csv",
                    "line 7", "bad_date", "Cannot parse Connected On: shape 99.99.9999"));
        }

        @Test
        void rejectedExportIsOneRejectedExportRowAndOneReject() {
            Canonical.Export out = Resolver.rejected("abc", "linkedin", 99, INGESTED, "Connections.csv",
                    "missing_header", "Cannot read Connections.csv: no header");

            assertThat(out.export()).isEqualTo(new Canonical.ExportRow("abc", "abc", null, "linkedin", "unknown", "rejected",
                    99, List.of(new FileStats("Connections.csv", 1, 0, 1)), 0, null, null, INGESTED, "1",
                    List.of("Cannot read Connections.csv: no header")));
            assertThat(out.export().files().get(0).balanced()).isTrue();
            assertThat(out.rejects()).containsExactly(new Canonical.RejectRow("abc", "linkedin", "Connections.csv",
                    "export", "missing_header", "Cannot read Connections.csv: no header"));
            assertThat(out.ties()).isEmpty();
            assertThat(out.interactions()).isEmpty();
            assertThat(out.invitations()).isEmpty();
        }
    }

    @Nested
    class Privacy {
        private static final List<String> PII = List.of("Olga Owner", "Jane Doe", "Håkan Sjögren", "Secret Person",
                "olga-owner", "jane-doe", "hakan-s", "linkedin.com", "conv-with-jane");

        @Test
        void noOutputStringContainsAnInputNameUrlOrConversationKey() {
            ParsedExport p = export(PersonRef.ofUrlAndName(OWNER_URL, "Olga Owner"));
            p.ties().add(tie(PersonRef.ofName("Jane Doe"), t("2020-01-01")));
            p.ties().add(tie(PersonRef.ofName("Jane Doe"), t("2020-01-02")));
            p.ties().add(tie(PersonRef.ofUrlAndName("www.linkedin.com/in/hakan-s", "H\u00c3\u00a5kan Sj\u00c3\u00b6gren"), null));
            p.alias(PersonRef.ofUrlAndName(JANE_URL, "Jane Doe"));
            p.interactions().add(message(PersonRef.ofName("Secret Person"), t("2021-01-01"), "in", "conv-with-jane"));
            p.interactions().add(message(PersonRef.ofUrlAndName(OWNER_URL, "Olga Owner"), t("2021-01-01"), "in", "conv-with-jane"));
            p.invitations().add(invitation(PersonRef.ofName("Jane Doe"), t("2019-01-01"), "out", true));
            p.fileStats(new FileStats("Connections.csv", 3, 3, 0));

            List<String> strings = new ArrayList<>();
            collectStrings(resolve(p), strings);
            collectStrings(resolve(export(PersonRef.ofName("Olga Owner"))), strings);

            assertThat(strings).isNotEmpty();
            for (String s : strings) {
                for (String pii : PII) {
                    assertThat(s.toLowerCase(Locale.ROOT)).as("output string").doesNotContain(pii.toLowerCase(Locale.ROOT));
                }
            }
        }

        private void collectStrings(Object o, List<String> out) {
            if (o instanceof String s) {
                out.add(s);
            } else if (o instanceof Collection<?> c) {
                c.forEach(e -> collectStrings(e, out));
            } else if (o instanceof Record r) {
                for (RecordComponent rc : r.getClass().getRecordComponents()) {
                    try {
                        collectStrings(rc.getAccessor().invoke(r), out);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
    }
}
