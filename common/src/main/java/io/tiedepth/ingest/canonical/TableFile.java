package io.tiedepth.ingest.canonical;

import io.tiedepth.text.ReadException;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** One canonical table file (CSV or Parquet) read row by row, its header already checked ({@link TableHeader}). */
interface TableFile extends Closeable {

    /**
     * One data row: where it is ({@code line N} of a CSV, {@code row N} of a Parquet file, 1-based), its cells aligned
     * with the table's columns (see {@link ColumnRules} for what a cell may be), or, when the row cannot even be
     * split into cells, the reason code and reason ({@code cells} then null).
     */
    record Row(String location, Object[] cells, String code, String problem) {
        static Row of(String location, Object[] cells) {
            return new Row(location, cells, null, null);
        }

        static Row broken(String location, String code, String problem) {
            return new Row(location, null, code, problem);
        }
    }

    /** What the header said that the researcher should know. */
    List<String> warnings();

    /**
     * The next row, or null at the end.
     *
     * @throws ReadException when the rest of the file cannot be read (the rows before stay read)
     */
    Row next() throws IOException, ReadException;

    /** Where the row after the last one returned would be, for a failure that stops the file. */
    String nextLocation();

    @Override
    void close() throws IOException;
}
