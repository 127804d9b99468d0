package io.tiedepth.ingest.canonical;

import static io.tiedepth.ingest.canonical.CanonicalExports.INTERACTIONS_HEADER;
import static io.tiedepth.ingest.canonical.CanonicalExports.TIES_HEADER;
import static io.tiedepth.ingest.canonical.CanonicalExports.export;
import static io.tiedepth.ingest.canonical.CanonicalExports.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.Reject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers and schemas: columns by name in any order, absent optional columns, extra columns, and the file-level
 * rejects (missing or repeated column, header not first, wrong Parquet type, not Parquet at all).
 */
class TableHeaderTest {
    @TempDir
    Path tmp;

    private static final String GOOD_TIE = "linkedin,o1,c1,2021-03-04T00:00:00Z,day,connection,owner,true,false";
    private static final String GOOD_INTERACTION = "linkedin,o1,c1,2021-03-05T10:00:00Z,message,out,t1,false,3,12,";

    /** An export with a good interactions.csv and the given ties file, read. */
    private ParsedExport readTies(String file, String content) throws Exception {
        Path dir = export(tmp.resolve("x" + System.nanoTime()), manifest("linkedin", "ties", file, "interactions",
                "interactions.csv"), "interactions.csv", INTERACTIONS_HEADER + "\n" + GOOD_INTERACTION + "\n",
                file, content);
        return CanonicalExports.read(dir).get(0);
    }

    @Nested
    class Csv {
        @Test
        void rejectsTheFileWhenRequiredColumnsAreMissingNamingThem() throws Exception {
            ParsedExport p = readTies("ties.csv", "platform,owner_id,connected_at,invited_by,ended\n"
                    + "linkedin,o1,2021-03-04T00:00:00Z,owner,false\n");
            String reason = "Cannot read ties.csv: no column contact_id, tie_source (required in canonical ties) "
                    + "(ties.csv)";
            assertThat(p.rejects()).containsExactly(new Reject("ties.csv", "file", "missing_column", reason));
            assertThat(p.warnings()).contains(reason);
            assertThat(p.files()).containsEntry("ties.csv", new FileStats("ties.csv", 1, 0, 1));
            assertThat(p.ties()).isEmpty();
            assertThat(p.interactions()).hasSize(1);
        }

        @Test
        void rejectsTheFileWithoutAnOwnerIdColumn() throws Exception {
            ParsedExport p = readTies("ties.csv", "platform,contact_id\nlinkedin,c1\n");
            assertThat(p.rejects()).containsExactly(new Reject("ties.csv", "file", "missing_column",
                    "Cannot read ties.csv: no column owner_id (required in canonical ties) in a header on the first "
                            + "line (ties.csv)"));
        }

        @Test
        void rejectsARepeatedColumn() throws Exception {
            ParsedExport p = readTies("ties.csv", TIES_HEADER + ",Owner_ID\n" + GOOD_TIE + ",o2\n");
            assertThat(p.rejects()).containsExactly(new Reject("ties.csv", "file", "duplicate_column",
                    "Cannot read ties.csv: column owner_id appears more than once (ties.csv)"));
        }

        @Test
        void rejectsAHeaderThatIsNotOnTheFirstLine() throws Exception {
            ParsedExport p = readTies("ties.csv", "# written by a tool\n" + TIES_HEADER + "\n" + GOOD_TIE + "\n");
            assertThat(p.rejects()).containsExactly(new Reject("ties.csv", "line 2", "header_not_first",
                    "Cannot read ties.csv: the header must be the first line; it is on line 2 (ties.csv:2)"));
            assertThat(p.files()).containsEntry("ties.csv", new FileStats("ties.csv", 1, 0, 1));
        }

        @Test
        void readsColumnsByNameInAnyOrderAndAbsentOptionalColumnsAsEmpty() throws Exception {
            ParsedExport p = readTies("ties.csv", "ENDED,tie_source,contact_id, Owner_Id ,invited_by,platform,"
                    + "connected_at\nfalse,friend,c1,o1,unknown,linkedin,2021-03-04T10:00:00Z\n");
            assertThat(p.rejects()).isEmpty();
            assertThat(p.ties()).containsExactly(new RawTie(io.tiedepth.model.PersonRef.ofAccount("c1"),
                    Instant.parse("2021-03-04T10:00:00Z"), Precision.second, "friend", "unknown", null, false));
            assertThat(p.warnings()).contains(
                    "ties.csv: no column connected_at_precision, invitation_has_note; read as empty in every row");
        }

