package io.tiedepth.ingest.linkedin;

import static io.tiedepth.ingest.linkedin.Exports.IN;
import static io.tiedepth.ingest.linkedin.Exports.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInvitation;
import io.tiedepth.model.Reject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvitationsFileTest {
    private static final String CONNECTIONS = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
            + "Anna,Fakeone,,,,16 Dec 2024\n";

    @TempDir
    Path dir;

    @Test
    void readsDirectionNoteAndCounterpartAndRecognisesTheOwner() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS, "Invitations.csv",
                "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
                        + "Owen Fakeowner,Anna Fakeone,\"12/15/24, 7:47 AM\",\"Hi Anna, let's connect\",OUTGOING,"
                        + IN + "fake-owen," + IN + "fake-anna\n"
                        + "Bert Faketwo,Owen Fakeowner,\"12/14/24, 10:02 PM\",,INCOMING,"
                        + IN + "fake-bert," + IN + "fake-owen\n");
        assertThat(p.invitations()).extracting(i -> i.counterpart().url(), RawInvitation::sentAt,
                RawInvitation::direction, RawInvitation::hasNote).containsExactly(
                tuple(IN + "fake-anna", Instant.parse("2024-12-15T07:47:00Z"), "out", true),
                tuple(IN + "fake-bert", Instant.parse("2024-12-14T22:02:00Z"), "in", false));
        assertThat(p.owner()).isEqualTo(PersonRef.ofUrlAndName(IN + "fake-owen", "Owen Fakeowner"));
        assertThat(stats(p, "Invitations.csv")).isEqualTo(new FileStats("Invitations.csv", 2, 2, 0));
    }

    @Test
    void readsOldInvitationsByNameAndIgnoresMemberUrns() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS, "Invitations.csv",
                "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn\n"
                        + "Owen Fakeowner,Anna Fakeone,\"7/15/23, 7:47 AM\",,OUTGOING,"
                        + "urn:li:member:1,urn:li:member:2\n");
        assertThat(p.invitations().get(0).counterpart()).isEqualTo(PersonRef.ofName("Anna Fakeone"));
        assertThat(p.owner()).isEqualTo(PersonRef.ofName("Owen Fakeowner"));
        assertThat(p.warnings()).contains(
                "Invitations.csv has member URN columns (July 2023 variant): not used as keys");
    }

    @Test
    void rejectsUnknownDirectionAndMissingCounterpart() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS, "Invitations.csv",
                "From,To,Sent At,Message,Direction\n"
                        + "Owen Fakeowner,Anna Fakeone,\"7/15/23, 7:47 AM\",,SIDEWAYS\n"
                        + "Owen Fakeowner,,\"7/15/23, 7:47 AM\",Hi,OUTGOING\n"
                        + "Owen Fakeowner,Anna Fakeone,yesterday,,OUTGOING\n");
        assertThat(p.invitations()).isEmpty();
        assertThat(p.rejects()).containsExactly(
                new Reject("Invitations.csv", "line 2", "bad_direction",
                        "unknown value 'aaaaaaaa' in column Direction (expected INCOMING or OUTGOING)"),
                new Reject("Invitations.csv", "line 3", "unidentified_person",
                        "no name or profile URL for the invitee"),
                new Reject("Invitations.csv", "line 4", "bad_date",
                        "unknown date format 'aaaaaaaaa' in column Sent At"));
        assertThat(stats(p, "Invitations.csv")).isEqualTo(new FileStats("Invitations.csv", 3, 0, 3));
    }
}
