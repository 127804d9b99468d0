package io.tiedepth.text;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file read record by record, columns addressed by name (never by position).
 *
 * <p>The header is the first of the first {@value #HEADER_SCAN} records that holds every required column
 * (case-insensitive, trimmed): so LinkedIn's {@code Notes:} preamble, or none, both work. Records are parsed by
 * univocity with quoted multi-line fields, CRLF or LF, and a comma or (when the first line has tabs and no comma)
 * a tab separator. Blank lines are skipped and not counted. Excel's {@code NA} cells read as absent.
 *
 * <p>Memory is bounded: a field longer than {@value #MAX_FIELD_CHARS} characters (a runaway unclosed quote, a
 * 2 GB single line) stops the file with a {@link ReadException} at the line where that record started; the
 * records before it stay read. A quote still open at the end of the file does the same (rather than silently
 * swallowing every following line into one value).
 */
public final class CsvTable implements Closeable {
    public static final int HEADER_SCAN = 10;
    public static final int MAX_FIELD_CHARS = 1 << 20;
    public static final int MAX_COLUMNS = 512;

    private final String file;
    private final CsvParser parser;
    private final Map<String, Integer> columns = new HashMap<>();
    /** Column index by the name as callers spell it (-1: absent), so a record's lookup normalises nothing. */
    private final Map<String, Integer> asAsked = new HashMap<>();
    private final List<String> header;
    private final long headerLine;
    private final Dates.InFile dates = new Dates.InFile();
    private long nextLine;
    private boolean ended;

    private CsvTable(String file, CsvParser parser, String[] header, long headerLine) {
        this.file = file;
        this.parser = parser;
        this.headerLine = headerLine;
        this.header = java.util.Arrays.stream(header)
                .map(h -> h == null ? "" : h.replace("\uFEFF", "").strip())
                .toList();
        for (int i = 0; i < header.length; i++) {
            if (header[i] != null) {
                columns.putIfAbsent(normalise(header[i]), i);
            }
        }
        this.nextLine = parser.getContext().currentLine() + 1;
    }

    /**
     * Opens {@code in} and finds the header holding all of {@code required}.
     *
     * @throws ReadException when no such header is found in the first {@value #HEADER_SCAN} records
     */
    public static CsvTable open(InputStream in, String file, Collection<String> required) throws IOException, ReadException {
        BufferedReader reader = new BufferedReader(Charsets.reader(in), 1 << 16);
        char delimiter = sniffDelimiter(reader);
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(delimiter);
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setSkipEmptyLines(false);
        settings.setMaxCharsPerColumn(MAX_FIELD_CHARS);
        settings.setMaxColumns(MAX_COLUMNS);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setErrorContentLength(0);
        settings.setReadInputOnSeparateThread(false);
        CsvParser parser = new CsvParser(settings);
        parser.beginParsing(new EndMarked(reader));
        for (int i = 0; i < HEADER_SCAN; i++) {
            String[] rec;
            try {
                rec = parser.parseNext();
            } catch (TextParsingException e) {
                parser.stopParsing();
                rethrowInputFailure(e, file, parser.getContext().currentLine());
                throw new ReadException("unreadable_csv", "Cannot read " + baseName(file)
                        + ": malformed CSV or a field longer than " + MAX_FIELD_CHARS + " characters before the header",
                        file, parser.getContext().currentLine());
            }
            if (rec == null || isEndMark(rec)) {
                break;
            }
            if (hasAll(rec, required)) {
                return new CsvTable(file, parser, rec, parser.getContext().currentLine());
            }
        }
        parser.stopParsing();
        throw new ReadException("missing_header", "Cannot read " + baseName(file) + ": no header with columns "
                + String.join(", ", required) + " in the first " + HEADER_SCAN + " lines", file, 0);
    }

    private int index(String column) {
        Integer i = asAsked.get(column);
        if (i == null) {
            i = columns.getOrDefault(normalise(column), -1);
            asAsked.put(column, i);
        }
        return i;
    }

    /** True when the header has this column. */
    public boolean has(String column) {
        return columns.containsKey(normalise(column));
    }

    /** The header's column names as written (trimmed; case kept), in file order. */
    public List<String> header() {
        return header;
    }

    public long headerLine() {
        return headerLine;
    }

    /**
     * The next non-blank record, or null at the end.
     *
     * @throws ReadException when the record cannot be parsed (unclosed quote, oversized field); the file should
     *                       not be read further
     */
    public Record next() throws ReadException {
        while (!ended) {
            long start = nextLine;
            String[] values;
            try {
                values = parser.parseNext();
            } catch (TextParsingException e) {
                rethrowInputFailure(e, file, start);
                throw malformed(start);
            }
            if (values == null || isEndMark(values)) {
                ended = true;
                parser.stopParsing();
                return null;
            }
            if (holdsEndMark(values)) {
                throw malformed(start);
            }
            nextLine = parser.getContext().currentLine() + 1;
            if (!isBlank(values)) {
                return new Record(values, start);
            }
        }
        return null;
    }

    private ReadException malformed(long start) {
        ended = true;
        parser.stopParsing();
        return new ReadException("malformed_csv", "Cannot read record of " + baseName(file)
                + ": unclosed quote or field longer than " + MAX_FIELD_CHARS + " characters", file, start);
    }

    @Override
    public void close() {
        parser.stopParsing();
    }

    /** One record; values are trimmed, empty and {@code NA} cells are null. */
    public final class Record {
        private final String[] values;
        private final long line;

        Record(String[] values, long line) {
            this.values = values;
            this.line = line;
        }

        public long line() {
            return line;
        }

        /** The date parser of this record's file (its dates share a form: {@link Dates.InFile}). */
        public Dates.InFile dates() {
            return dates;
        }

        public String location() {
            return "line " + line;
        }

        /** The value in {@code column}, or null when the column is absent, the cell empty or {@code NA}. */
        public String get(String column) {
            int i = index(column);
            if (i < 0 || i >= values.length || values[i] == null) {
                return null;
            }
            String v = values[i].strip();
            return v.isEmpty() || v.equals("NA") ? null : v;
        }

        /** The value as is (not trimmed, NA kept), for free text whose size is measured. */
        public String raw(String column) {
            int i = index(column);
            return i < 0 || i >= values.length ? null : values[i];
        }

        /** Number of cells in the record. */
        public int width() {
            return values.length;
        }
    }

    private static char sniffDelimiter(BufferedReader reader) throws IOException {
        char[] buf = new char[8192];
        reader.mark(buf.length);
        int n = reader.read(buf, 0, buf.length);
        reader.reset();
        int commas = 0;
        int tabs = 0;
        for (int i = 0; i < n && buf[i] != '\n'; i++) {
            if (buf[i] == ',') {
                commas++;
            } else if (buf[i] == '\t') {
                tabs++;
            }
        }
        return tabs > 0 && commas == 0 ? '\t' : ',';
    }

    /**
     * When parsing failed because the input itself failed (an archive limit, a truncated member), that reason is
     * the one to report, not the CSV syntax. Our own I/O messages start with "Cannot " and quote no content.
     */
    private static void rethrowInputFailure(TextParsingException e, String file, long line) throws ReadException {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException && c.getMessage() != null && c.getMessage().startsWith("Cannot ")) {
                throw new ReadException("unreadable_member", c.getMessage(), file, line);
            }
        }
    }

    private static boolean hasAll(String[] rec, Collection<String> required) {
        List<String> names = new java.util.ArrayList<>(rec.length);
        for (String s : rec) {
            if (s != null) {
                names.add(normalise(s));
            }
        }
        for (String r : required) {
            if (!names.contains(normalise(r))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text, then {@link #END_MARK} on a line of its own. The parser reads the mark as a last record of its own
     * when every quote was closed; a quote still open at the end swallows it into the unclosed value instead.
     */
    private static final class EndMarked extends Reader {
        private final Reader in;
        private int markAt = -1;

        EndMarked(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (markAt < 0) {
                int n = in.read(buf, off, len);
                if (n != -1) {
                    return n;
                }
                markAt = 0;
            }
            if (markAt >= END_TEXT.length()) {
                return -1;
            }
            int n = Math.min(len, END_TEXT.length() - markAt);
            END_TEXT.getChars(markAt, markAt + n, buf, off);
            markAt += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final String END_MARK = "\uFDD0tiedepth-end-of-input\uFDD0";
    private static final String END_TEXT = "\n" + END_MARK + "\n";

    private static boolean isEndMark(String[] values) {
        return values.length == 1 && END_MARK.equals(values[0]);
    }

    private static boolean holdsEndMark(String[] values) {
        for (String v : values) {
            if (v != null && v.contains(END_MARK)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String[] values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String normalise(String column) {
        return column.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    private static String baseName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