        @Test
        void ignoresExtraColumnsAndExportIdWithWarnings() throws Exception {
            ParsedExport p = readTies("ties.csv", "export_id," + TIES_HEADER + ",source_row,Jane Doe\n"
                    + "e1," + GOOD_TIE + ",7,x\n");
            assertThat(p.rejects()).isEmpty();
            assertThat(p.ties()).hasSize(1);
            assertThat(p.warnings()).contains("ties.csv: column export_id ignored: tiedepth assigns export ids",
                    "ties.csv: 2 column(s) not in canonical ties ignored: source_row, 'aaaa aaa'");
        }

        @Test
        void rejectsARecordWithAnotherNumberOfFieldsAndSkipsBlankLines() throws Exception {
            ParsedExport p = readTies("ties.csv", TIES_HEADER + "\n" + GOOD_TIE + "\n\n" + GOOD_TIE + ",extra\n"
                    + "linkedin,o1,c2\n" + GOOD_TIE.replace("c1", "c3") + "\n");
            assertThat(p.rejects()).containsExactly(
                    new Reject("ties.csv", "line 4", "field_count", "has 10 field(s), expected 9 as in the header"),
                    new Reject("ties.csv", "line 5", "field_count", "has 3 field(s), expected 9 as in the header"));
            assertThat(p.files()).containsEntry("ties.csv", new FileStats("ties.csv", 4, 2, 2));
        }

        @Test
        void keepsTheRowsBeforeAnUnclosedQuote() throws Exception {
            ParsedExport p = readTies("ties.csv", TIES_HEADER + "\n" + GOOD_TIE + "\n" + "linkedin,\"o1,c2\n");
            assertThat(p.ties()).hasSize(1);
            assertThat(p.rejects()).extracting(Reject::location, Reject::reasonCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("line 3", "malformed_csv"));
            assertThat(p.files()).containsEntry("ties.csv", new FileStats("ties.csv", 2, 1, 1));
        }

        @Test
        void rejectsAFileNamedByTheManifestThatIsMissing() throws Exception {
            Path dir = export(tmp.resolve("m"), manifest("linkedin", "ties", "ties.csv", "interactions",
                    "interactions.csv"), "interactions.csv", INTERACTIONS_HEADER + "\n" + GOOD_INTERACTION + "\n");
            ParsedExport p = CanonicalExports.read(dir).get(0);
            String reason = "Cannot read ties.csv: the file named by tiedepth-canonical.json (ties) is not in the "
                    + "export";
            assertThat(p.rejects()).containsExactly(new Reject("ties.csv", "file", "missing_file", reason));
            assertThat(p.warnings()).contains(reason + " (ties.csv)");
            assertThat(p.files()).containsEntry("ties.csv", new FileStats("ties.csv", 1, 0, 1));
        }
    }

    @Nested
    class Parquet {
        private ParsedExport readTiesParquet(String schema, List<Object[]> rows) throws Exception {
            return readParquet(ParquetFiles.write(tmp.resolve("ties-" + System.nanoTime() + ".parquet"), schema,
                    rows));
        }

        private ParsedExport readParquet(Path parquet) throws Exception {
            Path dir = export(tmp.resolve("p" + System.nanoTime()), manifest("linkedin", "ties", "ties.parquet",
                    "interactions", "interactions.csv"), "interactions.csv",
                    INTERACTIONS_HEADER + "\n" + GOOD_INTERACTION + "\n");
            Files.copy(parquet, dir.resolve("ties.parquet"));
            return CanonicalExports.read(dir).get(0);
        }

        private static final Object[] ROW = {"linkedin", "o1", "c1", Instant.parse("2021-03-04T00:00:00Z"), "day",
            "connection", "owner", true, false};

