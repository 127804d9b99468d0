package io.tiedepth.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonRefTest {

    @Test
    void toStringRedactsEveryField() {
        PersonRef p = new PersonRef("12345", "https://www.linkedin.com/in/jane-doe", "Jane Doe");

        assertThat(p.toString()).isEqualTo("PersonRef[redacted]");
        assertThat(String.valueOf(java.util.List.of(p))).isEqualTo("[PersonRef[redacted]]");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n", "\u2003"})
    void blankFieldsBecomeNull(String blank) {
        PersonRef p = new PersonRef(blank, blank, blank);

        assertThat(p.accountId()).isNull();
        assertThat(p.url()).isNull();
        assertThat(p.name()).isNull();
        assertThat(p.isEmpty()).isTrue();
    }

    @Test
    void fieldsAreStripped() {
        PersonRef p = new PersonRef(" 42 ", "\thttps://x.org/a ", "  Jane Doe\n");

        assertThat(p).isEqualTo(new PersonRef("42", "https://x.org/a", "Jane Doe"));
    }

    @Test
    void anyOneFieldMakesItNonEmpty() {
        assertThat(PersonRef.ofName("Jane").isEmpty()).isFalse();
        assertThat(PersonRef.ofAccount("1").isEmpty()).isFalse();
        assertThat(PersonRef.ofUrlAndName("u", null).isEmpty()).isFalse();
    }

    @Test
    void factoriesFillTheRightFields() {
        assertThat(PersonRef.ofName("Jane")).isEqualTo(new PersonRef(null, null, "Jane"));
        assertThat(PersonRef.ofAccount("7")).isEqualTo(new PersonRef("7", null, null));
        assertThat(PersonRef.ofUrlAndName("u", "Jane")).isEqualTo(new PersonRef(null, "u", "Jane"));
        assertThat(PersonRef.ofUrlAndName(" ", "Jane")).isEqualTo(PersonRef.ofName("Jane"));
    }

    @Test
    void rawRowsDoNotShowTheirPersonInToString() {
        PersonRef jane = PersonRef.ofName("Jane Doe");
        java.time.Instant at = java.time.Instant.parse("2024-01-01T00:00:00Z");

        assertThat(new RawTie(jane, at, Precision.day, "connection", "unknown", null, false).toString())
                .isEqualTo("RawTie[connection, 2024-01-01T00:00:00Z]");
        assertThat(new RawInteraction(jane, at, "message", "in", "conv-jane", false, 1, 2, null).toString())
                .isEqualTo("RawInteraction[message in 2024-01-01T00:00:00Z]");
        assertThat(new RawInvitation(jane, at, "out", true).toString())
                .isEqualTo("RawInvitation[out 2024-01-01T00:00:00Z]");
    }
}
