package io.tiedepth.features;

import io.tiedepth.model.Canonical;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tie_features} rows of one export (README "Tie features"): one per tie, and one per contact the owner
 * interacted with but has no tie to. Every value depends on this export's rows only.
 *
 * <p>Ties are expected once per contact, as every reader writes them (a contact repeated in the tie files is merged
 * into one tie); were a contact repeated, each of its tie rows would get a row, with the interactions walked
 * against the first one's connection date.
 */
public final class TieFeatures {
    /** Minimum observed days of a tie: a younger tie's frequency is taken over 30 days. */
    public static final double MIN_OBSERVED_DAYS = 30.0;
    /** Days per year in {@code contact_frequency}. */
    public static final double DAYS_PER_YEAR = 365.25;

    private TieFeatures() {
    }

    /**
     * @param sorted the export's interactions in {@link Interaction#ORDER}
     */
    static List<TieFeature> of(Canonical.ExportRow export, List<Canonical.TieRow> ties, List<Interaction> sorted,
                               FeatureParams p) {
        Map<String, Canonical.TieRow> tieOf = new HashMap<>();
        for (Canonical.TieRow t : ties) {
            tieOf.putIfAbsent(t.contactId(), t);
        }
        Map<String, ContactActivity> activities = activities(sorted, tieOf, p);
        Map<Long, Integer> tiesPerDay = tiesPerDay(ties);
        List<TieFeature> out = new ArrayList<>(ties.size() + activities.size());
        for (Canonical.TieRow t : ties) {
            Boolean burst = t.connectedAt() == null ? null
                    : tiesPerDay.get(EpochMicros.day(EpochMicros.of(t.connectedAt()))) >= p.burstK();
            out.add(feature(export, t.ownerId(), t.platform(), t.contactId(), t, burst,
                    activities.getOrDefault(t.contactId(), ContactActivity.NONE), p));
        }
        activities.forEach((contact, activity) -> {
            if (!tieOf.containsKey(contact)) {
                out.add(feature(export, export.ownerId(), export.platform(), contact, null, null, activity, p));
            }
        });
        return out;
    }

    /** Each contact's activity, from its run of the sorted interactions, in contact order. */
    private static Map<String, ContactActivity> activities(List<Interaction> sorted,
                                                           Map<String, Canonical.TieRow> tieOf, FeatureParams p) {
        Map<String, ContactActivity> out = new LinkedHashMap<>();
        int from = 0;
        while (from < sorted.size()) {
            String contact = sorted.get(from).contactId();
            int to = from + 1;
            while (to < sorted.size() && sorted.get(to).contactId().equals(contact)) {
                to++;
            }
            Canonical.TieRow tie = tieOf.get(contact);
            Long connectedAt = tie == null ? null : EpochMicros.of(tie.connectedAt());
            out.put(contact, ContactActivity.walk(sorted, from, to, connectedAt, p));
            from = to;
        }
        return out;
    }

    /** Ties gained per UTC calendar day (ties without a date are not counted). */
    private static Map<Long, Integer> tiesPerDay(List<Canonical.TieRow> ties) {
        Map<Long, Integer> perDay = new HashMap<>();
        for (Canonical.TieRow t : ties) {
            if (t.connectedAt() != null) {
                perDay.merge(EpochMicros.day(EpochMicros.of(t.connectedAt())), 1, Integer::sum);
            }
        }
        return perDay;
    }

    private static TieFeature feature(Canonical.ExportRow export, String ownerId, String platform, String contact,
                                      Canonical.TieRow tie, Boolean burst, ContactActivity a, FeatureParams p) {
        Long connectedAt = tie == null ? null : EpochMicros.of(tie.connectedAt());
        Long windowEnd = EpochMicros.of(export.windowEnd());
        double observed = observedDays(connectedAt, EpochMicros.of(a.firstAt()), EpochMicros.of(export.windowStart()),
                windowEnd);
        double frequency = a.interactions() / (observed / DAYS_PER_YEAR);
        Double toFirst = a.firstAt() == null || connectedAt == null ? null
                : EpochMicros.daysBetween(connectedAt, EpochMicros.of(a.firstAt()));
        return new TieFeature(export.exportId(), platform, ownerId, contact, tie, burst, a, observed, frequency,
                toFirst, interactedWithin(connectedAt, windowEnd, a, p), null);
    }

    /**
     * Days from max(connected_at, window start), or the first interaction (else the window start) when the tie
     * has no date, to the window end; at least {@value #MIN_OBSERVED_DAYS}, and that when a time is unknown.
     */
    static double observedDays(Long connectedAt, Long firstAt, Long windowStart, Long windowEnd) {
        Long start;
        if (connectedAt != null) {
            start = windowStart == null ? connectedAt : Long.valueOf(Math.max(connectedAt, windowStart));
        } else {
            start = firstAt != null ? firstAt : windowStart;
        }
        if (start == null || windowEnd == null) {
            return MIN_OBSERVED_DAYS;
        }
        return Math.max(MIN_OBSERVED_DAYS, EpochMicros.daysBetween(start, windowEnd));
    }

    /** Whether an interaction came within response days of connecting; null when that cannot be observed. */
    private static Boolean interactedWithin(Long connectedAt, Long windowEnd, ContactActivity a, FeatureParams p) {
        if (connectedAt == null || windowEnd == null) {
            return null;
        }
        boolean observable = EpochMicros.seconds(connectedAt) + p.responseDays() * EpochMicros.SECONDS_PER_DAY
                <= EpochMicros.seconds(windowEnd);
        return observable ? a.withinResponse() : null;
    }
}
