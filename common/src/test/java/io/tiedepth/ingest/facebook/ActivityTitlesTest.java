package io.tiedepth.ingest.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.ingest.facebook.ActivityTitles.Title;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityTitlesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Fakey McTestface commented on Testy Mockington's post.|comment|Testy Mockington",
        "Fakey McTestface replied to Zoë Notreal's comment.|comment|Zoë Notreal",
        "Fakey McTestface likes Dummy O'Placeholder's photo.|reaction|Dummy O'Placeholder",
        "Fakey McTestface liked Testy Mockington's video.|reaction|Testy Mockington",
        "Fakey McTestface reacted to Imaginary Jones' comment.|reaction|Imaginary Jones",
        "Fakey McTestface loves Testy Mockington’s photo.|reaction|Testy Mockington",
        "Fakey McTestface wrote on Sample Samplesson's timeline.|wall_post|Sample Samplesson",
        "Fakey McTestface commented on Testy Mockington's post in Fake Group's page|comment|Testy Mockington",
    })
    void readsThePersonAndChannel(String title, String channel, String person) {
        assertThat(ActivityTitles.parse(title)).contains(new Title("Fakey McTestface", channel, person));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fakey McTestface commented on his own post.",
        "Fakey McTestface likes a link.",
        "Fakey McTestface reacted to her own comment.",
        "Fakey McTestface liked an album.",
        "Fakey McTestface commented on your post.",
    })
    void readsTitlesNamingNobody(String title) {
        assertThat(ActivityTitles.parse(title)).hasValueSatisfying(t -> assertThat(t.person()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fakey McTestface a commenté la publication de Sample Samplesson.",
        "Fakey McTestface gefällt der Beitrag von Testy Mockington.",
        "Fakey McTestface likes Some Page.",
        "Fakey McTestface updated his status.",
        "",
    })
    void leavesOtherShapesUnparsed(String title) {
        assertThat(ActivityTitles.parse(title)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void toStringShowsNoName() {
        assertThat(new Title("Fakey McTestface", "comment", "Testy Mockington").toString())
                .doesNotContain("Fakey").doesNotContain("Testy");
    }
}
