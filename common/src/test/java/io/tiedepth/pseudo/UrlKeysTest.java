package io.tiedepth.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlKeysTest {
    private static final List<String> URLS = List.of("https://www.linkedin.com/in/Jane-Doe/",
            "linkedin.com/in/jane-doe", "HTTP://LinkedIn.com/in/jane-doe?trk=x#top", " https://linkedin.com/in/ab-12// ",
            "www.linkedin.com/in/ab-12", "https://www.linkedin.com/in/%C3%A9lise", "", "linkedin.com/in/jane-doe");

    @Test
    void givesPersonKeysUrlKeyForEveryUrlAgainAndAgain() {
        UrlKeys keys = new UrlKeys();
        for (int round = 0; round < 2; round++) {
            for (String url : URLS) {
                assertThat(keys.of(url)).as(url).isEqualTo(PersonKeys.urlKey(url));
            }
        }
    }

    @Test
    void normalisesEachDistinctUrlOnce() {
        UrlKeys keys = new UrlKeys();
        String first = keys.of("https://www.linkedin.com/in/Jane-Doe/");
        assertThat(keys.of(new String("https://www.linkedin.com/in/Jane-Doe/"))).isSameAs(first);
    }
}
