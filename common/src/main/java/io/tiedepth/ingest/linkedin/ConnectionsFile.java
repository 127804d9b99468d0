package io.tiedepth.ingest.linkedin;

import io.tiedepth.ingest.linkedin.CsvRows.RowRejected;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.TimePoint;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.CsvTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code Connections.csv}: one {@code connection} tie per row, in every header era (reference/export-formats.md
 * §1): with or without the 3-line {@code Notes:} preamble, with or without the {@code URL} column (mid-2023+),
 * dates {@code 1/8/18, 6:14 PM} (second precision), {@code 16 Dec 2024} or Excel's {@code 4-Apr-21} (day
 * precision).
 *
 * <ul>
 *   <li>The contact is {@code URL} (when present) and "First Last". {@code Email Address}, {@code Company} and
 *       {@code Position} are PII and never read.</li>
 *   <li>A <b>hidden profile</b> (a row with a date but no name and no URL) is accepted and counted in
 *       {@link ParsedExport#hiddenProfiles()}; it makes no tie.</li>
 *   <li>A row with no {@code Connected On} ({@code missing_date}) or one in no known form ({@code bad_date}) is
 *       rejected.</li>
 * </ul>
 */
final class ConnectionsFile {
    static final String FILE = "Connections.csv";
    static final String FIRST_NAME = "First Name";
    static final String LAST_NAME = "Last Name";
    static final String URL = "URL";
    static final String CONNECTED_ON = "Connected On";
    private static final List<String> REQUIRED = List.of(FIRST_NAME, LAST_NAME, CONNECTED_ON);
    private static final Pattern EXCEL_DATE = Pattern.compile("\\d{1,2}-[A-Za-z]{3}-\\d{2}(\\d{2})?");

    /**
     * What the file looked like, for the era label.
     *
     * @param read          the header was found
     * @param urlColumn     it has the mid-2023+ {@code URL} column
     * @param preamble      lines precede the header (the {@code Notes:} preamble)
     * @param datesWithTime some {@code Connected On} carries a time (2018)
     * @param excel         signs of an Excel re-save: a {@code 4-Apr-21} date or an {@code NA} cell
     */
    record Layout(boolean read, boolean urlColumn, boolean preamble, boolean datesWithTime, boolean excel) {
    }

    /** The layout and the contacts read (for owner recognition: nobody is their own connection). */
    record Result(Layout layout, List<PersonRef> contacts) {
    }

    private ConnectionsFile() {
    }

    static Result read(ExportSource source, String file, ParsedExport out, People people) throws IOException {
        Reading reading = new Reading(out, people);
        CsvRows.Tally tally = CsvRows.read(source, file, REQUIRED, out, reading);
        Layout layout = new Layout(tally.headerFound(), reading.urlColumn, reading.preamble, reading.datesWithTime,
                reading.excel);
        if (layout.excel()) {
            out.warn(CsvRows.baseName(file) + " is an Excel re-save (dates like 4-Apr-21 or NA cells)");
        }
        return new Result(layout, reading.contacts);
    }

    /** The state of one read: the rows' ties go to the export, what the layout showed is noted. */
    private static final class Reading implements CsvRows.Layout {
        private final ParsedExport out;
        private final People people;
        private final List<PersonRef> contacts = new ArrayList<>();
        private boolean urlColumn;
        private boolean preamble;
        private boolean datesWithTime;
        private boolean excel;

        Reading(ParsedExport out, People people) {
            this.out = out;
            this.people = people;
        }

        @Override
        public CsvRows.RowHandler rows(CsvTable table) {
            urlColumn = table.has(URL);
            preamble = table.headerLine() > 1;
            return this::take;
        }

        private void take(CsvTable.Record row) throws RowRejected {
            excel |= looksExcel(row);
            TimePoint at = CsvRows.date(row, CONNECTED_ON);
            datesWithTime |= at.precision() == Precision.second;
            PersonRef contact = PersonRef.ofUrlAndName(row.get(URL), CsvRows.fullName(row, FIRST_NAME, LAST_NAME));
            if (contact.isEmpty()) {
                out.addHiddenProfiles(1);
                return;
            }
            people.see(contact);
            contacts.add(contact);
            out.ties().add(new RawTie(contact, at.at(), at.precision(), "connection", "unknown", null, false));
        }
    }

    /** A {@code 4-Apr-21} date, or a name, URL or date cell holding Excel's {@code NA}. */
    private static boolean looksExcel(CsvTable.Record row) {
        String date = row.get(CONNECTED_ON);
        if (date != null && EXCEL_DATE.matcher(date).matches()) {
            return true;
        }
        for (String column : List.of(FIRST_NAME, LAST_NAME, URL, CONNECTED_ON)) {
            String raw = row.raw(column);
            if (raw != null && raw.strip().equals("NA")) {
                return true;
            }
        }
        return false;
    }
}
