package io.tiedepth.ingest.linkedin;

import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.TimePoint;
import io.tiedepth.source.ExportSource;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code Endorsement_Received_Info.csv} and {@code Endorsement_Given_Info.csv}
 * ({@code Endorsement Date,Skill Name,Endorser|Endorsee First Name,… Last Name,… Public Url,Endorsement Status};
 * the 2021 files lack the URL column, whose values have no scheme): one {@code endorsement} interaction per row,
 * {@code in} from the endorser or {@code out} to the endorsee. One endorsement per skill, so endorsing three
 * skills at once is three interactions.
 *
 * <p>Only {@code ACCEPTED} endorsements, or rows with no status, are interactions. Rows with another status
 * ({@code PENDING}, {@code HIDDEN}...) are well-formed, so they are <b>accepted and skipped</b>: they count as
 * accepted rows and a warning gives their number. Rejected rows: no or unparseable date, no name and no URL.
 */
final class EndorsementsFile {
    static final String RECEIVED = "Endorsement_Received_Info.csv";
    static final String GIVEN = "Endorsement_Given_Info.csv";
    private static final String DATE = "Endorsement Date";
    private static final String STATUS = "Endorsement Status";

    /** Who the other person is in a file, and the direction of its interactions. */
    enum Role {
        ENDORSER("Endorser", "in"), ENDORSEE("Endorsee", "out");

        private final String prefix;
        private final String direction;

        Role(String prefix, String direction) {
            this.prefix = prefix;
            this.direction = direction;
        }
    }

    private EndorsementsFile() {
    }

    static void read(ExportSource source, String file, Role role, ParsedExport out, People people)
            throws IOException {
        String first = role.prefix + " First Name";
        String last = role.prefix + " Last Name";
        String url = role.prefix + " Public Url";
        long[] skipped = new long[1];
        CsvRows.read(source, file, List.of(DATE, first, last), out, table -> row -> {
            TimePoint at = CsvRows.date(row, DATE);
            PersonRef other = CsvRows.person(row.get(url), CsvRows.fullName(row, first, last),
                    role.name().toLowerCase(Locale.ROOT));
            String status = row.get(STATUS);
            if (status != null && !status.equalsIgnoreCase("ACCEPTED")) {
                skipped[0]++;
                return;
            }
            people.see(other);
            out.interactions().add(new RawInteraction(other, at.at(), "endorsement", role.direction, null, false,
                    null, null, null));
        });
        if (skipped[0] > 0) {
            out.warn(CsvRows.baseName(file) + ": " + skipped[0]
                    + " endorsement(s) with a status other than ACCEPTED not counted as interactions");
        }
    }
}
