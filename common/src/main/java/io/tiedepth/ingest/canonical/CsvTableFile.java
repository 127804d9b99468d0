package io.tiedepth.ingest.canonical;

import static io.tiedepth.schema.Columns.OWNER_ID;

import io.tiedepth.ingest.canonical.CanonicalTable.Column;
import io.tiedepth.text.CsvTable;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A canonical table as CSV: UTF-8, comma-separated (or tab-separated when the header has tabs and no comma),
 * quoted fields as RFC 4180, the header on the first line. Read through {@link CsvTable}, so fields are bounded,
 * blank lines are skipped and not counted, and an empty or {@code NA} cell is empty. A record with another number
 * of fields than the header is rejected ({@code field_count}): its values may sit in the wrong columns.
 */
final class CsvTableFile implements TableFile {
    private final CsvTable csv;
    private final List<Column> columns;
    private final int[] positions;
    private final int width;
    private final List<String> warnings;
    private long lastLine;

    private CsvTableFile(CsvTable csv, CanonicalTable table, TableHeader header) {
        this.csv = csv;
        this.columns = table.columns();
        this.positions = header.positions();
        this.width = csv.header().size();
        this.warnings = header.warnings();
        this.lastLine = csv.headerLine();
    }

    /**
     * Opens {@code in} and checks its header.
     *
     * @throws ReadException {@code missing_column}, {@code duplicate_column}, {@code header_not_first}, or the
     *                       CSV's own ({@code unreadable_csv})
     */
    static CsvTableFile open(InputStream in, CanonicalTable table, String file) throws IOException, ReadException {
        String base = file.substring(file.lastIndexOf('/') + 1);
        CsvTable csv;
        try {
            csv = CsvTable.open(in, file, List.of(OWNER_ID));
        } catch (ReadException e) {
            if ("missing_header".equals(e.reasonCode())) {
                throw new ReadException("missing_column", "Cannot read " + base + ": no column " + OWNER_ID
                        + " (required in canonical " + table.key() + ") in a header on the first line", file, 0);
            }
            throw e;
        }
        try {
            if (csv.headerLine() != 1) {
                throw new ReadException("header_not_first", "Cannot read " + base + ": the header must be the "
                        + "first line; it is on line " + csv.headerLine(), file, csv.headerLine());
            }
            return new CsvTableFile(csv, table, TableHeader.of(table, csv.header(), file));
        } catch (ReadException | RuntimeException e) {
            csv.close();
            throw e;
        }
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public Row next() throws ReadException {
        CsvTable.Record r = csv.next();
        if (r == null) {
            return null;
        }
        lastLine = r.line();
        if (r.width() != width) {
            return Row.broken(r.location(), "field_count", "has " + r.width() + " field(s), expected " + width
                    + " as in the header");
        }
        Object[] cells = new Object[positions.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = positions[i] < 0 ? null : r.get(columns.get(i).name());
        }
        return Row.of(r.location(), cells);
    }

    @Override
    public String nextLocation() {
        return "line " + (lastLine + 1);
    }

    @Override
    public void close() {
        csv.close();
    }
}
