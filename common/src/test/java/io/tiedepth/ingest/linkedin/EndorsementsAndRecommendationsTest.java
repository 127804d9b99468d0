package io.tiedepth.ingest.linkedin;

import static io.tiedepth.ingest.linkedin.Exports.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.Reject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndorsementsAndRecommendationsTest {
    private static final String CONNECTIONS = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
            + "Anna,Fakeone,,,,16 Dec 2021\n";

    @TempDir
    Path dir;

    @Test
    void acceptedEndorsementsAreInteractionsAndOthersAreCountedInAWarning() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS,
                "Endorsement_Received_Info.csv", "Endorsement Date,Skill Name,Endorser First Name,"
                        + "Endorser Last Name,Endorser Public Url,Endorsement Status\n"
                        + "2024/12/07 14:51:07 UTC,Java,Anna,Fakeone,www.linkedin.com/in/fake-anna,ACCEPTED\n"
                        + "2024/12/08 14:51:07 UTC,Spark,Bert,Faketwo,www.linkedin.com/in/fake-bert,PENDING\n"
                        + "2024.12.09,Spark,Bert,Faketwo,www.linkedin.com/in/fake-bert,ACCEPTED\n",
                "Endorsement_Given_Info.csv", "Endorsement Date,Skill Name,Endorsee First Name,"
                        + "Endorsee Last Name,Endorsement Status\n"
                        + "2021/03/01 10:00:00 UTC,Cooking,Anna,Fakeone,\n");
        assertThat(p.interactions()).extracting(i -> i.contact().name(), i -> i.contact().url(),
                RawInteraction::channel, RawInteraction::direction, RawInteraction::at).containsExactly(
                tuple("Anna Fakeone", "www.linkedin.com/in/fake-anna", "endorsement", "in",
                        Instant.parse("2024-12-07T14:51:07Z")),
                tuple("Anna Fakeone", null, "endorsement", "out", Instant.parse("2021-03-01T10:00:00Z")));
        assertThat(p.warnings()).contains("Endorsement_Received_Info.csv: 1 endorsement(s) with a status other"
                + " than ACCEPTED not counted as interactions");
        assertThat(p.rejects()).containsExactly(new Reject("Endorsement_Received_Info.csv", "line 4", "bad_date",
                "unknown date format '9999.99.99' in column Endorsement Date"));
        assertThat(stats(p, "Endorsement_Received_Info.csv"))
                .isEqualTo(new FileStats("Endorsement_Received_Info.csv", 3, 2, 1));
        assertThat(stats(p, "Endorsement_Given_Info.csv"))
                .isEqualTo(new FileStats("Endorsement_Given_Info.csv", 1, 1, 0));
    }

    @Test
    void recommendationsKeepOnlyTheSizeOfTheirText() throws Exception {
        ParsedExport p = Exports.read(dir, "Connections.csv", CONNECTIONS,
                "Recommendations_Received.csv", "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
                        + "Anna,Fakeone,Fake Co,Tester,\"A great, reliable\ncolleague.\","
                        + "\"12/24/23, 05:28 AM\",VISIBLE\n",
                "Recommendations_Given.csv", "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
                        + "Bert,Faketwo,Fake Co,Tester,Solid.,\"1/2/24, 11:00 PM\",HIDDEN\n"
                        + ",,Fake Co,Tester,Nobody.,\"1/2/24, 11:00 PM\",VISIBLE\n");
        assertThat(p.interactions()).extracting(i -> i.contact().name(), RawInteraction::channel,
                RawInteraction::direction, RawInteraction::words, RawInteraction::chars, RawInteraction::at)
                .containsExactly(
                        tuple("Anna Fakeone", "recommendation", "in", 4, 28, Instant.parse("2023-12-24T05:28:00Z")),
                        tuple("Bert Faketwo", "recommendation", "out", 1, 6, Instant.parse("2024-01-02T23:00:00Z")));
        assertThat(p.rejects()).containsExactly(new Reject("Recommendations_Given.csv", "line 3",
                "unidentified_person", "no name or profile URL for the person recommended"));
    }
}
