package io.tiedepth.ingest.linkedin;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.Reject;
import io.tiedepth.model.TimePoint;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.CsvTable;
import io.tiedepth.text.Dates;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads one CSV member of a LinkedIn export row by row and keeps its counts balanced: every non-blank data row is
 * accepted or rejected, and every rejection is a {@link Reject} (DESIGN §3 "Nothing lost").
 *
 * <p>A file that cannot be read at all (member unreadable, no header, malformed before the header) counts as one
 * row read and rejected, with a warning; a record that breaks the CSV mid-file (an unclosed quote running past
 * {@link CsvTable#MAX_FIELD_CHARS}) is one more rejected row and stops that file, the rows before it stay.
 * Reasons name the file, the column and the shape of a bad value, never the value.
 */
final class CsvRows {

    /** Handles the rows of one file; returns normally for an accepted row. */
    interface RowHandler {
        void take(CsvTable.Record row) throws RowRejected;
    }

    /** Sees the header once and returns the handler for the rows. */
    interface Layout {
        RowHandler rows(CsvTable table);
    }

    /** Why a row is rejected; thrown by a {@link RowHandler}. No stack trace: it is control flow. */
    static final class RowRejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        RowRejected(String code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** The running counts of one file; {@link #finish()} records them in the export. */
    static final class Tally {
        private final String file;
        private final ParsedExport out;
        private long read;
        private long rejected;
        private boolean headerFound;

        Tally(String file, ParsedExport out) {
            this.file = file;
            this.out = out;
        }

        String file() {
            return file;
        }

        /** True when the header was found and rows were read (the file was not rejected as a whole). */
        boolean headerFound() {
            return headerFound;
        }

        void accept() {
            read++;
        }

        void reject(String location, String code, String reason) {
            read++;
            rejected++;
            out.reject(new Reject(file, location, code, reason));
        }

        /** Counts {@code rows} rows as read and rejected, listed as one reject row. */
        void rejectUnread(long rows, String location, String code, String reason) {
            read += rows;
            rejected += rows;
            out.reject(new Reject(file, location, code, reason));
        }

        /** Rejects a row counted earlier as accepted (a decision that needed the whole export). */
        void rejectLater(String location, String code, String reason) {
            rejected++;
            out.reject(new Reject(file, location, code, reason));
        }

        void finish() {
            out.fileStats(new FileStats(file, read, read - rejected, rejected));
        }
    }

    private CsvRows() {
    }

    /**
     * Reads {@code file} of {@code source}, finding the header by {@code required} columns. The returned tally is
     * not yet {@linkplain Tally#finish() finished}, so a caller can still reject rows it accepted.
     */
    static Tally scan(ExportSource source, String file, List<String> required, ParsedExport out, Layout layout)
            throws IOException {
        Tally tally = new Tally(file, out);
        try (InputStream in = source.open(file); CsvTable table = CsvTable.open(in, file, required)) {
            tally.headerFound = true;
            RowHandler handler = layout.rows(table);
            for (CsvTable.Record row = table.next(); row != null; row = table.next()) {
                try {
                    handler.take(row);
                    tally.accept();
                } catch (RowRejected r) {
                    tally.reject(row.location(), r.code(), r.getMessage());
                }
            }
        } catch (ReadException e) {
            tally.reject(e.line() > 0 ? "line " + e.line() : "file", e.reasonCode(), e.getMessage());
            out.warn(e.getMessage());
            if (e.reasonCode().equals("malformed_csv") && e.line() > 0) {
                rejectUnreadLines(source, file, e.line(), tally);
            }
        } catch (IOException e) {
            String reason = "Cannot read " + baseName(file) + ": " + (e.getMessage() != null
                    && e.getMessage().startsWith("Cannot ") ? e.getMessage() : e.getClass().getSimpleName());
            tally.reject("file", "unreadable_file", reason);
            out.warn(reason);
        }
        return tally;
    }

    /**
     * After a broken record that stopped the file at line {@code brokenAt}, every non-blank line after it is one
     * row read and rejected, listed as one reject row carrying the count, so rows read = accepted + rejected
     * still covers the whole file. The lines are counted by bytes (memory stays bounded on any line length).
     */
    private static void rejectUnreadLines(ExportSource source, String file, long brokenAt, Tally tally) {
        long unread;
        try (InputStream in = source.open(file)) {
            unread = nonBlankLinesAfter(in, brokenAt);
        } catch (IOException e) {
            return;
        }
        if (unread > 0) {
            tally.rejectUnread(unread, "line " + (brokenAt + 1), "unread_after_malformed", unread
                    + " line(s) after the broken record at line " + brokenAt + " of " + baseName(file)
                    + " were not read (each counts as one rejected row)");
        }
    }

    /** Non-blank lines (holding a byte other than space, tab, CR or NUL) after line {@code line} (1-based). */
    static long nonBlankLinesAfter(InputStream in, long line) throws IOException {
        byte[] buf = new byte[1 << 16];
        long current = 1;
        boolean content = false;
        long count = 0;
        for (int n = in.read(buf); n != -1; n = in.read(buf)) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    if (content && current > line) {
                        count++;
                    }
                    current++;
                    content = false;
                } else if (b != ' ' && b != '\t' && b != '\r' && b != 0) {
                    content = true;
                }
            }
        }
        return content && current > line ? count + 1 : count;
    }

    /** {@link #scan} and {@linkplain Tally#finish() finish}: for files whose rows are decided as they are read. */
    static Tally read(ExportSource source, String file, List<String> required, ParsedExport out, Layout layout)
            throws IOException {
        Tally tally = scan(source, file, required, out, layout);
        tally.finish();
        return tally;
    }

    /**
     * The date in {@code column}.
     *
     * @throws RowRejected {@code missing_date} when empty, {@code bad_date} (with the value's
     *                     {@linkplain Dates#shape shape}) when it matches no known form
     */
    static TimePoint date(CsvTable.Record row, String column) throws RowRejected {
        String value = row.get(column);
        if (value == null) {
            throw new RowRejected("missing_date", "no date in column " + column);
        }
        TimePoint at = row.dates().parse(value);
        if (at == null) {
            throw new RowRejected("bad_date", Dates.problem(value) + " in column " + column);
        }
        return at;
    }

    /** "First Last" from two name columns (either may be empty), or null when both are. */
    static String fullName(CsvTable.Record row, String firstColumn, String lastColumn) {
        String first = row.get(firstColumn);
        String last = row.get(lastColumn);
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        return first + " " + last;
    }

    /**
     * A person from a name and an optional URL.
     *
     * @throws RowRejected {@code unidentified_person} when neither is present
     */
    static PersonRef person(String url, String name, String what) throws RowRejected {
        PersonRef p = PersonRef.ofUrlAndName(url, name);
        if (p.isEmpty()) {
            throw new RowRejected("unidentified_person", "no name or profile URL for the " + what);
        }
        return p;
    }

    static String baseName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
