package io.tiedepth.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParsedExportTest {

    @Nested
    class FileStatsMerging {
        @Test
        void statsOfTheSameFileAreSummed() {
            ParsedExport p = new ParsedExport("facebook");
            p.fileStats(new FileStats("messages/inbox/t_1/message_1.json", 10, 9, 1));
            p.fileStats(new FileStats("messages/inbox/t_1/message_1.json", 5, 3, 2));

            assertThat(p.files()).containsExactly(
                    java.util.Map.entry("messages/inbox/t_1/message_1.json",
                            new FileStats("messages/inbox/t_1/message_1.json", 15, 12, 3)));
        }

        @Test
        void differentFilesKeepTheOrderTheyWereFirstSeenIn() {
            ParsedExport p = new ParsedExport("linkedin");
            p.fileStats(new FileStats("messages.csv", 1, 1, 0));
            p.fileStats(new FileStats("Connections.csv", 2, 2, 0));
            p.fileStats(new FileStats("messages.csv", 1, 0, 1));

            assertThat(p.files().keySet()).containsExactly("messages.csv", "Connections.csv");
            assertThat(p.files().get("messages.csv")).isEqualTo(new FileStats("messages.csv", 2, 1, 1));
        }
    }

    @Nested
    class Balance {
        @ParameterizedTest(name = "[{index}] read {0} = {1} + {2}: {3}")
        @CsvSource({"10, 7, 3, true", "0, 0, 0, true", "10, 7, 2, false", "10, 8, 3, false"})
        void isReadEqualsAcceptedPlusRejected(long read, long accepted, long rejected, boolean balanced) {
            assertThat(new FileStats("f", read, accepted, rejected).balanced()).isEqualTo(balanced);
        }
    }

    @Nested
    class Aliases {
        @Test
        void keepsOnlyPersonsWithANameAndAUrlOrAccount() {
            ParsedExport p = new ParsedExport("linkedin");
            p.alias(PersonRef.ofUrlAndName("u", "Jane"));
            p.alias(new PersonRef("1", null, "John"));
            p.alias(PersonRef.ofName("Name Only"));
            p.alias(PersonRef.ofUrlAndName("u-only", null));
            p.alias(null);

            assertThat(p.aliases()).containsExactly(PersonRef.ofUrlAndName("u", "Jane"), new PersonRef("1", null, "John"));
        }
    }

    @Test
    void defaultsAreUnknownEraNoPartNoHiddenProfiles() {
        ParsedExport p = new ParsedExport("twitter");

        assertThat(p.platform()).isEqualTo("twitter");
        assertThat(p.formatEra()).isEqualTo("unknown");
        assertThat(p.part()).isNull();
        assertThat(p.hiddenProfiles()).isZero();
        assertThat(p.owner()).isNull();
    }
}
