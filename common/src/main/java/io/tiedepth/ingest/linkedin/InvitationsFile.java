package io.tiedepth.ingest.linkedin;

import io.tiedepth.ingest.linkedin.CsvRows.RowRejected;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInvitation;
import io.tiedepth.model.TimePoint;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.Dates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Invitations.csv} ({@code From,To,Sent At,Message,Direction}, plus {@code inviterProfileUrl,
 * inviteeProfileUrl} from late 2023): one invitation per row. OUTGOING rows were sent by the owner to
 * {@code To}; INCOMING rows came from {@code From}. {@code has_note} is true when {@code Message} is not blank;
 * the note itself is never kept. The Resolver matches invitations to ties (invited_by, invitation_has_note).
 *
 * <p>The July 2023 variant's {@code inviterProfileUrn,inviteeProfileUrn} ({@code urn:li:member:<digits>}) are
 * account ids that no other file carries: keying people by them would split one person in two, so they are not
 * read (a warning notes the variant) and the counterpart is keyed by URL or name like everywhere else.
 *
 * <p>Rejected rows: no or unparseable {@code Sent At}; a {@code Direction} other than INCOMING/OUTGOING
 * ({@code bad_direction}); no counterpart name or URL ({@code unidentified_person}).
 */
final class InvitationsFile {
    static final String FILE = "Invitations.csv";
    private static final String FROM = "From";
    private static final String TO = "To";
    private static final String SENT_AT = "Sent At";
    private static final String MESSAGE = "Message";
    private static final String DIRECTION = "Direction";
    private static final String INVITER_URL = "inviterProfileUrl";
    private static final String INVITEE_URL = "inviteeProfileUrl";
    private static final String INVITER_URN = "inviterProfileUrn";
    private static final List<String> REQUIRED = List.of(FROM, TO, SENT_AT, DIRECTION);

    private InvitationsFile() {
    }

    /** Reads the invitations into {@code out}; returns the owner's side of each (owner-recognition evidence). */
    static List<PersonRef> read(ExportSource source, String file, ParsedExport out, People people)
            throws IOException {
        List<PersonRef> ownerSides = new ArrayList<>();
        CsvRows.read(source, file, REQUIRED, out, table -> {
            if (table.has(INVITER_URN)) {
                out.warn(CsvRows.baseName(file) + " has member URN columns (July 2023 variant): not used as keys");
            }
            return row -> {
                TimePoint at = CsvRows.date(row, SENT_AT);
                boolean outgoing = outgoing(row.get(DIRECTION));
                PersonRef inviter = PersonRef.ofUrlAndName(row.get(INVITER_URL), row.get(FROM));
                PersonRef invitee = PersonRef.ofUrlAndName(row.get(INVITEE_URL), row.get(TO));
                PersonRef counterpart = outgoing ? invitee : inviter;
                if (counterpart.isEmpty()) {
                    throw new RowRejected("unidentified_person", "no name or profile URL for the "
                            + (outgoing ? "invitee" : "inviter"));
                }
                PersonRef ownerSide = outgoing ? inviter : invitee;
                if (!ownerSide.isEmpty()) {
                    ownerSides.add(ownerSide);
                    people.see(ownerSide);
                }
                people.see(counterpart);
                out.invitations().add(new RawInvitation(counterpart, at.at(), outgoing ? "out" : "in",
                        row.get(MESSAGE) != null));
            };
        });
        return ownerSides;
    }

    private static boolean outgoing(String direction) throws RowRejected {
        if (direction == null) {
            throw new RowRejected("bad_direction", "no value in column " + DIRECTION);
        }
        if (direction.equalsIgnoreCase("OUTGOING")) {
            return true;
        }
        if (direction.equalsIgnoreCase("INCOMING")) {
            return false;
        }
        throw new RowRejected("bad_direction", "unknown value '" + Dates.shape(direction) + "' in column "
                + DIRECTION + " (expected INCOMING or OUTGOING)");
    }
}
