import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.SizeClass;
import io.tiedepth.schema.Columns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's anchor (issue 15; run by scripts/bench.sh, never by the build or the tests): computes tie_features
 * and owner_metrics with DuckDB SQL ({@code scripts/bench/duckdb-features.sql}) over a warehouse's canonical Parquet
 * tables, and compares them with the ones {@code tiedepth features} wrote. Needs DuckDB's JDBC driver and the
 * tiedepth jar on the class path (the thresholds, channels and size classes are read from the jar, never copied);
 * only java.sql is used to talk to DuckDB.
 *
 * <pre>
 *   DuckdbAnchor compute SQL_FILE WAREHOUSE OUT_DIR THREADS MEMORY_LIMIT
 *       runs the SQL with DuckDB limited to THREADS threads and MEMORY_LIMIT (e.g. 4GB); writes
 *       OUT_DIR/tie_features.parquet and OUT_DIR/owner_metrics.parquet; prints the rows and the seconds.
 *   DuckdbAnchor compare SQL_FILE WAREHOUSE OUT_DIR [TOLERANCE]
 *       compares WAREHOUSE/features/{tie_features,owner_metrics} with OUT_DIR's, by key (export_id, contact_id /
 *       export_id) and by column name: doubles equal within TOLERANCE relative (default 1e-9), everything else
 *       exactly (null equals null). Columns listed as "@excluded table.column: reason" in SQL_FILE are not
 *       compared (and reported); any other column present on one side only is a difference. Prints one line per
 *       table and a last line "anchor: equal=yes|no differing_rows=N differing_cells=N"; exit code 0 when equal, 3
 *       when not.
 * </pre>
 */
public final class DuckdbAnchor {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
    private static final Pattern EXCLUDED = Pattern.compile("^--\\s*@excluded\\s+([a-z_]+)\\.([a-z_0-9]+):\\s*(.*)$");
    private static final Map<String, List<String>> KEYS = Map.of(
            "tie_features", List.of(Columns.EXPORT_ID, Columns.CONTACT_ID),
            "owner_metrics", List.of(Columns.EXPORT_ID));
    private static final List<String> TABLES = List.of("tie_features", "owner_metrics");

