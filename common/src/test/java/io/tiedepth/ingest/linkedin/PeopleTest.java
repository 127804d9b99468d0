package io.tiedepth.ingest.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.PersonRef;
import org.junit.jupiter.api.Test;

class PeopleTest {
    @Test
    void splitsJoinedNamesKeepingKnownNamesWithCommasWhole() {
        People people = new People();
        people.see(PersonRef.ofName("Fakedoe, Jana"));
        people.see(PersonRef.ofName("Jan Fakeman, PhD"));
        assertThat(people.splitNames("Fakedoe, Jana, Anna Fakeone, Jan Fakeman, PhD"))
                .containsExactly("Fakedoe, Jana", "Anna Fakeone", "Jan Fakeman, PhD");
        assertThat(people.splitNames("Fakeman, Jan")).containsExactly("Fakeman", "Jan");
        assertThat(people.splitNames(null)).isEmpty();
    }

    @Test
    void keysANameByTheOneUrlItWasSeenWith() {
        People people = new People();
        people.see(PersonRef.ofUrlAndName("https://www.linkedin.com/in/fake-anna/", "Anna Fakeone"));
        people.see(PersonRef.ofUrlAndName("https://www.linkedin.com/in/fake-bert-1", "Bert Faketwo"));
        people.see(PersonRef.ofUrlAndName("https://www.linkedin.com/in/fake-bert-2", "Bert Faketwo"));
        assertThat(people.key(PersonRef.ofName("ANNA  Fakeone"))).isEqualTo("url:linkedin.com/in/fake-anna");
        assertThat(people.key(PersonRef.ofName("Bert Faketwo"))).isEqualTo("name:bert faketwo");
        assertThat(people.aliases()).hasSize(3);
    }
}
