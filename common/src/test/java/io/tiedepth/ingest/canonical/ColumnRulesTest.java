package io.tiedepth.ingest.canonical;

import static io.tiedepth.ingest.canonical.CanonicalExports.export;
import static io.tiedepth.ingest.canonical.CanonicalExports.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.Reject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every validation rule of {@link ColumnRules}, each with its exact reason, on a CSV of two rows: a good row on
 * line 2, and on line 3 the same row with one column changed.
 */
class ColumnRulesTest {
    @TempDir
    Path tmp;

    private static final Map<CanonicalTable, Map<String, String>> GOOD = Map.of(
            CanonicalTable.TIES, row("platform=linkedin", "owner_id=owner-1", "contact_id=contact-1",
                    "connected_at=2021-03-04T00:00:00Z", "connected_at_precision=day", "tie_source=connection",
                    "invited_by=owner", "invitation_has_note=true", "ended=false"),
            CanonicalTable.INTERACTIONS, row("platform=linkedin", "owner_id=owner-1", "contact_id=contact-1",
                    "at=2021-03-05T10:00:00Z", "channel=message", "direction=out", "thread_id=thread-1",
                    "is_group=false", "words=3", "chars=12", "duration_s="),
            CanonicalTable.INVITATIONS, row("platform=linkedin", "owner_id=owner-1", "counterpart_id=contact-1",
                    "sent_at=2021-03-01T08:00:00Z", "direction=out", "has_note=true"));

    private static Map<String, String> row(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : pairs) {
            m.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        return m;
    }

