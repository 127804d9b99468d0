package io.tiedepth.ingest.linkedin;

import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.TimePoint;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.TextSize;
import java.io.IOException;
import java.util.List;

/**
 * {@code Recommendations_Received.csv} and {@code Recommendations_Given.csv}
 * ({@code First Name,Last Name,Company,Job Title,Text,Creation Date,Status}, date {@code 12/24/23, 05:28 AM}):
 * one {@code recommendation} interaction per row, {@code in} from the recommender or {@code out} to the person
 * recommended, with the words and chars of {@code Text} (see {@link TextSize}); the text is then dropped.
 * {@code Company} and {@code Job Title} are never read.
 *
 * <p>Every {@code Status} counts: a recommendation was written and sent whether or not it is shown on the profile.
 * Rejected rows: no or unparseable {@code Creation Date}, no name ({@code unidentified_person}).
 */
final class RecommendationsFile {
    static final String RECEIVED = "Recommendations_Received.csv";
    static final String GIVEN = "Recommendations_Given.csv";
    private static final String FIRST_NAME = "First Name";
    private static final String LAST_NAME = "Last Name";
    private static final String TEXT = "Text";
    private static final String CREATION_DATE = "Creation Date";
    private static final List<String> REQUIRED = List.of(FIRST_NAME, LAST_NAME, CREATION_DATE);

    private RecommendationsFile() {
    }

    /** Reads one file; {@code direction} is {@code in} for the received file, {@code out} for the given one. */
    static void read(ExportSource source, String file, String direction, ParsedExport out, People people)
            throws IOException {
        CsvRows.read(source, file, REQUIRED, out, table -> row -> {
            TimePoint at = CsvRows.date(row, CREATION_DATE);
            PersonRef other = CsvRows.person(null, CsvRows.fullName(row, FIRST_NAME, LAST_NAME),
                    "in".equals(direction) ? "recommender" : "person recommended");
            String text = row.get(TEXT);
            people.see(other);
            out.interactions().add(new RawInteraction(other, at.at(), "recommendation", direction, null, false,
                    TextSize.words(text), TextSize.chars(text), null));
        });
    }
}
