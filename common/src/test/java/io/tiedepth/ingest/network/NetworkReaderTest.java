package io.tiedepth.ingest.network;

import static io.tiedepth.ingest.network.Samples.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.Reject;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkReaderTest {
    @TempDir
    Path tmp;

    static List<ParsedExport> read(Path dir) throws IOException, ReadException {
        try (ExportSource source = ExportSource.open(dir)) {
            return new NetworkReader().read(source);
        }
    }

    static ParsedExport part(List<ParsedExport> parts, String node) {
        return parts.stream().filter(p -> p.part().equals(node)).findFirst().orElseThrow();
    }

    static PersonRef node(String dataset, String id) {
        return PersonRef.ofAccount(dataset + "/" + id);
    }

    /** A descriptor with one tie file. */
    static String ties(String file, String separator, boolean header, String columns, boolean directed,
                       String extra) {
        return "{\"name\": \"t\", \"ties\": [{\"file\": \"" + file + "\", \"separator\": \"" + separator
                + "\", \"header\": " + header + ", \"columns\": " + columns + ", \"directed\": " + directed
                + extra + "}]}";
    }

    /** A descriptor with one event file. */
    static String events(String file, String separator, boolean header, String columns, String extra) {
        return "{\"name\": \"t\", \"events\": [{\"file\": \"" + file + "\", \"separator\": \"" + separator
                + "\", \"header\": " + header + ", \"channel\": \"message\", \"columns\": " + columns + extra
                + "}]}";
    }

    static final String IDX_TIES = "{\"source\": 0, \"target\": 1}";
    static final String IDX_EVENTS = "{\"source\": 0, \"target\": 1, \"time\": 2}";

    @Nested
    class Recognition {
        @Test
        void recognisesAFolderWithADescriptorOnly() throws IOException {
            Path with = dataset(tmp.resolve("a"), "{}", "x.csv", "1,2\n");
            Files.createDirectories(tmp.resolve("b"));
            Files.writeString(tmp.resolve("b/x.csv"), "1,2\n");
            try (ExportSource a = ExportSource.open(with); ExportSource b = ExportSource.open(tmp.resolve("b"))) {
                assertThat(new NetworkReader().recognises(a)).isTrue();
                assertThat(new NetworkReader().recognises(b)).isFalse();
            }
        }

        @Test
        void isRegisteredFirstAfterCanonicalTables() {
            assertThat(Readers.all().get(0)).isInstanceOf(io.tiedepth.ingest.canonical.CanonicalReader.class);
            assertThat(Readers.all().get(1)).isInstanceOf(NetworkReader.class);
            assertThat(new NetworkReader().platform()).isEqualTo("network");
        }

        @Test
        void rejectsTheWholeDatasetWhenTheDescriptorIsInvalid() throws IOException {
            Path dir = dataset(tmp.resolve("d"), "{\"name\": \"x\", \"events\": [{\"file\": \"e\", \"separator\": "
                    + "\",\", \"channel\": \"call\", \"time_unit\": \"days\", \"columns\": "
                    + "{\"time\": 0, \"source\": 1, \"target\": 2}}]}", "e", "1,2,3\n");
            List<Canonical.Export> out = Samples.ingest(dir);
            assertThat(out).hasSize(1);
            assertThat(out.get(0).export().status()).isEqualTo("rejected");
            assertThat(out.get(0).rejects()).extracting(Canonical.RejectRow::reasonCode, Canonical.RejectRow::reason)
                    .containsExactly(tuple("bad_descriptor", "Cannot read network descriptor: events[0].time_unit "
                            + "must be seconds or milliseconds (tiedepth-network.json)"));
        }
    }

    @Nested
    class Separators {
        @Test
        void readsWhitespaceSeparatedEdges() throws Exception {
            Path dir = dataset(tmp, ties("out.g", "whitespace", false, IDX_TIES, true, ""),
                    "out.g", "1 2\n1\t3\n  2    3  \n");
            List<ParsedExport> parts = read(dir);
            assertThat(parts).extracting(ParsedExport::part).containsExactly("1", "2", "3");
            assertThat(part(parts, "1").ties()).extracting(RawTie::contact)
                    .containsExactly(node("t", "2"), node("t", "3"));
            assertThat(part(parts, "2").ties()).extracting(RawTie::contact).containsExactly(node("t", "3"));
        }

        @Test
        void readsCommaSeparatedEdges() throws Exception {
            Path dir = dataset(tmp, ties("g.csv", ",", false, IDX_TIES, true, ""), "g.csv", "a1,b2\r\n\"a1\", c3\r\n");
            List<ParsedExport> parts = read(dir);
            assertThat(part(parts, "a1").ties()).extracting(RawTie::contact)
                    .containsExactly(node("t", "b2"), node("t", "c3"));
        }

        @Test
        void readsTabSeparatedEdges() throws Exception {
            Path dir = dataset(tmp, ties("g.tsv", "\\t", false, IDX_TIES, true, ""), "g.tsv", "1\t2\n");
            assertThat(part(read(dir), "1").ties()).hasSize(1);
        }
    }

    @Nested
    class CommentsAndHeaders {
        @Test
        void skipsCommentsWithTheDefaultPrefixes() throws Exception {
            Path dir = dataset(tmp, ties("g", "whitespace", false, IDX_TIES, true, ""),
                    "g", "% asym unweighted\n# FromNodeId ToNodeId\n1 2\n\n% mid\n2 3\n");
            ParsedExport first = read(dir).get(0);
            assertThat(first.files().get("g")).isEqualTo(new FileStats("g", 2, 2, 0));
        }

        @Test
        void honoursDeclaredCommentPrefixesOnly() throws Exception {
            Path dir = dataset(tmp, ties("g", "whitespace", false, IDX_TIES, true, ", \"comment_prefixes\": [\"//\"]"),
                    "g", "// note\n%5 %5\n1 2\n");
            ParsedExport first = read(dir).get(0);
            assertThat(first.files().get("g")).isEqualTo(new FileStats("g", 2, 1, 1));
            assertThat(first.rejects()).extracting(Reject::location, Reject::reasonCode)
                    .containsExactly(tuple("line 2", "self_pair"));
        }

        @Test
        void findsNamedColumnsInAHeaderInAnyOrderAndCase() throws Exception {
            Path dir = dataset(tmp, ties("g.csv", ",", true, "{\"source\": \"From\", \"target\": \"to\"}", true, ""),
                    "g.csv", "weight,TO,from\n5,2,1\n");
            List<ParsedExport> parts = read(dir);
            assertThat(part(parts, "1").ties()).extracting(RawTie::contact).containsExactly(node("t", "2"));
            assertThat(parts.get(0).files().get("g.csv")).isEqualTo(new FileStats("g.csv", 1, 1, 0));
        }

        @Test
        void takesACommentedFirstLineAsTheHeader() throws Exception {
            Path dir = dataset(tmp, ties("f.csv", ",", true, "{\"source\": \"user_a\", \"target\": \"user_b\"}",
                    false, ""), "f.csv", "# user_a,user_b\n0,512\n");
            List<ParsedExport> parts = read(dir);
            assertThat(parts).extracting(ParsedExport::part).containsExactly("0", "512");
            assertThat(parts.get(0).files().get("f.csv")).isEqualTo(new FileStats("f.csv", 1, 1, 0));
        }

        @Test
        void usesIndexesWithAHeaderToo() throws Exception {
            Path dir = dataset(tmp, ties("f.csv", ",", true, "{\"source\": 1, \"target\": 0}", true, ""),
                    "f.csv", "a,b\n1,2\n");
            assertThat(part(read(dir), "2").ties()).extracting(RawTie::contact).containsExactly(node("t", "1"));
        }

        @Test
        void treatsTheFirstLineAsDataWithoutAHeader() throws Exception {
            Path dir = dataset(tmp, ties("f.csv", ",", false, IDX_TIES, true, ", \"comment_prefixes\": []"),
                    "f.csv", "user_a,user_b\n1,2\n");
            List<ParsedExport> parts = read(dir);
            assertThat(parts).extracting(ParsedExport::part).containsExactly("1", "2", "user_a", "user_b");
            assertThat(parts.get(0).files().get("f.csv")).isEqualTo(new FileStats("f.csv", 2, 2, 0));
        }

        @Test
        void quarantinesAFileWhoseHeaderLacksADeclaredColumn() throws Exception {
            Path dir = dataset(tmp, "{\"name\": \"t\", \"ties\": [{\"file\": \"f.csv\", \"separator\": \",\", "
                    + "\"header\": true, \"columns\": {\"source\": \"a\", \"target\": \"c\"}, \"directed\": true}], "
                    + "\"events\": [{\"file\": \"e.txt\", \"separator\": \"whitespace\", \"channel\": \"call\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1, \"time\": 2}}]}",
                    "f.csv", "a,b\n1,2\n", "e.txt", "1 2 10\n");
            ParsedExport first = read(dir).get(0);
            assertThat(first.files().get("f.csv")).isEqualTo(new FileStats("f.csv", 1, 0, 1));
            assertThat(first.rejects()).extracting(Reject::file, Reject::location, Reject::reasonCode, Reject::reason)
                    .containsExactly(tuple("f.csv", "file", "missing_column",
                            "Cannot read f.csv: the header has no column c (ties[0].columns)"));
            assertThat(first.warnings()).contains("Cannot read f.csv: the header has no column c (ties[0].columns)");
            assertThat(first.interactions()).hasSize(1);
        }

        @Test
        void countsAnEmptyFileAsZeroRowsWithAWarning() throws Exception {
            Path dir = dataset(tmp, "{\"name\": \"t\", \"ties\": [{\"file\": \"f.csv\", \"separator\": \",\", "
                    + "\"header\": true, \"columns\": {\"source\": \"a\", \"target\": \"b\"}, \"directed\": true}], "
                    + "\"events\": [{\"file\": \"e.txt\", \"separator\": \"whitespace\", \"channel\": \"call\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1, \"time\": 2}}]}",
                    "f.csv", "", "e.txt", "% only a comment\n1 2 10\n");
            ParsedExport first = read(dir).get(0);
            assertThat(first.files().get("f.csv")).isEqualTo(new FileStats("f.csv", 0, 0, 0));
            assertThat(first.warnings()).contains("f.csv: the file is empty (no header line)");
        }
    }

    @Nested
    class Direction {
        @Test
        void givesAnUndirectedLinkATieOnBothSides() throws Exception {
            Path dir = dataset(tmp, ties("f", ",", false, IDX_TIES, false, ", \"tie_source\": \"friend\""),
                    "f", "1,2\n1,3\n");
            List<ParsedExport> parts = read(dir);
            assertThat(part(parts, "1").ties()).extracting(RawTie::contact).containsExactly(node("t", "2"), node("t", "3"));
            assertThat(part(parts, "2").ties()).extracting(RawTie::contact).containsExactly(node("t", "1"));
            assertThat(part(parts, "3").ties()).extracting(RawTie::contact).containsExactly(node("t", "1"));
            assertThat(part(parts, "2").ties().get(0)).isEqualTo(
                    new RawTie(node("t", "1"), null, null, "friend", "unknown", null, false));
            assertThat(parts.get(0).files().get("f")).isEqualTo(new FileStats("f", 2, 2, 0));
        }

        @Test
        void givesADirectedLinkATieOnTheSourceSideOnly() throws Exception {
            Path dir = dataset(tmp, "{\"name\": \"t\", \"ties\": [{\"file\": \"f\", \"separator\": \",\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true, \"tie_source\": \"following\"}], "
                    + "\"events\": [{\"file\": \"e\", \"separator\": \",\", \"channel\": \"message\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1, \"time\": 2}}]}",
                    "f", "1,2\n", "e", "2,1,5\n");
            List<ParsedExport> parts = read(dir);
            assertThat(part(parts, "1").ties()).containsExactly(
                    new RawTie(node("t", "2"), null, null, "following", "unknown", null, false));
            assertThat(part(parts, "2").ties()).isEmpty();
            assertThat(part(parts, "2").interactions()).hasSize(1);
        }

        @Test
        void makesEveryEventOutForTheSenderAndInForTheRecipient() throws Exception {
            Path dir = dataset(tmp, events("e", ",", false, IDX_EVENTS, ""), "e", "1,2,60\n");
            List<ParsedExport> parts = read(dir);
            Instant at = Instant.parse("1970-01-01T00:01:00Z");
            assertThat(part(parts, "1").interactions()).containsExactly(
                    new RawInteraction(node("t", "2"), at, "message", "out", null, false, null, null, null));
            assertThat(part(parts, "2").interactions()).containsExactly(
                    new RawInteraction(node("t", "1"), at, "message", "in", null, false, null, null, null));
        }

        @Test
        void makesANodeSeenOnlyInEventsAnOwner() throws Exception {
            Path dir = dataset(tmp, "{\"name\": \"t\", \"ties\": [{\"file\": \"f\", \"separator\": \",\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1}, \"directed\": false}], "
                    + "\"events\": [{\"file\": \"e\", \"separator\": \",\", \"channel\": \"message\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1, \"time\": 2}}]}",
                    "f", "1,2\n", "e", "1,9,5\n");
            List<ParsedExport> parts = read(dir);
            assertThat(parts).extracting(ParsedExport::part).containsExactly("1", "2", "9");
            ParsedExport nine = part(parts, "9");
            assertThat(nine.owner()).isEqualTo(node("t", "9"));
            assertThat(nine.ties()).isEmpty();
            assertThat(nine.interactions()).extracting(RawInteraction::direction).containsExactly("in");
        }
    }

    @Nested
    class Times {
        @Test
        void countsSecondsFromTheDeclaredEpoch() throws Exception {
            Path dir = dataset(tmp, events("e", ",", false, IDX_EVENTS, ", \"epoch\": \"2013-09-01T00:00:00Z\""),
                    "e", "1,2,0\n1,2,86461\n1,2,1.5\n");
            assertThat(part(read(dir), "1").interactions()).extracting(RawInteraction::at).containsExactly(
                    Instant.parse("2013-09-01T00:00:00Z"), Instant.parse("2013-09-02T00:01:01Z"),
                    Instant.parse("2013-09-01T00:00:01.500Z"));
        }

        @Test
        void readsMilliseconds() throws Exception {
            Path dir = dataset(tmp, events("e", ",", false, IDX_EVENTS, ", \"time_unit\": \"milliseconds\""),
                    "e", "1,2,1700000000123\n");
            assertThat(part(read(dir), "1").interactions().get(0).at())
                    .isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
        }

        @Test
        void readsUnixSecondsByDefault() throws Exception {
            Path dir = dataset(tmp, events("e", ",", false, IDX_EVENTS, ""), "e", "1,2,1700000000\n");
            assertThat(part(read(dir), "1").interactions().get(0).at())
                    .isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
        }

        @Test
        void rejectsTimesThatAreNotNumbersOrDoNotFit() throws Exception {
            Path dir = dataset(tmp, events("e", ",", false, IDX_EVENTS, ""),
                    "e", "1,2,yesterday\n1,2,99999999999999999999\n1,2,NaN\n1,2,\n1,2,5\n");
            ParsedExport first = read(dir).get(0);
            assertThat(first.rejects()).extracting(Reject::location, Reject::reasonCode, Reject::reason).containsExactly(
                    tuple("line 1", "bad_time", "time is not a number"),
                    tuple("line 2", "bad_time", "time is out of range"),
                    tuple("line 3", "bad_time", "time is not a number"),
                    tuple("line 4", "bad_time", "time is not a number"));
            assertThat(first.files().get("e")).isEqualTo(new FileStats("e", 5, 1, 4));
        }
    }

    @Nested
    class Quarantine {
        @Test
        void rejectsASelfPairOncePerRow() throws Exception {
            Path dir = dataset(tmp, "{\"name\": \"t\", \"ties\": [{\"file\": \"f\", \"separator\": \",\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1}, \"directed\": false}], "
                    + "\"events\": [{\"file\": \"e\", \"separator\": \",\", \"channel\": \"message\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1, \"time\": 2}}]}",
                    "f", "1,2\n269,269\n", "e", "3,3,5\n1,3,6\n");
            List<ParsedExport> parts = read(dir);
            assertThat(parts).extracting(ParsedExport::part).containsExactly("1", "2", "3");
            assertThat(parts.get(0).rejects()).containsExactly(
                    new Reject("f", "line 2", "self_pair", "source and target are the same node"),
                    new Reject("e", "line 1", "self_pair", "source and target are the same node"));
            assertThat(parts.get(0).files().values()).containsExactly(
                    new FileStats("f", 2, 1, 1), new FileStats("e", 2, 1, 1));
        }

        @Test
        void keepsExactDuplicateEvents() throws Exception {
            Path dir = dataset(tmp, events("e", ",", false, IDX_EVENTS, ""), "e", "1,2,5\n1,2,5\n");
            List<ParsedExport> parts = read(dir);
            assertThat(part(parts, "1").interactions()).hasSize(2).allMatch(i -> i.direction().equals("out"));
            assertThat(part(parts, "2").interactions()).hasSize(2).allMatch(i -> i.direction().equals("in"));
            assertThat(parts.get(0).files().get("e")).isEqualTo(new FileStats("e", 2, 2, 0));
        }

        @Test
        void rejectsMalformedRowsWithFileLineAndReasonButNoContent() throws Exception {
            String secret = "jane.doe@example.org";
            Path dir = dataset(tmp, events("data/e.csv", ",", true, "{\"time\": \"t\", \"source\": \"s\", "
                            + "\"target\": \"r\"}", ""),
                    "data/e.csv", "t,s,r\n"
                            + "10,1,2\n"
                            + "11,1\n"
                            + "12,1,2,3\n"
                            + "13,," + secret + "\n"
                            + secret + ",1,2\n"
                            + "14,1," + "x".repeat(DelimitedLines.MAX_LINE_CHARS) + "\n"
                            + "15,2,1\n");
            ParsedExport first = read(dir).get(0);
            assertThat(first.rejects()).extracting(Reject::file, Reject::location, Reject::reasonCode, Reject::reason)
                    .containsExactly(
                            tuple("data/e.csv", "line 3", "field_count", "has 2 field(s), expected 3 as in the header"),
                            tuple("data/e.csv", "line 4", "field_count", "has 4 field(s), expected 3 as in the header"),
                            tuple("data/e.csv", "line 5", "missing_node", "source or target node id is empty"),
                            tuple("data/e.csv", "line 6", "bad_time", "time is not a number"),
                            tuple("data/e.csv", "line 7", "line_too_long", "line is longer than 8192 characters"));
            assertThat(first.rejects()).allSatisfy(r -> assertThat(r.toString()).doesNotContain("jane", "xxxx"));
            assertThat(first.warnings()).allSatisfy(w -> assertThat(w).doesNotContain("jane"));
            assertThat(first.files().get("data/e.csv")).isEqualTo(new FileStats("data/e.csv", 7, 2, 5));
        }

        @Test
        void holdsRowsWithoutAHeaderToTheFirstRowsWidth() throws Exception {
            Path dir = dataset(tmp, events("e", "whitespace", false, IDX_EVENTS, ""),
                    "e", "1 2\n1 2 5\n1 2 6 7\n2 1 8\n");
            ParsedExport first = read(dir).get(0);
            assertThat(first.rejects()).extracting(Reject::location, Reject::reason).containsExactly(
                    tuple("line 1", "has 2 field(s), the declared columns need at least 3"),
                    tuple("line 3", "has 4 field(s), expected 3 as in the file's first row"));
            assertThat(first.files().get("e")).isEqualTo(new FileStats("e", 4, 2, 2));
        }

        @Test
        void recordsAMissingFileAsOneRejectAndReadsTheRest() throws Exception {
            Path dir = dataset(tmp, "{\"name\": \"t\", \"ties\": [{\"file\": \"gone.csv\", \"separator\": \",\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1}, \"directed\": false}], "
                    + "\"events\": [{\"file\": \"e\", \"separator\": \",\", \"channel\": \"message\", "
                    + "\"columns\": {\"source\": 0, \"target\": 1, \"time\": 2}}]}",
                    "e", "1,2,5\n");
            ParsedExport first = read(dir).get(0);
            String reason = "Cannot read gone.csv: the file named by ties[0].file is not in the dataset";
            assertThat(first.rejects()).containsExactly(new Reject("gone.csv", "file", "missing_file", reason));
            assertThat(first.warnings()).contains(reason);
            assertThat(first.files().values()).containsExactly(new FileStats("gone.csv", 1, 0, 1),
                    new FileStats("e", 1, 1, 0));
        }

        @Test
        void rejectsADatasetWithoutAnyAcceptedRow() throws IOException {
            Path dir = dataset(tmp, events("e", ",", false, IDX_EVENTS, ""), "e", "1,1,5\nbad\n");
            assertThatThrownBy(() -> read(dir)).isInstanceOf(ReadException.class)
                    .hasMessage("Cannot read network dataset: no accepted row in any file (2 rejected) "
                            + "(tiedepth-network.json)");
            List<Canonical.Export> out = Samples.ingest(dir);
            assertThat(out).singleElement().satisfies(e -> {
                assertThat(e.export().status()).isEqualTo("rejected");
                assertThat(e.rejects()).extracting(Canonical.RejectRow::reasonCode).containsExactly("no_nodes");
            });
        }
    }

    @Nested
    class Calls {
        static final String CALLS = "{\"time\": 0, \"source\": 1, \"target\": 2, \"duration\": 3}";

        @Test
        void keepsAMissedCallWithoutDurationAndAnAnsweredOneWithIt() throws Exception {
            Path dir = dataset(tmp, "{\"name\": \"t\", \"events\": [{\"file\": \"calls.csv\", \"separator\": \",\", "
                            + "\"channel\": \"call\", \"columns\": " + CALLS + ", \"missed_value\": -1}]}",
                    "calls.csv", "1,1,2,-1\n2,1,2,0\n3,2,1,121\n4,2,1,\n5,2,1,-5\n6,2,1,1.5\n");
            List<ParsedExport> parts = read(dir);
            ParsedExport one = part(parts, "1");
            assertThat(one.interactions()).extracting(RawInteraction::channel, RawInteraction::direction,
                    RawInteraction::durationS).containsExactly(
                    tuple("call", "out", null), tuple("call", "out", 0), tuple("call", "in", 121),
                    tuple("call", "in", null));
            assertThat(one.rejects()).extracting(Reject::location, Reject::reasonCode, Reject::reason).containsExactly(
                    tuple("line 5", "bad_duration", "duration is negative"),
                    tuple("line 6", "bad_duration", "duration is not a whole number of seconds"));
            assertThat(one.warnings()).contains(
                    "calls.csv: 1 missed call(s) (duration -1) kept as attempted call interactions with duration_s null");
            assertThat(one.files().get("calls.csv")).isEqualTo(new FileStats("calls.csv", 6, 4, 2));
        }

        @Test
        void rejectsANegativeDurationWhenNoMissedValueIsDeclared() throws Exception {
            Path dir = dataset(tmp, "{\"name\": \"t\", \"events\": [{\"file\": \"c\", \"separator\": \",\", "
                    + "\"channel\": \"call\", \"columns\": " + CALLS + "}]}", "c", "1,1,2,-1\n2,1,2,3\n");
            assertThat(read(dir).get(0).rejects()).extracting(Reject::reasonCode).containsExactly("bad_duration");
        }
    }

    @Nested
    class Parts {
        @Test
        void ordersPartsByNodeIdNumericallyAndKeepsIdsAsStrings() throws Exception {
            Path dir = dataset(tmp, ties("f", ",", false, IDX_TIES, false, ""), "f", "10,9\n007,x\n100,2\n");
            assertThat(read(dir)).extracting(ParsedExport::part)
                    .containsExactly("2", "007", "9", "10", "100", "x");
        }

        @Test
        void recordsFileStatsRejectsAndDatasetWarningsOnTheFirstPartOnly() throws Exception {
            Path dir = dataset(tmp, ties("f", ",", false, IDX_TIES, false, ""), "f", "2,3\n1,1\n3,4\n");
            List<ParsedExport> parts = read(dir);
            assertThat(parts.get(0).part()).isEqualTo("2");
            assertThat(parts.get(0).files().values()).containsExactly(new FileStats("f", 3, 2, 1));
            assertThat(parts.get(0).rejects()).hasSize(1);
            assertThat(parts.get(0).warnings()).first().isEqualTo("network dataset: the file statistics, rejects "
                    + "and warnings of all 3 parts (one per node) are recorded on this part");
            assertThat(parts.subList(1, parts.size())).allSatisfy(p -> {
                assertThat(p.files()).isEmpty();
                assertThat(p.rejects()).isEmpty();
                assertThat(p.warnings()).isEmpty();
            });
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.platform()).isEqualTo("network");
                assertThat(p.formatEra()).isEqualTo("network");
                assertThat(p.owner()).isEqualTo(node("t", p.part()));
            });
        }

        @Test
        void buildsAFreshPartOnEveryGet() throws Exception {
            Path dir = dataset(tmp, ties("f", ",", false, IDX_TIES, false, ""), "f", "1,2\n");
            List<ParsedExport> parts = read(dir);
            assertThat(parts.get(0)).isNotSameAs(parts.get(0));
            assertThat(parts.get(0).files()).isEqualTo(parts.get(0).files());
            assertThat(parts.get(0).rejects()).isEqualTo(parts.get(0).rejects());
        }

        @Test
        void readsAZipWithAWrapperFolderAndAFolderIdentically() throws Exception {
            Path dir = dataset(tmp.resolve("ds"), events("e/sms.txt", "whitespace", false, IDX_EVENTS, ""),
                    "e/sms.txt", "1 2 5\n2 1 6\n");
            Path zip = tmp.resolve("ds.zip");
            try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
                for (String name : List.of(NetworkDescriptor.FILE_NAME, "e/sms.txt")) {
                    z.putNextEntry(new ZipEntry("wrapper/" + name));
                    z.write(Files.readAllBytes(dir.resolve(name)));
                    z.closeEntry();
                }
            }
            List<Canonical.Export> fromZip = Samples.ingest(zip);
            List<Canonical.Export> fromDir = Samples.ingest(dir);
            assertThat(fromZip).hasSize(2);
            assertThat(fromZip).extracting(e -> e.export().ownerId())
                    .containsExactlyElementsOf(fromDir.stream().map(e -> e.export().ownerId()).toList());
            assertThat(fromZip.get(0).export().files()).containsExactly(new FileStats("e/sms.txt", 2, 2, 0));
        }
    }

    @Nested
    class ThroughTheIngestor {
        @Test
        void givesEveryNodeItsOwnExportIdAndTheSameIdForTheSamePersonEverywhere() throws Exception {
            Path dir = dataset(tmp, ties("f", ",", false, IDX_TIES, false, ""), "f", "1,2\n2,3\n");
            List<Canonical.Export> out = Samples.ingest(dir);
            assertThat(out).hasSize(3);
            assertThat(out).extracting(e -> e.export().exportId()).doesNotHaveDuplicates();
            String id = io.tiedepth.source.ExportIds.ofFolder(dir, List.of("f", NetworkDescriptor.FILE_NAME));
            assertThat(out.get(0).export().exportId()).isEqualTo(Ingestor.partId(id, "1"));
            String owner2 = out.get(1).export().ownerId();
            assertThat(out.get(0).ties()).extracting(Canonical.TieRow::contactId).containsExactly(owner2);
            assertThat(out.get(2).ties()).extracting(Canonical.TieRow::contactId).containsExactly(owner2);
            assertThat(out).allSatisfy(e -> {
                assertThat(e.export().status()).isEqualTo("ok");
                assertThat(e.export().rowsRead()).isEqualTo(e.export().rowsAccepted() + e.export().rowsRejected());
            });
        }

        @Test
        void keepsTheSameNodeIdOfTwoDatasetsApart() throws Exception {
            Path a = dataset(tmp.resolve("a"), ties("f", ",", false, IDX_TIES, false, ""), "f", "1,2\n");
            Path b = dataset(tmp.resolve("b"), ties("f", ",", false, IDX_TIES, false, "")
                    .replace("\"name\": \"t\"", "\"name\": \"other\""), "f", "1,2\n");
            assertThat(Samples.ingest(a).get(0).export().ownerId())
                    .isNotEqualTo(Samples.ingest(b).get(0).export().ownerId());
        }
    }
}