    private static String csvLine(Map<String, String> row) {
        return row.values().stream().map(v -> v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"")
                + "\"" : v).collect(Collectors.joining(","));
    }

    /**
     * Reads a file of {@code table} with the good row and the row whose {@code column} is {@code value} (with a
     * good interactions file beside an invitations file: a manifest must name ties or interactions).
     */
    private List<ParsedExport> readWith(CanonicalTable table, String column, String value) throws Exception {
        Map<String, String> bad = new LinkedHashMap<>(GOOD.get(table));
        bad.put(column, value);
        String file = table.key() + ".csv";
        String text = String.join(",", GOOD.get(table).keySet()) + "\n" + csvLine(GOOD.get(table)) + "\n"
                + csvLine(bad) + "\n";
        if (table != CanonicalTable.INVITATIONS) {
            return CanonicalExports.read(export(tmp.resolve("e"), manifest("linkedin,facebook", table.key(), file),
                    file, text));
        }
        Map<String, String> interaction = GOOD.get(CanonicalTable.INTERACTIONS);
        return CanonicalExports.read(export(tmp.resolve("e"), manifest("linkedin,facebook", table.key(), file,
                        "interactions", "interactions.csv"), file, text, "interactions.csv",
                String.join(",", interaction.keySet()) + "\n" + csvLine(interaction) + "\n"));
    }

    @ParameterizedTest(name = "{0}.{1} = [{2}] → {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            TIES         | platform               |                      | missing_value       | no value in required column platform
            TIES         | platform               | LinkedIn             | bad_platform        | column platform must be a lower-case platform name, not 'aaaaaaaa'
            TIES         | platform               | twitter              | undeclared_platform | column platform names a platform that tiedepth-canonical.json does not declare (it declares linkedin, facebook): 'aaaaaaa'
            TIES         | owner_id               |                      | missing_value       | no value in required column owner_id
            TIES         | contact_id             |                      | missing_value       | no value in required column contact_id
            TIES         | contact_id             | owner-1              | self_pair           | owner_id and contact_id are the same person
            TIES         | connected_at           | 2021-03-04 10:00:00  | bad_time            | column connected_at is not an ISO-8601 time with a zone or epoch milliseconds: '9999-99-99 99:99:99'
            TIES         | connected_at           | 2021-03-04T10:00:00  | bad_time            | column connected_at is not an ISO-8601 time with a zone or epoch milliseconds: '9999-99-99a99:99:99'
            TIES         | connected_at           | 04.03.2021           | bad_time            | column connected_at is not an ISO-8601 time with a zone or epoch milliseconds: '99.99.9999'
            TIES         | connected_at           | 1994-12-31T23:59:59Z | bad_time            | column connected_at is outside the plausible range 1995-2099
            TIES         | connected_at           | 1614816000           | bad_time            | column connected_at is outside the plausible range 1995-2099 (epoch seconds? numbers are read as epoch milliseconds)
            TIES         | connected_at           |                      | bad_precision       | column connected_at_precision is set but connected_at is empty
            TIES         | connected_at_precision | minute               | bad_enum            | column connected_at_precision must be one of day, second, not 'aaaaaa'
            TIES         | tie_source             |                      | missing_value       | no value in required column tie_source
            TIES         | tie_source             | Friend               | bad_enum            | column tie_source must be one of connection, friend, follower, following, mutual_follow, network_link, derived, not 'aaaaaa'
            TIES         | invited_by             | me                   | bad_enum            | column invited_by must be one of owner, contact, unknown, not 'aa'
            TIES         | invitation_has_note    | 1                    | bad_boolean         | column invitation_has_note must be true or false, not '9'
            TIES         | ended                  |                      | missing_value       | no value in required column ended
            TIES         | ended                  | no                   | bad_boolean         | column ended must be true or false, not 'aa'
            INTERACTIONS | at                     |                      | missing_value       | no value in required column at
            INTERACTIONS | at                     | yesterday            | bad_time            | column at is not an ISO-8601 time with a zone or epoch milliseconds: 'aaaaaaaaa'
            INTERACTIONS | at                     | 2100-01-01T00:00:00Z | bad_time            | column at is outside the plausible range 1995-2099
            INTERACTIONS | channel                | dm                   | bad_enum            | column channel must be one of message, call, comment, reaction, endorsement, recommendation, reply, mention, wall_post, not 'aa'
            INTERACTIONS | direction              | both                 | bad_enum            | column direction must be one of out, in, not 'aaaa'
            INTERACTIONS | is_group               |                      | missing_value       | no value in required column is_group
            INTERACTIONS | is_group               | Y                    | bad_boolean         | column is_group must be true or false, not 'a'
            INTERACTIONS | words                  | -1                   | bad_count           | column words must be a whole number from 0 to 2147483647, not '-9'
            INTERACTIONS | chars                  | 2147483648           | bad_count           | column chars must be a whole number from 0 to 2147483647, not '9999999999'
            INTERACTIONS | duration_s             | 1.5                  | bad_count           | column duration_s must be a whole number from 0 to 2147483647, not '9.9'
            INVITATIONS  | counterpart_id         |                      | missing_value       | no value in required column counterpart_id
            INVITATIONS  | counterpart_id         | owner-1              | self_pair           | owner_id and counterpart_id are the same person
            INVITATIONS  | sent_at                | 2100-01-01T00:00:00Z | bad_time            | column sent_at is outside the plausible range 1995-2099
            INVITATIONS  | direction              | OUT                  | bad_enum            | column direction must be one of out, in, not 'aaa'
            INVITATIONS  | has_note               |                      | missing_value       | no value in required column has_note
            """)
    void rejectsTheRowNamingTheColumnAndTheShape(CanonicalTable table, String column, String value, String code,
                                                  String reason) throws Exception {
        List<ParsedExport> parts = readWith(table, column, value == null ? "" : value);
        String file = table.key() + ".csv";
        assertThat(parts.get(0).rejects()).containsExactly(new Reject(file, "line 3", code, reason));
        assertThat(parts.get(0).files()).containsEntry(file, new FileStats(file, 2, 1, 1));
    }

    @Test
    void rejectsAnIdLongerThan256CharactersOrWithControlCharacters() throws Exception {
        assertThat(readWith(CanonicalTable.TIES, "contact_id", "c".repeat(257)).get(0).rejects())
                .containsExactly(new Reject("ties.csv", "line 3", "bad_id",
                        "column contact_id is longer than 256 characters"));
        assertThat(readWith(CanonicalTable.INTERACTIONS, "thread_id", "th\u0007-1").get(0).rejects())
                .containsExactly(new Reject("interactions.csv", "line 3", "bad_id",
                        "column thread_id holds control characters"));
        assertThat(readWith(CanonicalTable.TIES, "contact_id", "c".repeat(256)).get(0).rejects()).isEmpty();
    }

    @Test
    void theFirstBadColumnInSchemaOrderIsTheReason() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>(GOOD.get(CanonicalTable.TIES));
        bad.put("ended", "maybe");
        bad.put("tie_source", "pal");
        String text = String.join(",", bad.keySet()) + "\n" + csvLine(GOOD.get(CanonicalTable.TIES)) + "\n"
                + csvLine(bad) + "\n";
        Path dir = export(tmp.resolve("f"), manifest("linkedin", "ties", "ties.csv"), "ties.csv", text);
        assertThat(CanonicalExports.read(dir).get(0).rejects()).extracting(Reject::reasonCode)
                .containsExactly("bad_enum");
    }

    @Nested
    class AcceptedForms {
        private RawTie tieWith(String column, String value) throws Exception {
            List<ParsedExport> parts = readWith(CanonicalTable.TIES, column, value);
            assertThat(parts.get(0).rejects()).isEmpty();
            return parts.get(0).ties().get(1);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "2021-03-04T10:00:00Z, 2021-03-04T10:00:00Z",
            "2021-03-04T10:00Z, 2021-03-04T10:00:00Z",
            "2021-03-04T10:00:00.250+01:00, 2021-03-04T09:00:00.250Z",
            "2021-03-04T10:00:00.123456-05:30, 2021-03-04T15:30:00.123456Z",
            "2021-03-04t10:00:00z, 2021-03-04T10:00:00Z",
            "1614852000000, 2021-03-04T10:00:00Z",
            "788918400000, 1995-01-01T00:00:00Z"})
        void readsIsoTimesWithAZoneAndEpochMilliseconds(String value, String expected) throws Exception {
            assertThat(tieWith("connected_at", value).connectedAt()).isEqualTo(Instant.parse(expected));
        }

        @ParameterizedTest
        @CsvSource({"TRUE, true", "False, false", "true, true"})
        void readsBooleansInAnyCase(String value, boolean expected) throws Exception {
            assertThat(tieWith("ended", value).ended()).isEqualTo(expected);
        }

        @Test
        void readsEmptyOptionalsAsNullAndATimeWithoutPrecisionAsSeconds() throws Exception {
            assertThat(tieWith("invitation_has_note", "").invitationHasNote()).isNull();
            assertThat(tieWith("invitation_has_note", "NA").invitationHasNote()).isNull();
            assertThat(tieWith("connected_at_precision", "").precision()).isEqualTo(Precision.second);
            Map<String, String> undated = new LinkedHashMap<>(GOOD.get(CanonicalTable.TIES));
            undated.put("connected_at", "");
            undated.put("connected_at_precision", "");
            String text = String.join(",", undated.keySet()) + "\n" + csvLine(GOOD.get(CanonicalTable.TIES))
                    + "\n" + csvLine(undated) + "\n";
            Path dir = export(tmp.resolve("u"), manifest("linkedin", "ties", "ties.csv"), "ties.csv", text);
            RawTie t = CanonicalExports.read(dir).get(0).ties().get(1);
            assertThat(t.connectedAt()).isNull();
            assertThat(t.precision()).isNull();
        }

        @Test
        void readsCountsUpToTheLargestInt() throws Exception {
            List<ParsedExport> parts = readWith(CanonicalTable.INTERACTIONS, "chars", "2147483647");
            assertThat(parts.get(0).interactions()).extracting(i -> i.words(), i -> i.chars(), i -> i.durationS())
                    .containsExactly(tuple(3, 12, null), tuple(3, Integer.MAX_VALUE, null));
        }
    }
}
