package io.tiedepth.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.ingest.network.DelimitedLines.Row;
import io.tiedepth.ingest.network.NetworkDescriptor.Layout;
import io.tiedepth.ingest.network.NetworkDescriptor.Separator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedLinesTest {

    static List<Row> rows(String text, Separator sep, boolean header, List<String> comments) throws IOException {
        try (DelimitedLines lines = open(text, sep, header, comments)) {
            List<Row> out = new ArrayList<>();
            Row r;
            while ((r = lines.next()) != null) {
                out.add(r);
            }
            return out;
        }
    }

    static DelimitedLines open(String text, Separator sep, boolean header, List<String> comments) throws IOException {
        return new DelimitedLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new Layout("f", sep, header, comments));
    }

    @Test
    void splitsOnRunsOfSpacesAndTabs() throws IOException {
        List<Row> rows = rows("1 2 3\n  4\t\t5   6  \n7\t8 9", Separator.WHITESPACE, false, List.of());
        assertThat(rows).extracting(r -> List.of(r.fields())).containsExactly(
                List.of("1", "2", "3"), List.of("4", "5", "6"), List.of("7", "8", "9"));
        assertThat(rows).extracting(Row::line).containsExactly(1L, 2L, 3L);
    }

    @Test
    void splitsOnCommasKeepingEmptyFieldsAndDroppingQuotes() throws IOException {
        List<Row> rows = rows("1, \"2\" ,\r\n", Separator.COMMA, false, List.of());
        assertThat(rows.get(0).fields()).containsExactly("1", "2", "");
    }

    @Test
    void splitsOnTabsOnly() throws IOException {
        List<Row> rows = rows("a b\tc\n", Separator.TAB, false, List.of());
        assertThat(rows.get(0).fields()).containsExactly("a b", "c");
    }

    @Test
    void skipsBlankAndCommentLinesButCountsThemInLineNumbers() throws IOException {
        List<Row> rows = rows("% konect\n# snap\n\n1 2\n   % indented comment\n3 4\n", Separator.WHITESPACE,
                false, List.of("#", "%"));
        assertThat(rows).extracting(Row::line).containsExactly(4L, 6L);
    }

    @Test
    void takesTheFirstNonBlankLineAsHeaderWithoutItsCommentPrefix() throws IOException {
        try (DelimitedLines lines = open("\n# User_A, user_b\n# another comment\n0,512\n", Separator.COMMA, true,
                List.of("#"))) {
            assertThat(lines.header()).containsExactly("user_a", "user_b");
            Row r = lines.next();
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.fields()).containsExactly("0", "512");
            assertThat(lines.next()).isNull();
        }
    }

    @Test
    void hasNoHeaderInAnEmptyFile() throws IOException {
        try (DelimitedLines lines = open("\n\n", Separator.COMMA, true, List.of())) {
            assertThat(lines.header()).isNull();
            assertThat(lines.next()).isNull();
        }
    }

    @Test
    void returnsAnOverlongLineWithoutItsContentAndGoesOn() throws IOException {
        String longLine = "9".repeat(DelimitedLines.MAX_LINE_CHARS + 1);
        String exact = "8".repeat(DelimitedLines.MAX_LINE_CHARS);
        List<Row> rows = rows("1 2\n" + longLine + "\n" + exact + "\r\n3 4", Separator.WHITESPACE, false,
                List.of());
        assertThat(rows).extracting(Row::tooLong).containsExactly(false, true, false, false);
        assertThat(rows.get(1).fields()).isNull();
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(3).fields()).containsExactly("3", "4");
        assertThat(rows.get(3).line()).isEqualTo(4);
    }

    @Test
    void consumesAByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        try (DelimitedLines lines = new DelimitedLines(new ByteArrayInputStream(all),
                new Layout("f", Separator.COMMA, true, List.of()))) {
            assertThat(lines.header()).containsExactly("a", "b");
        }
    }
}