    private DuckdbAnchor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 6 && args[0].equals("compute")) {
            compute(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]), args[5]);
        } else if ((args.length == 4 || args.length == 5) && args[0].equals("compare")) {
            double tolerance = args.length == 5 ? Double.parseDouble(args[4]) : 1e-9;
            System.exit(compare(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), tolerance) ? 0 : 3);
        } else {
            System.err.println("usage: DuckdbAnchor compute SQL_FILE WAREHOUSE OUT_DIR THREADS MEMORY_LIMIT\n"
                    + "       DuckdbAnchor compare SQL_FILE WAREHOUSE OUT_DIR [TOLERANCE]");
            System.exit(2);
        }
    }

    static void compute(Path sqlFile, Path warehouse, Path out, int threads, String memoryLimit) throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(out);
        Map<String, String> values = placeholders(warehouse, out);
        List<String> statements = new ArrayList<>();
        for (String statement : statements(Files.readString(sqlFile))) {
            statements.add(substitute(statement, values, sqlFile));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
            s.execute("SET temp_directory = '" + sqlString(out.resolve("duckdb-tmp").toString()) + "'");
            s.execute("SET preserve_insertion_order = false");
            for (String statement : statements) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot run the anchor's SQL: " + e.getMessage() + " ("
                            + sqlFile + ", statement: " + firstLine(statement) + ")", e);
                }
            }
            long seconds = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "duckdb %s: %d tie_features rows, %d owner_metrics rows, %d threads, "
                            + "memory limit %s; %.2f s in the JVM (connect, SQL, Parquet written)%n",
                    version(s), count(s, "tie_features"), count(s, "owner_metrics"), threads, memoryLimit,
                    seconds / 1e9);
        }
    }

    /**
     * The values of the SQL file's ${name} placeholders, from the tiedepth jar's own constants: the feature thresholds'
     * defaults from {@link ClaimParams#DEFAULTS}, where they are declared once (FeatureParams.DEFAULTS copies them, and
     * moves between packages), the channels, the inbound window and the size classes.
     */
    static Map<String, String> placeholders(Path warehouse, Path out) {
        ClaimParams p = ClaimParams.DEFAULTS;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("warehouse", sqlString(warehouse.toAbsolutePath().toString()));
        v.put("out", sqlString(out.toAbsolutePath().toString()));
        v.put("burst_k", Integer.toString(p.burstK()));
        v.put("dormancy_days", Integer.toString(p.dormancyDays()));
        v.put("response_days", Integer.toString(p.responseDays()));
        v.put("inbound_window_days", Double.toString(Columns.INBOUND_WINDOW_DAYS));
        v.put("inbound_window_seconds", Double.toString(Columns.INBOUND_WINDOW_DAYS * 86_400));
        List<String> counts = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String channel : Columns.CHANNELS) {
            String name = Columns.channelCount(channel);
            counts.add("count(*) FILTER (WHERE channel = '" + sqlString(channel) + "') AS " + name);
            filled.add("coalesce(p." + name + ", 0) AS " + name);
            names.add(name);
        }
        v.put("channel_counts", String.join(",\n       ", counts));
        v.put("channel_columns", String.join(",\n       ", filled));
        v.put("channel_names", String.join(", ", names));
        StringBuilder sizeClass = new StringBuilder("CASE");
        List<String> labels = SizeClass.LABELS;
        for (String label : labels.subList(0, labels.size() - 1)) {
            sizeClass.append(" WHEN n_ties < ").append(SizeClass.upper(label))
                    .append(" THEN '").append(sqlString(label)).append('\'');
        }
        v.put("size_class", sizeClass.append(" ELSE '").append(sqlString(labels.get(labels.size() - 1)))
                .append("' END").toString());
        return v;
    }

    static String substitute(String sql, Map<String, String> values, Path file) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Cannot run the anchor's SQL: unknown placeholder ${" + m.group(1)
                        + "} (" + file + ")");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        return m.appendTail(b).toString();
    }

    /** The statements of a SQL text: comment lines dropped, split at each ';' that ends a line. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** Columns the SQL file declares as not computed, "table.column" to the reason. */
    static Map<String, String> excluded(String sql) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : sql.split("\n")) {
            Matcher m = EXCLUDED.matcher(line.strip());
            if (m.matches()) {
                out.put(m.group(1) + "." + m.group(2), m.group(3).strip());
            }
        }
        return out;
    }

    static boolean compare(Path sqlFile, Path warehouse, Path out, double tolerance) throws Exception {
        Map<String, String> excluded = excluded(Files.readString(sqlFile));
        long differingRows = 0;
        long differingCells = 0;
        boolean equal = true;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            for (String table : TABLES) {
                String td = parquet(warehouse.resolve("features").resolve(table).toAbsolutePath() + "/**/*.parquet");
                String dk = parquet(out.resolve(table + ".parquet").toAbsolutePath().toString());
                s.execute("CREATE TEMP VIEW td_" + table + " AS SELECT * FROM " + td);
                s.execute("CREATE TEMP VIEW dk_" + table + " AS SELECT * FROM " + dk);
                Map<String, String> tdCols = columns(s, "td_" + table);
                Map<String, String> dkCols = columns(s, "dk_" + table);
                List<String> keys = KEYS.get(table);
                List<String> problems = new ArrayList<>();
                List<String> notCompared = new ArrayList<>();
                List<String> compared = new ArrayList<>();
                for (String col : tdCols.keySet()) {
                    String reason = excluded.get(table + "." + col);
                    if (reason != null) {
                        notCompared.add(col);
                    } else if (!dkCols.containsKey(col)) {
                        problems.add(col + " only in tiedepth's output (not computed by the SQL, not declared "
                                + "@excluded)");
                    } else if (!keys.contains(col)) {
                        compared.add(col);
                    }
                }
                for (String col : dkCols.keySet()) {
                    if (!tdCols.containsKey(col)) {
                        problems.add(col + " only in DuckDB's output (tiedepth no longer writes it?)");
                    }
                }
                for (String key : keys) {
                    if (!tdCols.containsKey(key) || !dkCols.containsKey(key)) {
                        throw new IllegalStateException("Cannot compare " + table + ": key column " + key
                                + " missing (" + warehouse + ")");
                    }
                }
                long tdRows = count(s, "td_" + table);
                long dkRows = count(s, "dk_" + table);
                long tdKeys = distinctKeys(s, "td_" + table, keys);
                long dkKeys = distinctKeys(s, "dk_" + table, keys);
                if (tdKeys != tdRows) {
                    problems.add((tdRows - tdKeys) + " duplicate keys in tiedepth's output");
                }
                if (dkKeys != dkRows) {
                    problems.add((dkRows - dkKeys) + " duplicate keys in DuckDB's output");
                }
                StringBuilder q = new StringBuilder("SELECT count(*) FILTER (WHERE a._present AND b._present), "
                        + "count(*) FILTER (WHERE b._present IS NULL), count(*) FILTER (WHERE a._present IS NULL)");
                List<String> diffs = new ArrayList<>();
                for (String col : compared) {
                    String d = "NOT (" + equality(quote(col), tdCols.get(col), dkCols.get(col), tolerance) + ")";
                    diffs.add(d);
                    q.append(", count(*) FILTER (WHERE a._present AND b._present AND ").append(d).append(')');
                }
                q.append(", count(*) FILTER (WHERE a._present AND b._present AND (")
                        .append(diffs.isEmpty() ? "false" : String.join(" OR ", diffs)).append("))");
                q.append(" FROM (SELECT *, true AS _present FROM td_").append(table).append(") a FULL OUTER JOIN ")
                        .append("(SELECT *, true AS _present FROM dk_").append(table).append(") b ON ");
                List<String> on = new ArrayList<>();
                for (String key : keys) {
                    on.add("a." + quote(key) + " IS NOT DISTINCT FROM b." + quote(key));
                }
                q.append(String.join(" AND ", on));
                long matched;
                long onlyTd;
                long onlyDk;
                long rowsWithDiff;
                Map<String, Long> perColumn = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery(q.toString())) {
                    rs.next();
                    matched = rs.getLong(1);
                    onlyTd = rs.getLong(2);
                    onlyDk = rs.getLong(3);
                    for (int i = 0; i < compared.size(); i++) {
                        long n = rs.getLong(4 + i);
                        if (n > 0) {
                            perColumn.put(compared.get(i), n);
                        }
                    }
                    rowsWithDiff = rs.getLong(4 + compared.size());
                }
                long cells = perColumn.values().stream().mapToLong(Long::longValue).sum();
                long rows = rowsWithDiff + onlyTd + onlyDk;
                differingRows += rows;
                differingCells += cells;
                boolean tableEqual = rows == 0 && problems.isEmpty();
                equal &= tableEqual;
                System.out.printf(Locale.ROOT, "anchor %s: %d rows tiedepth, %d DuckDB; %d matched by key, %d only "
                                + "in tiedepth, %d only in DuckDB; %d columns compared, %d rows and %d cells differ%s%n",
                        table, tdRows, dkRows, matched, onlyTd, onlyDk, compared.size(), rows, cells,
                        tableEqual ? "" : "  <-- NOT EQUAL");
                for (Map.Entry<String, Long> e : perColumn.entrySet()) {
                    System.out.printf(Locale.ROOT, "anchor %s:   %s differs in %d rows, e.g. %s%n", table,
                            e.getKey(), e.getValue(), example(s, table, keys, e.getKey(), tdCols, dkCols, tolerance));
                }
                for (String p : problems) {
                    System.out.printf(Locale.ROOT, "anchor %s:   %s%n", table, p);
                }
                for (String col : notCompared) {
                    System.out.printf(Locale.ROOT, "anchor %s:   %s not compared: %s%n", table, col,
                            excluded.get(table + "." + col));
                }
            }
        }
        System.out.printf(Locale.ROOT, "anchor: equal=%s differing_rows=%d differing_cells=%d tolerance=%s%n",
                equal ? "yes" : "no", differingRows, differingCells, tolerance);
        return equal;
    }

    /** One differing row of a column, for the log: its key and both values. */
    private static String example(Statement s, String table, List<String> keys, String col,
                                  Map<String, String> tdCols, Map<String, String> dkCols, double tolerance)
            throws SQLException {
        List<String> on = new ArrayList<>();
        List<String> keySelect = new ArrayList<>();
        for (String key : keys) {
            on.add("a." + quote(key) + " = b." + quote(key));
            keySelect.add("a." + quote(key));
        }
        String q = "SELECT concat_ws(' / ', " + String.join(", ", keySelect) + "), CAST(a." + quote(col)
                + " AS VARCHAR), CAST(b." + quote(col) + " AS VARCHAR) FROM td_" + table + " a JOIN dk_" + table
                + " b ON " + String.join(" AND ", on) + " WHERE NOT ("
                + equality(quote(col), tdCols.get(col), dkCols.get(col), tolerance) + ") LIMIT 1";
        try (ResultSet rs = s.executeQuery(q)) {
            return rs.next() ? "key " + rs.getString(1) + ": tiedepth " + rs.getString(2) + ", DuckDB "
                    + rs.getString(3) : "-";
        }
    }

    /** A SQL condition: a.col equals b.col, doubles within a relative tolerance, null equal to null. */
    static String equality(String col, String tdType, String dkType, double tolerance) {
        String a = "a." + col;
        String b = "b." + col;
        boolean floating = isFloating(tdType) || isFloating(dkType);
        if (floating && isNumeric(tdType) && isNumeric(dkType)) {
            return "(" + a + " IS NOT DISTINCT FROM " + b + " OR (" + a + " IS NOT NULL AND " + b + " IS NOT NULL"
                    + " AND abs(CAST(" + a + " AS DOUBLE) - CAST(" + b + " AS DOUBLE)) <= " + tolerance
                    + " * greatest(abs(CAST(" + a + " AS DOUBLE)), abs(CAST(" + b + " AS DOUBLE)))))";
        }
        if (tdType.equals(dkType) || (isNumeric(tdType) && isNumeric(dkType))) {
            return "(" + a + " IS NOT DISTINCT FROM " + b + ")";
        }
        return "(CAST(" + a + " AS VARCHAR) IS NOT DISTINCT FROM CAST(" + b + " AS VARCHAR))";
    }

    private static boolean isFloating(String type) {
        return type.equals("DOUBLE") || type.equals("FLOAT") || type.startsWith("DECIMAL");
    }

    private static boolean isNumeric(String type) {
        return isFloating(type) || List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT",
                "USMALLINT", "UINTEGER", "UBIGINT").contains(type);
    }

    private static Map<String, String> columns(Statement s, String view) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE " + view)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static long distinctKeys(Statement s, String view, List<String> keys) throws SQLException {
        List<String> quoted = new ArrayList<>();
        for (String key : keys) {
            quoted.add(quote(key));
        }
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT DISTINCT " + String.join(", ", quoted)
                + " FROM " + view + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String version(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String parquet(String glob) {
        return "read_parquet('" + sqlString(glob) + "')";
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String sqlString(String s) {
        return s.replace("'", "''");
    }

    private static String firstLine(String statement) {
        int nl = statement.indexOf('\n');
        return nl < 0 ? statement : statement.substring(0, nl) + " …";
    }
}
