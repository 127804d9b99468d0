package io.tiedepth.ingest.network;

import io.tiedepth.ingest.network.NetworkDescriptor.Layout;
import io.tiedepth.ingest.network.NetworkDescriptor.Separator;
import io.tiedepth.text.Charsets;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An edge list or event list read line by line: one record per line, fields split by a comma, a tab or runs of
 * whitespace ({@link Separator}). Made for the plain files of network datasets (SNAP, KONECT, CNS), where
 * {@link io.tiedepth.text.CsvTable}'s quoted multi-line CSV and header search do not fit.
 *
 * <ul>
 *   <li>Lines end with LF or CRLF; the charset follows the byte-order mark ({@link Charsets}).</li>
 *   <li>Blank lines and comment lines (first non-blank characters are one of the layout's comment prefixes) are
 *       skipped and are not rows.</li>
 *   <li>With {@code header}, the first non-blank line is the header, with one leading comment prefix removed
 *       ({@code # user_a,user_b}); its names are trimmed and lower-cased. It is not a row.</li>
 *   <li>Fields are trimmed; with a comma separator one pair of surrounding double quotes is removed. Quoted
 *       separators and multi-line fields are not supported: node ids and numbers need neither.</li>
 *   <li>Memory is bounded: a line longer than {@value #MAX_LINE_CHARS} characters is returned as a
 *       {@link Row#tooLong()} row without its content, and reading goes on at the next line.</li>
 * </ul>
 * Line numbers are physical, 1-based, and count every line (header, comments and blank lines included).
 */
final class DelimitedLines implements Closeable {
    static final int MAX_LINE_CHARS = 8192;

    private final Reader in;
    private final Layout layout;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(128);
    private int pos;
    private int end;
    private long lineNo;
    private boolean eof;
    private List<String> header;

    /** One data line: its number and fields, or {@code tooLong} (fields null). */
    record Row(long line, String[] fields, boolean tooLong) {
        int width() {
            return fields == null ? 0 : fields.length;
        }
    }

    DelimitedLines(InputStream raw, Layout layout) throws IOException {
        this.in = Charsets.reader(raw);
        this.layout = layout;
        if (layout.header()) {
            readHeader();
        }
    }

    /** The header's names (trimmed, lower case), or null when the layout has none or the file is empty. */
    List<String> header() {
        return header;
    }

    /** Number of the last line read. */
    long lineNumber() {
        return lineNo;
    }

    /** The next data row, or null at the end of the file. */
    Row next() throws IOException {
        while (true) {
            int status = readLine();
            if (status == EOF) {
                return null;
            }
            if (status == TOO_LONG) {
                return new Row(lineNo, null, true);
            }
            String s = line.toString().strip();
            if (s.isEmpty() || isComment(s)) {
                continue;
            }
            return new Row(lineNo, split(s, layout.separator()), false);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void readHeader() throws IOException {
        while (true) {
            int status = readLine();
            if (status == EOF) {
                return;
            }
            if (status == TOO_LONG) {
                header = List.of();
                return;
            }
            String s = line.toString().strip();
            if (s.isEmpty()) {
                continue;
            }
            for (String p : layout.commentPrefixes()) {
                if (s.startsWith(p)) {
                    s = s.substring(p.length()).strip();
                    break;
                }
            }
            List<String> names = new ArrayList<>();
            for (String f : split(s, layout.separator())) {
                names.add(f.toLowerCase(Locale.ROOT));
            }
            header = List.copyOf(names);
            return;
        }
    }

    private boolean isComment(String stripped) {
        for (String p : layout.commentPrefixes()) {
            if (stripped.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Fields of a stripped, non-empty line. */
    static String[] split(String s, Separator sep) {
        if (sep == Separator.WHITESPACE) {
            return s.split("[ \\t]+");
        }
        String[] f = s.split(sep == Separator.COMMA ? "," : "\t", -1);
        for (int i = 0; i < f.length; i++) {
            String v = f[i].strip();
            if (sep == Separator.COMMA && v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
                v = v.substring(1, v.length() - 1).strip();
            }
            f[i] = v;
        }
        return f;
    }

    private static final int LINE = 0;
    private static final int TOO_LONG = 1;
    private static final int EOF = 2;

    /** Reads the next physical line into {@link #line} (without its terminator), keeping at most the bound. */
    private int readLine() throws IOException {
        line.setLength(0);
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!any) {
                        return EOF;
                    }
                    lineNo++;
                    return tooLong || line.length() > MAX_LINE_CHARS ? TOO_LONG : LINE;
                }
            }
            any = true;
            char c = buf[pos++];
            if (c == '\n') {
                lineNo++;
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return tooLong || line.length() > MAX_LINE_CHARS ? TOO_LONG : LINE;
            }
            if (!tooLong) {
                if (line.length() >= MAX_LINE_CHARS + 1) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