        @Test
        void rejectsTheFileWhenARequiredColumnIsMissing() throws Exception {
            ParsedExport p = readTiesParquet("""
                    message m { required binary platform (STRING); required binary owner_id (STRING);
                      required binary contact_id (STRING); required binary tie_source (STRING);
                      required boolean ended; }""", List.<Object[]>of(new Object[] {"linkedin", "o1", "c1",
                "connection", false}));
            assertThat(p.rejects()).containsExactly(new Reject("ties.parquet", "file", "missing_column",
                    "Cannot read ties.parquet: no column invited_by (required in canonical ties) (ties.parquet)"));
        }

        @Test
        void rejectsAColumnOfTheWrongType() throws Exception {
            ParsedExport p = readTiesParquet(CanonicalExports.TIES_PARQUET.replace(
                    "optional int64 connected_at (TIMESTAMP(MICROS,true))", "optional double connected_at"),
                    List.of());
            assertThat(p.rejects()).containsExactly(new Reject("ties.parquet", "file", "bad_column_type",
                    "Cannot read ties.parquet: column connected_at is DOUBLE, expected a timestamp, INT96, INT64 "
                            + "epoch milliseconds or a string (ties.parquet)"));
            ParsedExport q = readTiesParquet(CanonicalExports.TIES_PARQUET.replace(
                    "required boolean ended", "required int32 ended"), List.of());
            assertThat(q.rejects()).extracting(Reject::reason).containsExactly("Cannot read ties.parquet: column "
                    + "ended is INT32, expected a boolean or a string (ties.parquet)");
            ParsedExport r = readTiesParquet(CanonicalExports.TIES_PARQUET.replace(
                    "required binary owner_id (STRING)", "repeated binary owner_id (STRING)"), List.of());
            assertThat(r.rejects()).extracting(Reject::reason).containsExactly("Cannot read ties.parquet: column "
                    + "owner_id is a list or a group, expected a string (ties.parquet)");
        }

        @Test
        void rejectsAFileThatIsNotParquet() throws Exception {
            Path notParquet = tmp.resolve("fake.parquet");
            Files.writeString(notParquet, TIES_HEADER + "\n" + GOOD_TIE + "\n");
            ParsedExport p = readParquet(notParquet);
            assertThat(p.rejects()).singleElement().satisfies(r -> {
                assertThat(r.location()).isEqualTo("file");
                assertThat(r.reasonCode()).isEqualTo("unreadable_file");
                assertThat(r.reason()).startsWith("Cannot read ties.parquet: not a readable Parquet file (")
                        .doesNotContain("linkedin", "o1");
            });
            assertThat(p.files()).containsEntry("ties.parquet", new FileStats("ties.parquet", 1, 0, 1));
        }

        @Test
        void ignoresExtraColumnsAndReadsAbsentOptionalColumnsAsEmpty() throws Exception {
            ParsedExport p = readTiesParquet("""
                    message m { required binary platform (STRING); required binary owner_id (STRING);
                      required binary contact_id (STRING); required binary tie_source (STRING);
                      required binary invited_by (STRING); required boolean ended;
                      optional binary message_text (STRING); }""", List.<Object[]>of(new Object[] {"linkedin",
                "o1", "c1", "friend", "unknown", true, "hello there"}));
            assertThat(p.rejects()).isEmpty();
            assertThat(p.ties()).containsExactly(new RawTie(io.tiedepth.model.PersonRef.ofAccount("c1"), null,
                    null, "friend", "unknown", null, true));
            assertThat(p.warnings()).contains("ties.parquet: no column connected_at, connected_at_precision, "
                    + "invitation_has_note; read as empty in every row",
                    "ties.parquet: 1 column(s) not in canonical ties ignored: message_text");
        }

        @Test
        void numbersRowsFromOne() throws Exception {
            Object[] bad = ROW.clone();
            bad[5] = "pal";
            ParsedExport p = readTiesParquet(CanonicalExports.TIES_PARQUET, List.of(ROW, bad));
            assertThat(p.rejects()).containsExactly(new Reject("ties.parquet", "row 2", "bad_enum",
                    "column tie_source must be one of connection, friend, follower, following, mutual_follow, "
                            + "network_link, derived, not 'aaa'"));
        }
    }
}
