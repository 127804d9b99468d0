package io.tiedepth.panels;

import io.tiedepth.model.Canonical.ExportRow;
import io.tiedepth.model.Canonical.InteractionRow;
import io.tiedepth.model.Canonical.InvitationRow;
import io.tiedepth.model.Canonical.TieRow;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds one export's <b>within-owner panel</b> ({@link PanelRow}, one row per UTC calendar month) from its canonical
 * rows. Pure: no Spark, no I/O; the features stage calls it once per analysed export.
 *
 * <p>The panel runs from the month of the export's first dated tie to the month of its window end (or of its last
 * dated tie, should a table from another tool date a tie after its window). Ties without a connection date (X
 * archives, some network datasets) are not placed in any month, so an export without dated ties, or whose times are
 * relative offsets ({@code time_origin: relative}, whose calendar months mean nothing), has an empty panel.
 * Interactions with contacts who are not ties are ignored; interactions before the first month still count in the
 * 12-month windows of the months they fall in.
 */
public final class OwnerPanels {
    /** Months in the trailing window of {@link PanelRow#active12m()}, the month itself included. */
    public static final int ACTIVE_WINDOW_MONTHS = 12;
    static final String INVITED_BY_OWNER = "owner";
    static final String INVITED_BY_CONTACT = "contact";
    static final String DIRECTION_IN = "in";
    static final String DIRECTION_OUT = "out";

    private OwnerPanels() {
    }

    /** The period of a panel row. */
    public enum Period {
        /** One row per UTC calendar month ({@link #build}). */
        MONTH,
        /** One row per UTC calendar quarter ({@link #quarters}). */
        QUARTER
    }

    /** The export's panel rows in order of {@code period} (empty when the panel is undefined, see the class javadoc). */
    public static List<PanelRow> build(ExportRow export, List<TieRow> ties, List<InteractionRow> interactions,
                                       List<InvitationRow> invitations, Period period) {
        List<PanelRow> months = build(export, ties, interactions, invitations);
        return period == Period.QUARTER ? quarters(months) : months;
    }

    /**
     * A monthly panel ({@link #build}) by UTC calendar quarter: one row per quarter holding a panel month, its
     * {@code month} the quarter's first month (January, April, July, October). The first and last quarters hold only
     * the panel's months in them (the panel starts with the first dated tie's month and ends with the window end's).
     * <ul>
     *   <li>{@code ties_held}, {@code active_12m}, {@code reciprocal_12m}: those of the quarter's last panel month, so
     *       held at the quarter's end and active in the 12 months ending with it (at the window end for the last,
     *       partial quarter);</li>
     *   <li>{@code ties_gained}, {@code gained_direction_known}, {@code gained_inbound}: sums over its months (so
     *       {@code ties_held − ties_gained} is held when the quarter began); null when the months' are;</li>
     *   <li>{@code inbound_requests}: the sum over its months when every one records them, else null (a quarter
     *       partly before the earliest listed invitation would be undercounted).</li>
     * </ul>
     */
    public static List<PanelRow> quarters(List<PanelRow> months) {
        List<PanelRow> out = new ArrayList<>();
        int from = 0;
        while (from < months.size()) {
            YearMonth q = quarterStart(months.get(from).month());
            int to = from;
            while (to + 1 < months.size() && quarterStart(months.get(to + 1).month()).equals(q)) {
                to++;
            }
            out.add(quarter(q, months.subList(from, to + 1)));
            from = to + 1;
        }
        return out;
    }

    private static PanelRow quarter(YearMonth start, List<PanelRow> months) {
        PanelRow last = months.get(months.size() - 1);
        long gained = 0;
        Long inbound = 0L;
        Long known = last.gainedDirectionKnown() == null ? null : 0L;
        Long inboundGained = last.gainedInbound() == null ? null : 0L;
        for (PanelRow m : months) {
            gained += m.tiesGained();
            inbound = inbound == null || m.inboundRequests() == null ? null : inbound + m.inboundRequests();
            known = known == null || m.gainedDirectionKnown() == null ? null : known + m.gainedDirectionKnown();
            inboundGained = inboundGained == null || m.gainedInbound() == null ? null
                    : inboundGained + m.gainedInbound();
        }
        return new PanelRow(last.exportId(), last.ownerId(), last.platform(), start, last.tiesHeld(), gained,
                last.active12m(), last.reciprocal12m(), inbound, known, inboundGained);
    }

