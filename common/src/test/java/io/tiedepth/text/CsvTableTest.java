package io.tiedepth.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTest {
    private static final String FILE = "export/Connections.csv";
    private static final List<String> REQUIRED = List.of("First Name", "Connected On");

    private static CsvTable open(String content) throws IOException, ReadException {
        return open(content.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvTable open(byte[] content) throws IOException, ReadException {
        return CsvTable.open(new ByteArrayInputStream(content), FILE, REQUIRED);
    }

    private static List<CsvTable.Record> readAll(CsvTable table) throws ReadException {
        List<CsvTable.Record> out = new ArrayList<>();
        for (CsvTable.Record r = table.next(); r != null; r = table.next()) {
            out.add(r);
        }
        return out;
    }

    private static List<String> column(List<CsvTable.Record> records, String column) {
        return records.stream().map(r -> r.get(column)).toList();
    }

    private static List<Long> lines(List<CsvTable.Record> records) {
        return records.stream().map(CsvTable.Record::line).toList();
    }

    private static byte[] bytes(Charset cs, byte[] bom, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(content.getBytes(cs));
        return out.toByteArray();
    }

    /** A header, then one record whose last field never ends: bytes are made on demand, never held. */
    private static final class EndlessField extends InputStream {
        private final byte[] head;
        private long served;

        EndlessField(String head) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            return served < head.length ? head[(int) served++] : fill();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }

        private int fill() {
            served++;
            return 'x';
        }
    }

    @Nested
    class Header {
        @Test
        void isFoundAfterNotesPreambleWithQuotedMultiLineNoteAndBlankLine() throws Exception {
            String csv = """
                    Notes:
                    "When exporting your connection data, you may notice that some of the email addresses are missing.
                    You will only see email addresses for connections who have allowed their connections to see or download their email address"

                    First Name,Last Name,URL,Email Address,Company,Position,Connected On
                    Jane,Doe,https://www.linkedin.com/in/jane-doe,,Acme,CEO,16 Dec 2024
                    John,Roe,https://www.linkedin.com/in/john-roe,,,,15 Dec 2024
                    """;
            try (CsvTable t = open(csv)) {
                List<CsvTable.Record> records = readAll(t);

                assertThat(t.headerLine()).isEqualTo(5);
                assertThat(column(records, "First Name")).containsExactly("Jane", "John");
                assertThat(column(records, "URL")).containsExactly("https://www.linkedin.com/in/jane-doe",
                        "https://www.linkedin.com/in/john-roe");
                assertThat(lines(records)).containsExactly(6L, 7L);
            }
        }

        @Test
        void isFoundAtLineOne() throws Exception {
            try (CsvTable t = open("First Name,Last Name,Connected On\nJane,Doe,16 Dec 2024\n")) {
                List<CsvTable.Record> records = readAll(t);

                assertThat(t.headerLine()).isEqualTo(1);
                assertThat(records).hasSize(1);
                assertThat(records.get(0).line()).isEqualTo(2);
                assertThat(records.get(0).get("Last Name")).isEqualTo("Doe");
            }
        }

        @Test
        void isFoundAsTheTenthRecord() throws Exception {
            String csv = "Notes:\n".repeat(9) + "First Name,Connected On\nJane,16 Dec 2024\n";
            try (CsvTable t = open(csv)) {
                assertThat(t.headerLine()).isEqualTo(10);
                assertThat(column(readAll(t), "First Name")).containsExactly("Jane");
            }
        }

        @Test
        void isNotLookedForBeyondTheTenthRecord() {
            String csv = "Notes:\n".repeat(10) + "First Name,Connected On\nJane,16 Dec 2024\n";

            ReadException e = catchThrowableOfType(() -> open(csv), ReadException.class);

            assertThat(e.reasonCode()).isEqualTo("missing_header");
        }

        @Test
        void missingHeaderIsAReadExceptionWithExactMessage() {
            ReadException e = catchThrowableOfType(
                    () -> open("Vorname,Nachname,Verbunden am\nJane,Doe,16.12.2024\n"), ReadException.class);

            assertThat(e).hasMessage("Cannot read Connections.csv: no header with columns First Name, Connected On"
                    + " in the first 10 lines (export/Connections.csv)");
            assertThat(e.reasonCode()).isEqualTo("missing_header");
            assertThat(e.file()).isEqualTo(FILE);
            assertThat(e.line()).isZero();
            assertThat(e.getMessage()).doesNotContain("Jane").doesNotContain("Vorname");
        }

        @Test
        void headerWithOnlySomeRequiredColumnsIsNotTheHeader() {
            assertThatThrownBy(() -> open("First Name,Last Name\nJane,Doe\n"))
                    .isInstanceOf(ReadException.class)
                    .hasMessageContaining("no header with columns First Name, Connected On");
        }

        @Test
        void emptyFileHasNoHeader() {
            ReadException e = catchThrowableOfType(() -> open(""), ReadException.class);

            assertThat(e.reasonCode()).isEqualTo("missing_header");
        }

        @Test
        void tellsWhichColumnsItHas() throws Exception {
            try (CsvTable t = open("First Name,URL,Connected On\n")) {
                assertThat(t.has("url")).isTrue();
                assertThat(t.has(" URL ")).isTrue();
                assertThat(t.has("Email Address")).isFalse();
                assertThat(t.next()).isNull();
            }
        }
    }

    @Nested
    class ColumnsByName {
        @Test
        void columnInsertedMidRowDoesNotShiftValues() throws Exception {
            String old = "First Name,Last Name,Company,Connected On\nJane,Doe,Acme,16 Dec 2024\n";
            String inserted = "First Name,Last Name,URL,Company,Connected On\n"
                    + "Jane,Doe,https://www.linkedin.com/in/jane-doe,Acme,16 Dec 2024\n";
            try (CsvTable a = open(old); CsvTable b = open(inserted)) {
                CsvTable.Record ra = a.next();
                CsvTable.Record rb = b.next();

                for (String c : List.of("First Name", "Last Name", "Company", "Connected On")) {
                    assertThat(rb.get(c)).as(c).isEqualTo(ra.get(c));
                }
                assertThat(rb.get("Company")).isEqualTo("Acme");
                assertThat(rb.get("Connected On")).isEqualTo("16 Dec 2024");
                assertThat(ra.get("URL")).isNull();
                assertThat(rb.width()).isEqualTo(5);
            }
        }

        @Test
        void namesAreCaseAndWhitespaceInsensitive() throws Exception {
            try (CsvTable t = open(" FIRST NAME ,connected on\nJane,16 Dec 2024\n")) {
                CsvTable.Record r = t.next();

                assertThat(r.get("First Name")).isEqualTo("Jane");
                assertThat(r.get("first name")).isEqualTo("Jane");
                assertThat(r.get("  Connected On")).isEqualTo("16 Dec 2024");
            }
        }

        @Test
        void firstOfTwoEquallyNamedColumnsWins() throws Exception {
            try (CsvTable t = open("First Name,Connected On,first name\nJane,16 Dec 2024,Other\n")) {
                assertThat(t.next().get("First Name")).isEqualTo("Jane");
            }
        }

        @Test
        void absentColumnAndShortRowReadAsNull() throws Exception {
            try (CsvTable t = open("First Name,Connected On,Company\nJane,16 Dec 2024\n")) {
                CsvTable.Record r = t.next();

                assertThat(r.get("Company")).isNull();
                assertThat(r.raw("Company")).isNull();
                assertThat(r.get("Position")).isNull();
                assertThat(r.raw("Position")).isNull();
                assertThat(r.width()).isEqualTo(2);
            }
        }
    }

    @Nested
    class Values {
        @Test
        void naEmptyAndBlankCellsAreNull() throws Exception {
            try (CsvTable t = open("First Name,Last Name,Company,Position,Email,Connected On\n"
                    + "NA,,\"\",  ,\" NA \",16 Dec 2024\n")) {
                CsvTable.Record r = t.next();

                assertThat(r.get("First Name")).isNull();
                assertThat(r.get("Last Name")).isNull();
                assertThat(r.get("Company")).isNull();
                assertThat(r.get("Position")).isNull();
                assertThat(r.get("Email")).isNull();
                assertThat(r.get("Connected On")).isEqualTo("16 Dec 2024");
            }
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"na", "NAN", "N/A", "NAB"})
        void onlyExactNaIsAbsent(String value) throws Exception {
            try (CsvTable t = open("First Name,Connected On\n" + value + ",x\n")) {
                assertThat(t.next().get("First Name")).isEqualTo(value);
            }
        }

        @Test
        void getTrimsButRawKeepsTheValueAsIs() throws Exception {
            try (CsvTable t = open("First Name,Connected On,Message\n  Jane ,NA,\"  two words \"\n")) {
                CsvTable.Record r = t.next();

                assertThat(r.get("First Name")).isEqualTo("Jane");
                assertThat(r.raw("First Name")).isEqualTo("  Jane ");
                assertThat(r.raw("Connected On")).isEqualTo("NA");
                assertThat(r.raw("Message")).isEqualTo("  two words ");
                assertThat(r.get("Message")).isEqualTo("two words");
            }
        }

        @Test
        void doubledQuotesInsideQuotedFieldAreOneQuote() throws Exception {
            try (CsvTable t = open("First Name,Connected On\n\"Jane \"\"JD\"\" Doe, PhD\",x\n")) {
                assertThat(t.next().get("First Name")).isEqualTo("Jane \"JD\" Doe, PhD");
            }
        }
    }

    @Nested
    class Records {
        @Test
        void multiLineQuotedFieldIsOneValueAndTheNextRecordHasItsOwnLine() throws Exception {
            String csv = "First Name,Connected On,Message\n"
                    + "Jane,1,\"line one\nline two\n\nline four\"\n"
                    + "John,2,short\n";
            try (CsvTable t = open(csv)) {
                List<CsvTable.Record> records = readAll(t);

                assertThat(records.get(0).raw("Message")).isEqualTo("line one\nline two\n\nline four");
                assertThat(lines(records)).containsExactly(2L, 6L);
                assertThat(records.get(1).location()).isEqualTo("line 6");
                assertThat(column(records, "First Name")).containsExactly("Jane", "John");
            }
        }

        @Test
        void crlfLineEndingsAreRead() throws Exception {
            String csv = "First Name,Connected On,Message\r\n"
                    + "Jane,1,\"a\r\nb\"\r\n"
                    + "\r\n"
                    + "John,2,c\r\n";
            try (CsvTable t = open(csv)) {
                List<CsvTable.Record> records = readAll(t);

                assertThat(column(records, "First Name")).containsExactly("Jane", "John");
                assertThat(column(records, "Connected On")).containsExactly("1", "2");
                assertThat(records.get(1).raw("Message")).isEqualTo("c");
                assertThat(records.get(0).raw("Message")).doesNotContain("\r\r").startsWith("a").endsWith("b");
                assertThat(lines(records)).containsExactly(2L, 5L);
            }
        }

        @Test
        void blankLinesAreSkippedAndNotCountedButLineNumbersStayPhysical() throws Exception {
            String csv = "First Name,Connected On\n\nJane,1\n\n\n,\n   \nJohn,2\n\n";
            try (CsvTable t = open(csv)) {
                List<CsvTable.Record> records = readAll(t);

                assertThat(records).hasSize(2);
                assertThat(column(records, "First Name")).containsExactly("Jane", "John");
                assertThat(lines(records)).containsExactly(3L, 8L);
            }
        }

        @Test
        void lastRecordWithoutNewlineIsRead() throws Exception {
            try (CsvTable t = open("First Name,Connected On\nJane,1\nJohn,2")) {
                assertThat(column(readAll(t), "Connected On")).containsExactly("1", "2");
            }
        }

        @Test
        void endOfFileKeepsReturningNull() throws Exception {
            try (CsvTable t = open("First Name,Connected On\nJane,1\n")) {
                assertThat(t.next()).isNotNull();
                assertThat(t.next()).isNull();
                assertThat(t.next()).isNull();
            }
        }
    }

    @Nested
    class Encodings {
        private static final String CSV = "First Name,Connected On\nH\u00e5kan,16 Dec 2024\n";

        @Test
        void utf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
            try (CsvTable t = open(bytes(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CSV))) {
                CsvTable.Record r = t.next();

                assertThat(r.get("First Name")).isEqualTo("H\u00e5kan");
                assertThat(r.raw("First Name")).isEqualTo("H\u00e5kan");
            }
        }

        @Test
        void utf16LittleEndianWithBom() throws Exception {
            try (CsvTable t = open(bytes(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, CSV))) {
                assertThat(t.next().get("First Name")).isEqualTo("H\u00e5kan");
                assertThat(t.next()).isNull();
            }
        }

        @Test
        void utf16BigEndianWithBom() throws Exception {
            try (CsvTable t = open(bytes(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}, CSV))) {
                assertThat(t.next().get("Connected On")).isEqualTo("16 Dec 2024");
            }
        }

        @Test
        void linkedIn2018Utf16TabSeparatedAllQuoted() throws Exception {
            String tsv = "\"First Name\"\t\"Connected On\"\t\"ShareCommentary\"\r\n"
                    + "\"Jane\"\t\"2017/06/08 08:15:44 UTC\"\t\"one, two\ttabbed\"\r\n";
            try (CsvTable t = open(bytes(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, tsv))) {
                CsvTable.Record r = t.next();

                assertThat(r.get("First Name")).isEqualTo("Jane");
                assertThat(r.get("Connected On")).isEqualTo("2017/06/08 08:15:44 UTC");
                assertThat(r.raw("ShareCommentary")).isEqualTo("one, two\ttabbed");
                assertThat(r.width()).isEqualTo(3);
            }
        }

        @Test
        void tabSeparatedWhenTheFirstLineHasTabsAndNoComma() throws Exception {
            try (CsvTable t = open("First Name\tConnected On\nDoe, Jane\t1\n")) {
                CsvTable.Record r = t.next();

                assertThat(r.get("First Name")).isEqualTo("Doe, Jane");
                assertThat(r.get("Connected On")).isEqualTo("1");
            }
        }

        @Test
        void commaSeparatedWhenTabsAppearOnlyAfterTheFirstLine() throws Exception {
            try (CsvTable t = open("First Name,Connected On\nJane\tDoe,1\n")) {
                assertThat(t.next().get("First Name")).isEqualTo("Jane\tDoe");
            }
        }

        @Test
        void commaSeparatedWhenTheFirstLineHasBothTabsAndCommas() {
            ReadException e = catchThrowableOfType(() -> open("First Name\tConnected On,x\n"), ReadException.class);

            assertThat(e.reasonCode()).isEqualTo("missing_header");
        }
    }

    @Nested
    class Malformed {
        @Test
        void unclosedQuoteStopsTheFileAtTheLineWhereItsRecordStarts() throws Exception {
            String csv = "First Name,Connected On\n"
                    + "Jane,1\n"
                    + "\n"
                    + "John,\"2\n"
                    + "Secret Person,3\n"
                    + "Another Secret,4\n";
            try (CsvTable t = open(csv)) {
                CsvTable.Record first = t.next();
                ReadException e = catchThrowableOfType(t::next, ReadException.class);

                assertThat(first.get("First Name")).isEqualTo("Jane");
                assertThat(e).isNotNull();
                assertThat(e.reasonCode()).isEqualTo("malformed_csv");
                assertThat(e.line()).isEqualTo(4);
                assertThat(e.file()).isEqualTo(FILE);
                assertThat(e).hasMessage("Cannot read record of Connections.csv: unclosed quote or field longer than"
                        + " 1048576 characters (export/Connections.csv:4)");
                assertThat(e.getMessage()).doesNotContain("John").doesNotContain("Secret");
            }
        }

        @Test
        void unclosedQuoteInTheLastLineIsMalformedToo() throws Exception {
            try (CsvTable t = open("First Name,Connected On\nJane,1\nJohn,\"2")) {
                assertThat(t.next().get("First Name")).isEqualTo("Jane");
                ReadException e = catchThrowableOfType(t::next, ReadException.class);

                assertThat(e.reasonCode()).isEqualTo("malformed_csv");
                assertThat(e.line()).isEqualTo(3);
            }
        }

        @Test
        void unclosedQuoteOfOnlyBlankContentIsMalformedToo() throws Exception {
            try (CsvTable t = open("First Name,Connected On\nJane,1\n\"\n\n")) {
                assertThat(t.next().get("First Name")).isEqualTo("Jane");
                ReadException e = catchThrowableOfType(t::next, ReadException.class);

                assertThat(e.line()).isEqualTo(3);
            }
        }

        @Test
        void quoteInsideAnUnquotedValueIsNotAnOpeningQuote() throws Exception {
            try (CsvTable t = open("First Name,Connected On\nJane 5'10\" tall,1\nJohn,2\n")) {
                assertThat(column(readAll(t), "First Name")).containsExactly("Jane 5'10\" tall", "John");
            }
        }

        @Test
        void fieldLongerThanTheLimitStopsTheFileWithoutReadingItAll() throws Exception {
            EndlessField in = new EndlessField("First Name,Connected On,Message\nJane,1,ok\nJohn,2,\"");
            try (CsvTable t = CsvTable.open(in, FILE, REQUIRED)) {
                CsvTable.Record first = t.next();
                ReadException e = catchThrowableOfType(t::next, ReadException.class);

                assertThat(first.get("First Name")).isEqualTo("Jane");
                assertThat(e.reasonCode()).isEqualTo("malformed_csv");
                assertThat(e).hasMessage("Cannot read record of Connections.csv: unclosed quote or field longer than"
                        + " 1048576 characters (export/Connections.csv:3)");
                assertThat(e.getMessage()).doesNotContain("xxx").doesNotContain("John");
            }
            assertThat(in.served).isLessThan(4L * CsvTable.MAX_FIELD_CHARS);
        }

        @Test
        void unquotedLineLongerThanTheLimitStopsTheFileToo() throws Exception {
            EndlessField in = new EndlessField("First Name,Connected On\nJane,1\nJohn,");
            try (CsvTable t = CsvTable.open(in, FILE, REQUIRED)) {
                assertThat(t.next().get("First Name")).isEqualTo("Jane");
                ReadException e = catchThrowableOfType(t::next, ReadException.class);

                assertThat(e.line()).isEqualTo(3);
                assertThat(e.getMessage()).doesNotContain("xxx");
            }
            assertThat(in.served).isLessThan(4L * CsvTable.MAX_FIELD_CHARS);
        }

        @Test
        void tooManyColumnsIsMalformed() throws Exception {
            String[] cells = new String[CsvTable.MAX_COLUMNS + 1];
            Arrays.fill(cells, "c");
            try (CsvTable t = open("First Name,Connected On\n" + String.join(",", cells) + "\n")) {
                ReadException e = catchThrowableOfType(t::next, ReadException.class);

                assertThat(e.reasonCode()).isEqualTo("malformed_csv");
                assertThat(e.line()).isEqualTo(2);
            }
        }
    }
}
