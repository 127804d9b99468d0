package io.tiedepth.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.Disclosure.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DisclosureTest {
    private static final Range ALL = Range.atLeast(0);
    private static final Range SMALL = new Range(0, 50);
    private static final Range MID = new Range(50, 1000);
    private static final Range LARGE = new Range(1000, 5000);
    private static final Range HUGE = Range.atLeast(5000);

    private static final int K_MIN = 3;

    @Test
    void aLoneSmallClassTakesAnotherWithItBecauseTheTotalWouldGiveItAway() {
        long[] ties = owners(8, 10, 6, 100, 5, 2000, 1, 7000);
        Map<Range, Long> published = published(ties, ALL, SMALL, MID, LARGE, HUGE);
        assertThat(attack(published, Set.of(HUGE), ties)).contains(HUGE);
        Set<Range> hidden = Disclosure.hidden(published, Set.of(), ties, K_MIN);
        assertThat(hidden).contains(HUGE).hasSize(2);
        assertThat(attack(published, hidden, ties)).isEmpty();
    }

    @Test
    void aClaimsMegaCountForcesTheComplementInsideTheMegaRange() {
        // C6 publishes the owners with >= 1000 ties: hiding the 5000+ class with a class below 1000 would leave it
        // as mega minus the 1000-4999 class (the attack of the issue: 37 - 35 = 2)
        long[] ties = owners(8, 10, 4, 100, 5, 2000, 1, 7000);
        Map<Range, Long> published = published(ties, ALL, SMALL, MID, LARGE, HUGE, Range.atLeast(1000));
        assertThat(attack(published, Set.of(HUGE, MID), ties)).contains(HUGE);
        Set<Range> hidden = Disclosure.hidden(published, Set.of(Range.atLeast(1000)), ties, K_MIN);
        assertThat(hidden).contains(HUGE, LARGE).doesNotContain(Range.atLeast(1000));
        assertThat(attack(published, hidden, ties)).isEmpty();
    }

    @Test
    void overlappingPartitionsAreAuditedTogether() {
        // size classes and log2 bins cut n_ties at different points: their differences isolate 500-511 ties
        // (1 owner) and 4096-4999 (2 owners), which no table publishes
        long[] ties = owners(8, 20, 1, 505, 5, 1000, 2, 4500, 1, 6000);
        Map<Range, Long> published = published(ties, ALL, new Range(0, 500), new Range(500, 5000), HUGE,
                new Range(0, 512), new Range(512, 4096), new Range(4096, 8192));
        assertThat(attack(published, Set.of(HUGE, new Range(4096, 8192)), ties)).isNotEmpty();
        Set<Range> hidden = Disclosure.hidden(published, Set.of(), ties, K_MIN);
        assertThat(hidden).contains(HUGE);
        assertThat(attack(published, hidden, ties)).isEmpty();
    }

    @Test
    void nothingIsHiddenWhenEveryRangeReachesKMin() {
        long[] ties = owners(6, 10, 4, 100);
        assertThat(Disclosure.hidden(published(ties, ALL, SMALL, MID), Set.of(), ties, K_MIN)).isEmpty();
    }

    @Test
    void emptyRangesAreShownAndNeverTakenAsComplement() {
        long[] ties = owners(10, 10, 2, 2000);
        Map<Range, Long> published = published(ties, ALL, SMALL, MID, LARGE);
        Set<Range> hidden = Disclosure.hidden(published, Set.of(), ties, K_MIN);
        assertThat(hidden).containsExactlyInAnyOrder(LARGE, SMALL);
        assertThat(attack(published, hidden, ties)).isEmpty();
    }

    /**
     * A table of parts with its total (the platform table): two small parts hidden together describe 5 owners, which
     * the total minus the parts shown gives away; the rule that only completes a lone hidden part (the report's
     * first platform rule) left it so.
     */
    @Test
    void smallPartsHiddenTogetherTakeAComplementWhenTheirSumIsSmall() {
        long[] owners = {2, 3, 50, 60};
        assertThat(attackParts(owners, Set.of(0, 1), 10)).containsExactly(Set.of(0, 1));
        Set<Integer> hidden = Disclosure.hiddenParts(parts(owners), 10);
        assertThat(hidden).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(attackParts(owners, hidden, 10)).isEmpty();
    }

    /**
     * Random tables of parts: whatever the counts, no set of parts of 1 to k_min − 1 owners follows (tables whose
     * total is itself 1 to k_min − 1 owners are left out: that total is suppressed where it is published).
     */
    @Test
    void noSmallSetOfPartsFollowsFromTheShownPartsAndTheTotal() {
        java.util.Random rng = new java.util.Random(16);
        for (int table = 0; table < 200; table++) {
            long[] owners = new long[2 + rng.nextInt(3)];
            for (int i = 0; i < owners.length; i++) {
                owners[i] = rng.nextInt(3) == 0 ? rng.nextInt(6) : rng.nextInt(20);
            }
            if (ReportCsv.suppressed(java.util.Arrays.stream(owners).sum(), 6)) {
                continue;
            }
            Set<Integer> hidden = Disclosure.hiddenParts(parts(owners), 6);
            assertThat(attackParts(owners, hidden, 6)).as(java.util.Arrays.toString(owners)).isEmpty();
        }
    }

    /**
     * Datasets of one platform (network eras) add up to the platform table's row as well as to the total: the
     * datasets left out come to 13 owners, but the network's 5 are its row minus its other dataset, and Facebook's 8
     * the total minus the network's row minus LinkedIn.
     */
    @Test
    void partsOfAPublishedSubtotalTakeAComplementWithinIt() {
        long[] owners = {5, 50, 8, 400};
        List<String> subtotals = java.util.Arrays.asList("network", "network", null, null);
        List<Disclosure.Part> parts = List.of(new Disclosure.Part(5, Disclosure.Role.UNPUBLISHED),
                Disclosure.Part.shown(50), new Disclosure.Part(8, Disclosure.Role.UNPUBLISHED),
                Disclosure.Part.shown(400));
        assertThat(Disclosure.hiddenParts(parts, 10)).containsExactlyInAnyOrder(0, 2);
        assertThat(attackParts(owners, Set.of(0, 2), subtotals, 10)).contains(Set.of(0), Set.of(2));
        Set<Integer> hidden = Disclosure.hiddenParts(parts, subtotals, 10);
        assertThat(hidden).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(attackParts(owners, hidden, subtotals, 10)).isEmpty();
    }

    /**
     * Random tables of parts in random subtotals: no set of 1 to k_min − 1 owners follows (tables with a subtotal,
     * or a rest outside the subtotals, of 1 to k_min − 1 owners are left out: that count is published).
     */
    @Test
    void noSmallSetOfPartsFollowsFromTheSubtotalsEither() {
        java.util.Random rng = new java.util.Random(17);
        for (int table = 0; table < 200; table++) {
            long[] owners = new long[2 + rng.nextInt(3)];
            List<String> subtotals = new ArrayList<>();
            for (int i = 0; i < owners.length; i++) {
                owners[i] = rng.nextInt(3) == 0 ? rng.nextInt(6) : rng.nextInt(20);
                int subtotal = rng.nextInt(3);
                subtotals.add(subtotal == 0 ? null : "p" + subtotal);
            }
            Map<String, Long> sums = new LinkedHashMap<>();
            for (int i = 0; i < owners.length; i++) {
                sums.merge(String.valueOf(subtotals.get(i)), owners[i], Long::sum);
            }
            if (sums.values().stream().anyMatch(n -> ReportCsv.suppressed(n, 6))) {
                continue;
            }
            Set<Integer> hidden = Disclosure.hiddenParts(parts(owners), subtotals, 6);
            assertThat(attackParts(owners, hidden, subtotals, 6)).as(java.util.Arrays.toString(owners) + subtotals)
                    .isEmpty();
        }
    }

    @Test
    void aPartPublishedElsewhereIsTakenLastAndAFixedOneNever() {
        List<Disclosure.Part> parts = List.of(new Disclosure.Part(3, Disclosure.Role.UNPUBLISHED),
                new Disclosure.Part(40, Disclosure.Role.LAST_RESORT), Disclosure.Part.shown(45),
                new Disclosure.Part(30, Disclosure.Role.FIXED));
        assertThat(Disclosure.hiddenParts(parts, 10)).containsExactlyInAnyOrder(0, 2);
        assertThat(Disclosure.hiddenParts(parts.subList(0, 2), 10)).containsExactlyInAnyOrder(0, 1);
        assertThat(Disclosure.hiddenParts(List.of(parts.get(0), parts.get(3)), 10)).containsExactly(0);
    }

    private static List<Disclosure.Part> parts(long[] owners) {
        return java.util.Arrays.stream(owners).mapToObj(Disclosure.Part::shown).toList();
    }

    /**
     * The attacker of a table of parts with its total shown: tries every split of the total minus the shown parts
     * over the hidden ones and returns the sets of parts of 1 to k_min − 1 owners whose sum is the same in all.
     */
    private static List<Set<Integer>> attackParts(long[] owners, Set<Integer> hidden, int kMin) {
        return attackParts(owners, hidden, java.util.Collections.nCopies(owners.length, null), kMin);
    }

    /** {@link #attackParts(long[], Set, int)} when the parts of each named subtotal add up to a shown count. */
    private static List<Set<Integer>> attackParts(long[] owners, Set<Integer> hidden, List<String> subtotals,
                                                  int kMin) {
        List<Integer> unknown = new ArrayList<>(new TreeSet<>(hidden));
        long rest = 0;
        for (int i : unknown) {
            rest += owners[i];
        }
        List<long[]> worlds = new ArrayList<>();
        splits(new long[unknown.size()], 0, rest, worlds);
        worlds.removeIf(w -> !sameSubtotals(owners, unknown, w, subtotals));
        List<Set<Integer>> out = new ArrayList<>();
        for (int mask = 1; mask < 1 << owners.length; mask++) {
            Set<Integer> set = new TreeSet<>();
            long n = 0;
            for (int i = 0; i < owners.length; i++) {
                if ((mask >> i & 1) == 1) {
                    set.add(i);
                    n += owners[i];
                }
            }
            if (n < 1 || n >= kMin || set.stream().noneMatch(hidden::contains)) {
                continue;
            }
            Set<Long> sums = new HashSet<>();
            for (long[] w : worlds) {
                long sum = 0;
                for (int i : set) {
                    sum += hidden.contains(i) ? w[unknown.indexOf(i)] : owners[i];
                }
                sums.add(sum);
            }
            if (sums.size() == 1) {
                out.add(set);
            }
        }
        return out;
    }

    /** Whether a split of the hidden parts keeps every named subtotal as it is. */
    private static boolean sameSubtotals(long[] owners, List<Integer> unknown, long[] w, List<String> subtotals) {
        Map<String, Long> truth = new LinkedHashMap<>();
        Map<String, Long> world = new LinkedHashMap<>();
        for (int i = 0; i < owners.length; i++) {
            String g = subtotals.get(i);
            if (g != null) {
                truth.merge(g, owners[i], Long::sum);
                world.merge(g, unknown.contains(i) ? w[unknown.indexOf(i)] : owners[i], Long::sum);
            }
        }
        return truth.equals(world);
    }

    private static void splits(long[] w, int i, long left, List<long[]> out) {
        if (i == w.length) {
            if (left == 0) {
                out.add(w.clone());
            }
            return;
        }
        for (long c = 0; c <= left; c++) {
            w[i] = c;
            splits(w, i + 1, left - c, out);
        }
    }

    /** n owners with each value: owners(300, 10, 2, 7000) is 300 owners with 10 ties and 2 with 7,000. */
    private static long[] owners(long... countThenValue) {
        java.util.stream.LongStream.Builder b = java.util.stream.LongStream.builder();
        for (int i = 0; i < countThenValue.length; i += 2) {
            for (long k = 0; k < countThenValue[i]; k++) {
                b.add(countThenValue[i + 1]);
            }
        }
        return b.build().toArray();
    }

    private static Map<Range, Long> published(long[] values, Range... ranges) {
        Map<Range, Long> m = new LinkedHashMap<>();
        for (Range r : ranges) {
            m.put(r, java.util.Arrays.stream(values).filter(v -> r.lo() <= v && v < r.hi()).count());
        }
        return m;
    }

    /**
     * The attacker's side, independent of the audit's rank test: tries every population (owners per elementary
     * interval between published bounds, as many owners in all as the true one at most) that agrees with every shown
     * count, and returns the ranges between published bounds holding fewer than k_min owners (but at least one) whose
     * count is the same in all of them.
     */
    private static List<Range> attack(Map<Range, Long> owners, Set<Range> hidden, long[] values) {
        TreeSet<Long> cutSet = new TreeSet<>();
        owners.keySet().forEach(r -> {
            cutSet.add(r.lo());
            cutSet.add(r.hi());
        });
        long[] cuts = cutSet.stream().mapToLong(Long::longValue).toArray();
        List<Range> targets = new ArrayList<>();
        for (int i = 0; i < cuts.length - 1; i++) {
            for (int j = i + 1; j < cuts.length; j++) {
                Range t = new Range(cuts[i], cuts[j]);
                long n = published(values, t).get(t);
                if (n > 0 && n < K_MIN) {
                    targets.add(t);
                }
            }
        }
        Map<Range, Set<Long>> seen = new LinkedHashMap<>();
        targets.forEach(t -> seen.put(t, new HashSet<>()));
        worlds(new long[cuts.length - 1], 0, values.length, cuts, owners, hidden, seen);
        return targets.stream().filter(t -> seen.get(t).size() == 1).toList();
    }

    private static void worlds(long[] atoms, int i, long left, long[] cuts, Map<Range, Long> owners,
                               Set<Range> hidden, Map<Range, Set<Long>> seen) {
        if (i == atoms.length) {
            for (Map.Entry<Range, Long> e : owners.entrySet()) {
                if (!hidden.contains(e.getKey()) && count(e.getKey(), atoms, cuts) != e.getValue()) {
                    return;
                }
            }
            seen.forEach((t, counts) -> counts.add(count(t, atoms, cuts)));
            return;
        }
        for (long c = 0; c <= left; c++) {
            atoms[i] = c;
            worlds(atoms, i + 1, left - c, cuts, owners, hidden, seen);
        }
        atoms[i] = 0;
    }

    private static long count(Range r, long[] atoms, long[] cuts) {
        long n = 0;
        for (int j = 0; j < atoms.length; j++) {
            n += r.lo() <= cuts[j] && cuts[j + 1] <= r.hi() ? atoms[j] : 0;
        }
        return n;
    }
}