    /** The first month of the calendar quarter holding {@code m}. */
    public static YearMonth quarterStart(YearMonth m) {
        return YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / 3 * 3 + 1);
    }

    /** The export's panel rows in month order (empty when the panel is undefined, see the class javadoc). */
    public static List<PanelRow> build(ExportRow export, List<TieRow> ties, List<InteractionRow> interactions,
                                       List<InvitationRow> invitations) {
        DatedTies d = datedTies(ties);
        if (d.ties().isEmpty() || export.windowEnd() == null || ExportRow.RELATIVE.equals(export.timeOrigin())) {
            return List.of();
        }
        List<TieRow> dated = d.ties();
        int first = dated.stream().mapToInt(t -> monthIndex(t.connectedAt())).min().orElseThrow();
        int lastTie = dated.stream().mapToInt(t -> monthIndex(t.connectedAt())).max().orElseThrow();
        int months = Math.max(monthIndex(export.windowEnd()), lastTie) - first + 1;
        Counts c = new Counts(months);
        countTies(c, dated, first);
        countActivity(c, d, interactions, first);
        Long[] inbound = inboundRequests(invitations, first, months);
        boolean directionRecorded = !invitations.isEmpty() || ties.stream().anyMatch(OwnerPanels::directionKnown);
        return rows(export, c, inbound, directionRecorded, first);
    }

    /** Month counters of one export, index 0 = the panel's first month. */
    private static final class Counts {
        final long[] gained;
        final long[] known;
        final long[] inbound;
        final long[] active;
        final long[] reciprocal;

        Counts(int months) {
            gained = new long[months];
            known = new long[months];
            inbound = new long[months];
            active = new long[months];
            reciprocal = new long[months];
        }
    }

    /** The dated ties in input order and each one's position by contact_id (a repeated contact: its first row). */
    private record DatedTies(List<TieRow> ties, Map<String, Integer> index) {
    }

    private static DatedTies datedTies(List<TieRow> ties) {
        List<TieRow> dated = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (TieRow t : ties) {
            if (t.connectedAt() != null && index.putIfAbsent(t.contactId(), dated.size()) == null) {
                dated.add(t);
            }
        }
        return new DatedTies(dated, index);
    }

    private static void countTies(Counts c, List<TieRow> dated, int first) {
        for (TieRow t : dated) {
            int m = monthIndex(t.connectedAt()) - first;
            c.gained[m]++;
            if (directionKnown(t)) {
                c.known[m]++;
                if (INVITED_BY_CONTACT.equals(t.invitedBy())) {
                    c.inbound[m]++;
                }
            }
        }
    }

    /**
     * Active and reciprocal ties per month: a tie held at the month's end counts as active when some interaction of
     * its falls in the 12 months ending with the month, and as reciprocal when interactions of both directions do.
     */
    private static void countActivity(Counts c, DatedTies d, List<InteractionRow> interactions, int first) {
        List<TieRow> dated = d.ties();
        List<TreeSet<Integer>> outMonths = new ArrayList<>();
        List<TreeSet<Integer>> inMonths = new ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            outMonths.add(new TreeSet<>());
            inMonths.add(new TreeSet<>());
        }
        for (InteractionRow r : interactions) {
            Integer tie = d.index().get(r.contactId());
            if (tie != null && r.at() != null) {
                (DIRECTION_OUT.equals(r.direction()) ? outMonths : inMonths).get(tie).add(monthIndex(r.at()) - first);
            }
        }
        int months = c.active.length;
        for (int i = 0; i < dated.size(); i++) {
            int held = monthIndex(dated.get(i).connectedAt()) - first;
            boolean[] out = covered(outMonths.get(i), months);
            boolean[] in = covered(inMonths.get(i), months);
            for (int m = held; m < months; m++) {
                c.active[m] += out[m] || in[m] ? 1 : 0;
                c.reciprocal[m] += out[m] && in[m] ? 1 : 0;
            }
        }
    }

    /** Months 0..months − 1 that lie within 0..11 months after one of {@code eventMonths}. */
    static boolean[] covered(TreeSet<Integer> eventMonths, int months) {
        boolean[] out = new boolean[months];
        for (int k : eventMonths) {
            for (int m = Math.max(0, k); m < Math.min(months, k + ACTIVE_WINDOW_MONTHS); m++) {
                out[m] = true;
            }
        }
        return out;
    }

    /** Incoming invitations per month; null before the month of the earliest listed invitation, or throughout. */
    private static Long[] inboundRequests(List<InvitationRow> invitations, int first, int months) {
        Long[] out = new Long[months];
        int earliest = invitations.stream().filter(v -> v.sentAt() != null).mapToInt(v -> monthIndex(v.sentAt()))
                .min().orElse(Integer.MAX_VALUE);
        for (int m = Math.max(0, earliest - first); m < months; m++) {
            out[m] = 0L;
        }
        for (InvitationRow v : invitations) {
            if (v.sentAt() != null && DIRECTION_IN.equals(v.direction())) {
                int m = monthIndex(v.sentAt()) - first;
                if (m >= 0 && m < months) {
                    out[m]++;
                }
            }
        }
        return out;
    }

    private static List<PanelRow> rows(ExportRow export, Counts c, Long[] inbound, boolean directionRecorded,
                                       int first) {
        List<PanelRow> out = new ArrayList<>(c.gained.length);
        long held = 0;
        for (int m = 0; m < c.gained.length; m++) {
            held += c.gained[m];
            out.add(new PanelRow(export.exportId(), export.ownerId(), export.platform(), month(first + m), held,
                    c.gained[m], c.active[m], c.reciprocal[m], inbound[m],
                    directionRecorded ? c.known[m] : null, directionRecorded ? c.inbound[m] : null));
        }
        return out;
    }

    private static boolean directionKnown(TieRow t) {
        return INVITED_BY_OWNER.equals(t.invitedBy()) || INVITED_BY_CONTACT.equals(t.invitedBy());
    }

    /** Months since January 1970 of an instant (UTC). */
    public static int monthIndex(Instant t) {
        YearMonth m = YearMonth.from(t.atZone(ZoneOffset.UTC));
        return (m.getYear() - 1970) * 12 + m.getMonthValue() - 1;
    }

    /** The calendar month of a {@link #monthIndex}. */
    public static YearMonth month(int index) {
        return YearMonth.of(1970 + Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }
}
