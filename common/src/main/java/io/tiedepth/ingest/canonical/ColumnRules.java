package io.tiedepth.ingest.canonical;

import static io.tiedepth.schema.Columns.CONNECTED_AT;
import static io.tiedepth.schema.Columns.CONNECTED_AT_PRECISION;
import static io.tiedepth.schema.Columns.OWNER_ID;

import io.tiedepth.ingest.canonical.CanonicalTable.Column;
import io.tiedepth.text.Dates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the cells of one row of a canonical table, column by column in schema order, and turns them into typed
 * values. The first bad column rejects the row; its reason names the column and, for a bad value, its
 * {@linkplain Dates#shape shape} (letters {@code a}, digits {@code 9}), never the value.
 *
 * <p>A cell comes in as null (empty, absent column, Parquet null), a {@code String} (CSV text, or a Parquet string;
 * trimmed, never empty), a {@code Boolean}, a {@code Long} (a Parquet integer) or an {@code Instant} (a Parquet
 * timestamp). Values come out as {@code String}, {@code Instant}, {@code Boolean} or {@code Integer}.
 *
 * <table>
 *   <caption>Rules and reason codes</caption>
 *   <tr><td>required column empty</td><td>{@code missing_value}</td></tr>
 *   <tr><td>platform not {@code [a-z][a-z0-9_]{0,31}}</td><td>{@code bad_platform}</td></tr>
 *   <tr><td>platform not declared in the manifest</td><td>{@code undeclared_platform}</td></tr>
 *   <tr><td>id (owner, contact, counterpart, thread) over {@value #MAX_ID_CHARS} characters or with control
 *       characters</td><td>{@code bad_id}</td></tr>
 *   <tr><td>tie_source, invited_by, channel, direction, connected_at_precision not one of their values (exact,
 *       lower case)</td><td>{@code bad_enum}</td></tr>
 *   <tr><td>time neither ISO-8601 with a zone ({@code 2024-03-01T09:30:00Z}, {@code 2024-03-01T10:30:00.250+01:00})
 *       nor epoch milliseconds ({@code 1709285400000}), or outside 1995-2099 ({@link Dates#plausible})</td>
 *       <td>{@code bad_time}</td></tr>
 *   <tr><td>boolean not {@code true} or {@code false} (any case)</td><td>{@code bad_boolean}</td></tr>
 *   <tr><td>words, chars, duration_s not a whole number from 0 to 2147483647</td><td>{@code bad_count}</td></tr>
 *   <tr><td>contact_id (counterpart_id) equal to owner_id</td><td>{@code self_pair}</td></tr>
 *   <tr><td>connected_at_precision given without connected_at</td><td>{@code bad_precision}</td></tr>
 * </table>
 */
final class ColumnRules {
    public static final int MAX_ID_CHARS = 256;
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,10}");

    /** Why a row is rejected. No stack trace: it is control flow. */
    static final class BadRow extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        BadRow(String code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final List<String> platforms;

    /** @param platforms the platforms the manifest declares */
    ColumnRules(List<String> platforms) {
        this.platforms = List.copyOf(platforms);
    }

    /**
     * The typed values of a row of {@code table}, {@code cells} aligned with {@link CanonicalTable#columns()}.
     *
     * @throws BadRow for the first column whose value breaks a rule, or a row-level rule
     */
    Object[] check(CanonicalTable table, Object[] cells) throws BadRow {
        List<Column> columns = table.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(columns.get(i), cells[i]);
        }
        String other = table.counterpartColumn();
        if (values[table.index(OWNER_ID)].equals(values[table.index(other)])) {
            throw new BadRow("self_pair", OWNER_ID + " and " + other + " are the same person");
        }
        if (table == CanonicalTable.TIES && values[table.index(CONNECTED_AT)] == null
                && values[table.index(CONNECTED_AT_PRECISION)] != null) {
            throw new BadRow("bad_precision", "column " + CONNECTED_AT_PRECISION + " is set but "
                    + CONNECTED_AT + " is empty");
        }
        return values;
    }

    /** One cell's typed value, or null for an empty optional cell. */
    Object value(Column c, Object cell) throws BadRow {
        if (cell == null) {
            if (c.required()) {
                throw new BadRow("missing_value", "no value in required column " + c.name());
            }
            return null;
        }
        return switch (c.kind()) {
            case PLATFORM -> platform(c, text(cell));
            case PERSON, THREAD -> id(c, text(cell));
            case ENUM -> oneOf(c, text(cell));
            case TIME -> time(c, cell);
            case BOOLEAN -> bool(c, cell);
            case COUNT -> count(c, cell);
        };
    }

    private String platform(Column c, String v) throws BadRow {
        if (!CanonicalManifest.PLATFORM.matcher(v).matches()) {
            throw new BadRow("bad_platform", "column " + c.name() + " must be a lower-case platform name, not '"
                    + Dates.shape(v) + "'");
        }
        if (!platforms.contains(v)) {
            throw new BadRow("undeclared_platform", "column " + c.name() + " names a platform that "
                    + CanonicalManifest.FILE_NAME + " does not declare (it declares " + String.join(", ", platforms)
                    + "): '" + Dates.shape(v) + "'");
        }
        return v;
    }

    private static String id(Column c, String v) throws BadRow {
        if (v.codePointCount(0, v.length()) > MAX_ID_CHARS) {
            throw new BadRow("bad_id", "column " + c.name() + " is longer than " + MAX_ID_CHARS + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new BadRow("bad_id", "column " + c.name() + " holds control characters");
            }
        }
        return v;
    }

    private static String oneOf(Column c, String v) throws BadRow {
        if (!c.values().contains(v)) {
            throw new BadRow("bad_enum", "column " + c.name() + " must be one of " + String.join(", ", c.values())
                    + ", not '" + Dates.shape(v) + "'");
        }
        return v;
    }

    private static Instant time(Column c, Object cell) throws BadRow {
        Instant at;
        boolean number = false;
        if (cell instanceof Instant i) {
            at = i;
        } else if (cell instanceof Long millis) {
            at = Instant.ofEpochMilli(millis);
            number = true;
        } else {
            String v = text(cell);
            if (EPOCH_MILLIS.matcher(v).matches()) {
                at = Instant.ofEpochMilli(Long.parseLong(v));
                number = true;
            } else {
                at = iso(v);
                if (at == null) {
                    throw new BadRow("bad_time", "column " + c.name() + " is not an ISO-8601 time with a zone "
                            + "or epoch milliseconds: '" + Dates.shape(v) + "'");
                }
            }
        }
        if (!Dates.plausible(at)) {
            boolean seconds = number && Math.abs(at.toEpochMilli()) < 1L << 52
                    && Dates.plausible(Instant.ofEpochMilli(at.toEpochMilli() * 1000));
            throw new BadRow("bad_time", "column " + c.name() + " is outside the plausible range 1995-2099"
                    + (seconds ? " (epoch seconds? numbers are read as epoch milliseconds)" : ""));
        }
        return at;
    }

    private static Instant iso(String v) {
        if (v.length() > 64) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Boolean bool(Column c, Object cell) throws BadRow {
        if (cell instanceof Boolean b) {
            return b;
        }
        String v = text(cell);
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadRow("bad_boolean", "column " + c.name() + " must be true or false, not '"
                    + Dates.shape(v) + "'");
        };
    }

    private static Integer count(Column c, Object cell) throws BadRow {
        long n;
        String shown;
        if (cell instanceof Long l) {
            n = l;
            shown = Long.toString(l);
        } else {
            shown = text(cell);
            n = COUNT.matcher(shown).matches() ? Long.parseLong(shown) : -1;
        }
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new BadRow("bad_count", "column " + c.name() + " must be a whole number from 0 to "
                    + Integer.MAX_VALUE + ", not '" + Dates.shape(shown) + "'");
        }
        return (int) n;
    }

    /** A text cell; a typed cell reaches a text rule only through a bug in the file readers' type checks. */
    private static String text(Object cell) {
        if (cell instanceof String s) {
            return s;
        }
        throw new IllegalStateException("expected text, got " + cell.getClass().getSimpleName());
    }
}
