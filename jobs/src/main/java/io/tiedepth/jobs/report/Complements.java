package io.tiedepth.jobs.report;

import io.tiedepth.claims.Disclosure;
import io.tiedepth.claims.Disclosure.Part;
import io.tiedepth.claims.Disclosure.Role;
import io.tiedepth.jobs.report.ReportModel.MonthCount;
import io.tiedepth.jobs.report.ReportModel.ResponseRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Complementary suppression of the tables only the report publishes ({@link Disclosure#hiddenParts}): each is a
 * table of parts whose figures add up to a total an attacker has, so the hidden parts together must describe none
 * or at least k_min owners.
 */
final class Complements {
    private Complements() {
    }

    /**
     * The months of reactivations: their counts add up to all reactivations, which C8's {@code extra} gives
     * (in eligible months plus outside) and the reactivations cohort's mean times its owners too. A month's owners
     * are the exports with a reactivation in it; one export can be in several months, so the hidden months describe
     * the distinct exports of all of them.
     *
     * @param exportsByMonth the exports behind each month's reactivations
     * @param published months whose count is published elsewhere (C8's peak month): they stay shown
     */
    static List<MonthCount> months(List<MonthCount> months, Map<String, Set<String>> exportsByMonth,
                                   Set<String> published, int kMin) {
        List<Part> parts = new ArrayList<>();
        months.forEach(m -> parts.add(new Part(m.owners(), published.contains(m.month()) ? Role.FIXED : Role.SHOWN)));
        Set<Integer> hide = Disclosure.hiddenParts(parts, set -> distinct(set, months, exportsByMonth), kMin);
        List<MonthCount> out = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            MonthCount m = months.get(i);
            out.add(new MonthCount(m.month(), m.owners(), m.ties(), hide.contains(i)));
        }
        return out;
    }

    /**
     * The response table: within each grouping, the "yes" and "no" rows add up to the grouping's ties with a known
     * outcome, which the other grouping's rows can give when both cover the same ties. An owner can have ties in
     * both rows: both together describe {@code ownersByGrouping}, the owners with a tie in either.
     */
    static List<ResponseRow> response(List<ResponseRow> rows, Map<String, Long> ownersByGrouping, int kMin) {
        Map<String, List<Integer>> groupings = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groupings.computeIfAbsent(rows.get(i).grouping(), g -> new ArrayList<>()).add(i);
        }
        Set<Integer> hide = new HashSet<>();
        groupings.forEach((grouping, members) -> {
            List<Part> parts = members.stream().map(i -> Part.shown(rows.get(i).owners())).toList();
            long all = ownersByGrouping.getOrDefault(grouping, 0L);
            Disclosure.hiddenParts(parts, set -> set.size() == parts.size() ? all
                    : set.stream().mapToLong(i -> parts.get(i).owners()).max().orElse(0), kMin)
                    .forEach(j -> hide.add(members.get(j)));
        });
        List<ResponseRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ResponseRow r = rows.get(i);
            out.add(new ResponseRow(r.grouping(), r.group(), r.owners(), r.ties(), r.interacted(), hide.contains(i)));
        }
        return out;
    }

    private static long distinct(Set<Integer> parts, List<MonthCount> months, Map<String, Set<String>> exports) {
        Set<String> union = new HashSet<>();
        parts.forEach(i -> union.addAll(exports.getOrDefault(months.get(i).month(), Set.of())));
        return union.size();
    }
}
