package io.tiedepth.ingest.canonical;

import static io.tiedepth.schema.Columns.EXPORT_ID;

import io.tiedepth.ingest.canonical.CanonicalTable.Column;
import io.tiedepth.text.Dates;
import io.tiedepth.text.ReadException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each canonical column sits in a file's header (a CSV header line or a Parquet schema), matched by name,
 * trimmed and case-insensitive.
 * <ul>
 *   <li>A required column (not nullable in {@link io.tiedepth.schema.Schemas}) that is absent rejects the file:
 *       {@code missing_column}, naming every absent one.</li>
 *   <li>A column named twice rejects the file: {@code duplicate_column}.</li>
 *   <li>An optional column that is absent reads as empty in every row, with a warning.</li>
 *   <li>Other columns are ignored with a warning ({@code export_id} with its own: tiedepth assigns export ids).
 *       Header names that do not look like identifiers are shown by their {@linkplain Dates#shape shape}.</li>
 * </ul>
 */
final class TableHeader {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final int[] positions;
    private final List<String> warnings;

    private TableHeader(int[] positions, List<String> warnings) {
        this.positions = positions;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Maps {@code names} (the file's columns in file order) onto {@code table}'s columns.
     *
     * @param file the file's path in the export, for messages
     * @throws ReadException {@code missing_column} or {@code duplicate_column}
     */
    static TableHeader of(CanonicalTable table, List<String> names, String file) throws ReadException {
        String base = file.substring(file.lastIndexOf('/') + 1);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = normalise(names.get(i));
            if (byName.putIfAbsent(n, i) != null && (isCanonical(table, n) || n.equals(EXPORT_ID))) {
                throw new ReadException("duplicate_column", "Cannot read " + base + ": column " + n
                        + " appears more than once", file, 0);
            }
        }
        List<Column> columns = table.columns();
        int[] positions = new int[columns.size()];
        List<String> missing = new ArrayList<>();
        List<String> absentOptional = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            Column c = columns.get(i);
            Integer at = byName.get(c.name());
            positions[i] = at == null ? -1 : at;
            if (at == null) {
                (c.required() ? missing : absentOptional).add(c.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ReadException("missing_column", "Cannot read " + base + ": no column "
                    + String.join(", ", missing) + " (required in canonical " + table.key() + ")", file, 0);
        }
        List<String> warnings = new ArrayList<>();
        if (!absentOptional.isEmpty()) {
            warnings.add(file + ": no column " + String.join(", ", absentOptional) + "; read as empty in every row");
        }
        if (byName.containsKey(EXPORT_ID)) {
            warnings.add(file + ": column " + EXPORT_ID + " ignored: tiedepth assigns export ids");
        }
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            String n = normalise(name);
            if (!isCanonical(table, n) && !n.equals(EXPORT_ID)) {
                unknown.add(IDENTIFIER.matcher(n).matches() ? n : "'" + Dates.shape(n) + "'");
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add(file + ": " + unknown.size() + " column(s) not in canonical " + table.key() + " ignored: "
                    + String.join(", ", unknown));
        }
        return new TableHeader(positions, warnings);
    }

    /** Position in the file of each of the table's columns, -1 when absent; aligned with its columns. */
    int[] positions() {
        return Arrays.copyOf(positions, positions.length);
    }

    /** What the header says that the researcher should know (absent optional and ignored columns). */
    List<String> warnings() {
        return warnings;
    }

    static String normalise(String name) {
        return name == null ? "" : name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isCanonical(CanonicalTable table, String name) {
        return table.columns().stream().anyMatch(c -> c.name().equals(name));
    }
}
