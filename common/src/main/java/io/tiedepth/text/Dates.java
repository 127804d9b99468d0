package io.tiedepth.text;

import io.tiedepth.model.Precision;
import io.tiedepth.model.TimePoint;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Every date and time format the exports use (reference/export-formats.md), tried in order. Times with no zone
 * are taken as UTC (LinkedIn's zone is undocumented); dates with no time have {@link Precision#day}.
 *
 * <table>
 *   <caption>Accepted forms</caption>
 *   <tr><td>{@code 16 Dec 2024}</td><td>LinkedIn Connected On (2021+)</td><td>day</td></tr>
 *   <tr><td>{@code 4-Apr-21}</td><td>Excel re-save</td><td>day</td></tr>
 *   <tr><td>{@code 1/8/18, 6:14 PM}, {@code 12/24/23, 05:28 AM}</td><td>LinkedIn 2018, Invitations, Recommendations</td><td>second</td></tr>
 *   <tr><td>{@code 2024-06-18 11:59:53 UTC}, {@code 2024/12/07 14:51:07 UTC}</td><td>messages, endorsements</td><td>second</td></tr>
 *   <tr><td>{@code 2019-11-06T02:08:20}, {@code 2022-01-27T15:58:52.744Z}, with an offset</td><td>ISO</td><td>second</td></tr>
 *   <tr><td>{@code 2024-06-17 06:01:43}</td><td>no zone</td><td>second</td></tr>
 *   <tr><td>{@code 2024-06-17}, {@code 1/8/2018}, {@code 1/8/18}</td><td>date only</td><td>day</td></tr>
 *   <tr><td>{@code Sat Feb 18 19:45:15 +0000 2023}</td><td>X tweets</td><td>second</td></tr>
 * </table>
 */
public final class Dates {
    private record Form(DateTimeFormatter format, boolean dateOnly, boolean zoned) {
    }

    private static final List<Form> FORMS = List.of(
            date("d MMM uuuu"),
            date("d-MMM-uu"),
            date("d-MMM-uuuu"),
            local("M/d/uu, h:mm a"),
            local("M/d/uuuu, h:mm a"),
            local("M/d/uu h:mm a"),
            local("M/d/uuuu H:mm"),
            local("M/d/uuuu H:mm:ss"),
            local("uuuu-MM-dd HH:mm:ss 'UTC'"),
            local("uuuu/MM/dd HH:mm:ss 'UTC'"),
            local("uuuu-MM-dd HH:mm:ss"),
            local("uuuu-MM-dd HH:mm"),
            new Form(DateTimeFormatter.ISO_OFFSET_DATE_TIME, false, true),
            new Form(DateTimeFormatter.ISO_LOCAL_DATE_TIME, false, false),
            zoned("EEE MMM dd HH:mm:ss Z uuuu"),
            date("uuuu-MM-dd"),
            date("M/d/uuuu"),
            date("M/d/uu"));

    /**
     * Times outside [{@value #PLAUSIBLE_FROM}, {@value #PLAUSIBLE_UNTIL}) are not believed: no platform we read
     * existed before 1995 (LinkedIn 2003, Facebook 2004, X 2006), and a year-2100 time is a placeholder or an
     * overflow. Fixed bounds, so parsing never depends on the day it runs. Network datasets are exempt (their
     * times may be relative to an arbitrary epoch).
     */
    public static final String PLAUSIBLE_FROM = "1995-01-01T00:00:00Z";
    public static final String PLAUSIBLE_UNTIL = "2100-01-01T00:00:00Z";
    private static final Instant FROM = Instant.parse(PLAUSIBLE_FROM);
    private static final Instant UNTIL = Instant.parse(PLAUSIBLE_UNTIL);

    private Dates() {
    }

    /** True for an instant within the plausible range. */
    public static boolean plausible(Instant at) {
        return at != null && !at.isBefore(FROM) && at.isBefore(UNTIL);
    }

    /**
     * Why {@link #parse} gives null for {@code value}: "missing date", "unknown date format '&lt;shape&gt;'" or
     * "date outside the plausible range 1995-2099"; null when the value parses. Quotes no content.
     */
    public static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "missing date";
        }
        TimePoint t = parseAny(value);
        if (t == null) {
            return "unknown date format '" + shape(value) + "'";
        }
        return plausible(t.at()) ? null : "date outside the plausible range 1995-2099";
    }

    /** The parsed instant, or null when the value matches no accepted form or is not {@link #plausible}. */
    public static TimePoint parse(String value) {
        return plausibleOrNull(match(value, -1));
    }

    /**
     * Parses the dates of one file. A file's dates share a form, so the form that matched the previous date is
     * tried first, and directly (without the mismatch check that spares the other forms an exception): the same
     * results as {@link Dates#parse}, since no text matches two accepted forms. Not thread-safe: one per file.
     */
    public static final class InFile {
        private int last = -1;

        /** As {@link Dates#parse}. */
        public TimePoint parse(String value) {
            Match m = match(value, last);
            if (m != null) {
                last = m.form();
            }
            return plausibleOrNull(m);
        }
    }

    /** The form that matched (its index in the list of forms) and what it gave. */
    record Match(int form, TimePoint at) {
    }

    private static TimePoint plausibleOrNull(Match m) {
        return m != null && plausible(m.at().at()) ? m.at() : null;
    }

    private static TimePoint parseAny(String value) {
        Match m = match(value, -1);
        return m == null ? null : m.at();
    }

    /** The first form {@code value} matches, trying form {@code first} (when not -1) before the others, in order. */
    static Match match(String value, int first) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        TimePoint t;
        if (first >= 0 && (t = resolve(FORMS.get(first), v)) != null) {
            return new Match(first, t);
        }
        for (int i = 0; i < FORMS.size(); i++) {
            if (i != first && (t = tryForm(FORMS.get(i), v)) != null) {
                return new Match(i, t);
            }
        }
        return null;
    }

    /** How many forms are accepted. */
    static int forms() {
        return FORMS.size();
    }

    /**
     * One form, without exceptions for a mismatch (they cost a stack trace each, and most forms mismatch): the
     * text is first matched with {@code parseUnresolved}, and only a full match is resolved.
     */
    private static TimePoint tryForm(Form f, String v) {
        ParsePosition pos = new ParsePosition(0);
        if (f.format().parseUnresolved(v, pos) == null || pos.getErrorIndex() >= 0 || pos.getIndex() != v.length()) {
            return null;
        }
        return resolve(f, v);
    }

    /** One form, parsed and resolved; a mismatch costs an exception. */
    private static TimePoint resolve(Form f, String v) {
        try {
            if (f.dateOnly()) {
                return new TimePoint(LocalDate.parse(v, f.format()).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        Precision.day);
            }
            Instant at = f.zoned()
                    ? OffsetDateTime.parse(v, f.format()).toInstant()
                    : LocalDateTime.parse(v, f.format()).toInstant(ZoneOffset.UTC);
            return new TimePoint(at, Precision.second);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The shape of a value for an error message: letters (and the combining marks that belong to them) become
     * {@code a}, digits {@code 9}, other ASCII characters are kept, any other character becomes {@code ?}; cut at
     * 40 characters (code points). Says what the format was without quoting content (which may be a shifted name
     * column).
     */
    public static String shape(String value) {
        StringBuilder sb = new StringBuilder();
        int[] cps = value.codePoints().limit(40).toArray();
        for (int c : cps) {
            sb.append(Character.isLetter(c) || isMark(c) ? 'a' : Character.isDigit(c) ? '9' : c < 0x80 ? (char) c : '?');
        }
        return sb.toString();
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    private static Form date(String pattern) {
        return new Form(builder(pattern), true, false);
    }

    private static Form local(String pattern) {
        return new Form(builder(pattern), false, false);
    }

    private static Form zoned(String pattern) {
        return new Form(builder(pattern), false, true);
    }

    private static DateTimeFormatter builder(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }
}
