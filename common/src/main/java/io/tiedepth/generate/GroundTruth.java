package io.tiedepth.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiedepth.stats.MantelHaenszel;
import io.tiedepth.stats.PoissonRegression;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * {@code ground_truth.json}: the parameters used, and for each claim of DESIGN §7 the planted value next to the
 * value realised in the exports as written (computed with the feature definitions, see {@link OwnerTruth}), plus
 * totals (exports, bytes, rows, burst days...). {@code ground_truth_owners.csv} has one row per owner (its export's
 * path and export_id, its planted and realised values), so owner_metrics can be joined to it by export_id.
 *
 * <p>The realised statistics are simple, deterministic versions of the claims' statistics: OLS slopes for
 * elasticities (C1, C4), Spearman ρ with average ranks (C5, C7), pooled risk ratios over ties (C3, C9), the share of
 * mega owners above the other owners' median n_reciprocal (C6), and the peak-to-median ratio of reactivations per
 * calendar month (C8, months from the first to the last with a reactivation, empty months counted; and the largest
 * ratio of a month to the median of the 12 months around it, over months whose neighbours hold at least 10, which a
 * trend does not inflate). They tell a
 * test what a correct analysis should find, not the confidence intervals.
 */
public final class GroundTruth {
    public static final String FILE = "ground_truth.json";
    public static final String OWNERS_FILE = "ground_truth_owners.csv";
    public static final String INBOX = "inbox";
    public static final String VERSION = "1";
    /** Months whose neighbours hold fewer reactivations (median) are too sparse for a local peak ratio. */
    private static final double LOCAL_MIN = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GroundTruth() {
    }

    /**
     * Builds the ground truth of a run.
     *
     * @param owners the summaries of every owner (any order; sorted by index here)
     */
    public static ObjectNode build(Generator g, int nOwners, List<OwnerSummary> owners) {
        return build(g, nOwners, owners, Map.of(), 0);
    }

    /**
     * Builds the ground truth of a run with each claim's <b>estimand</b>: {@code claims.<id>.estimand}, the value
     * the {@code estimate} of {@code claims.csv} converges to under this run's population model, computed as that
     * estimate on {@code estimandOwners} further owners of the same model (io.tiedepth.claims.GeneratedOwners), with
     * {@code estimand_owners} beside it. Claims absent from {@code estimands}, or without an estimate (C10), get none.
     */
    public static ObjectNode build(Generator g, int nOwners, List<OwnerSummary> owners, Map<String, Double> estimands,
                                   int estimandOwners) {
        return build(g, nOwners, owners, estimands, estimandOwners, Map.of());
    }

    /**
     * As {@link #build(Generator, int, List, Map, int)}, with the within-owner claims' values realised on the written
     * owners ({@code withinRealised}, claim id → the claim's estimate on their panels; io.tiedepth.claims
     * .GeneratedOwners#withinOwnerEstimands), which a correct pipeline reproduces from the written files.
     */
    public static ObjectNode build(Generator g, int nOwners, List<OwnerSummary> owners, Map<String, Double> estimands,
                                   int estimandOwners, Map<String, Double> withinRealised) {
        List<OwnerSummary> s = new ArrayList<>(owners);
        s.sort(Comparator.comparingInt(OwnerSummary::index));
        GeneratorParams p = g.params();
        ObjectNode root = JSON.createObjectNode();
        root.put("generator_version", VERSION);
        root.put("seed", g.seed());
        root.put("owners", nOwners);
        ArrayNode platforms = root.putArray("platforms");
        g.platforms().forEach(platforms::add);
        root.put("inbox", INBOX);
        root.put("owners_file", OWNERS_FILE);
        root.set("params", p.toTree());

        ObjectNode totals = root.putObject("totals");
        totals.put("exports", s.size());
        totals.put("zipped", s.stream().filter(OwnerSummary::zipped).count());
        totals.put("bytes", s.stream().mapToLong(OwnerSummary::bytes).sum());
        ObjectNode eras = totals.putObject("eras");
        new TreeMap<>(count(s, o -> o.platform() + "-" + o.era())).forEach(eras::put);
        ObjectNode rows = totals.putObject("rows");
        TreeMap<String, Long> fileRows = new TreeMap<>();
        s.forEach(o -> o.rows().forEach((f, n) -> fileRows.merge(f, n, Long::sum)));
        fileRows.forEach(rows::put);
        totals.put("rows_total", fileRows.values().stream().mapToLong(Long::longValue).sum());
        totals.put("ties", sumInt(s, t -> t.nTies()));
        totals.put("interactions", s.stream().mapToLong(o -> o.truth().interactions()).sum());
        totals.put("invitations", s.stream().mapToLong(o -> o.truth().invitations()).sum());
        totals.put("burst_days", sumInt(s, OwnerTruth::burstDays));
        totals.put("burst_days_planted", sumInt(s, t -> t.plan().burstDays()));
        totals.put("burst_ties", sumInt(s, OwnerTruth::burstTies));
        totals.put("mega_owners", s.stream().filter(o -> o.truth().nTies() >= GeneratorParams.MEGA).count());
        totals.put("max_ties", s.stream().mapToInt(o -> o.truth().nTies()).max().orElse(0));
        totals.put("median_ties", median(s.stream().mapToDouble(o -> o.truth().nTies()).toArray()));

        ObjectNode claims = root.putObject("claims");
        c1(claims.putObject("C1"), p, s);
        c2(claims.putObject("C2"), p, s);
        c3(claims.putObject("C3"), p, s);
        c4(claims.putObject("C4"), p, s);
        c5(claims.putObject("C5"), p, s);
        c6(claims.putObject("C6"), p, s);
        c7(claims.putObject("C7"), p, s);
        c8(claims.putObject("C8"), p, g.model().waveDates(), s);
        c9(claims.putObject("C9"), p, s);
        withinOwner(claims, p, withinRealised);
        estimands.forEach((id, value) -> {
            if (Double.isNaN(value)) {
                return;
            }
            ObjectNode c = claims.has(id) ? (ObjectNode) claims.get(id) : claims.putObject(id);
            num(c, "estimand", value);
            c.put("estimand_owners", estimandOwners);
        });
        return root;
    }

    /**
     * C11 and C12, only when planted (switched on): their planted values, and the claims' estimates on the written
     * owners' panels when given. The effects are planted in the written files (C11 in the messages, C12 in
     * Invitations.csv, LinkedIn only); their estimands come with the others.
     */
    private static void withinOwner(ObjectNode claims, GeneratorParams p, Map<String, Double> realised) {
        String fit = "ties held, conditional Poisson with owner fixed effects over the panel months";
        if (p.plantsWithinOwnerReturns()) {
            ObjectNode c = claims.putObject("C11");
            planted(c, "within-owner elasticity of active ties (12 months) on " + fit, p.withinOwnerElasticity());
            realisedWithin(c, realised.get("C11"));
        }
        if (p.plantsAcceptingGrowth()) {
            ObjectNode c = claims.putObject("C12");
            planted(c, "within-owner elasticity of the inbound share of new ties on " + fit,
                    p.inboundShareElasticity());
            realisedWithin(c, realised.get("C12"));
        }
    }

    private static void realisedWithin(ObjectNode c, Double value) {
        if (value != null && !Double.isNaN(value)) {
            num(c, "realised", value);
        }
    }

    private static void planted(ObjectNode c, String statistic, double value) {
        c.put("statistic", statistic);
        c.put("enabled", true);
        c.put("planted", value);
    }

    private static void c1(ObjectNode c, GeneratorParams p, List<OwnerSummary> s) {
        c.put("statistic", "PPML elasticity of n_active on n_ties (owners with ties)");
        c.put("enabled", p.effects().c1DiminishingReturns().enabled());
        c.put("planted", p.activeElasticity());
        List<OwnerSummary> tied = s.stream().filter(o -> o.truth().nTies() > 0).toList();
        double[] x = tied.stream().mapToDouble(o -> Math.log(o.truth().nTies())).toArray();
        double[] y = tied.stream().mapToDouble(o -> o.truth().nActive()).toArray();
        num(c, "realised", PoissonRegression.fit(x, y).slope());
        c.put("n_owners", tied.size());
    }

    private static void c2(ObjectNode c, GeneratorParams p, List<OwnerSummary> s) {
        c.put("statistic", "median n_active of owners past the planted breakpoint");
        c.put("enabled", p.effects().c2Ceiling().enabled());
        double ceiling = p.ceiling();
        num(c, "planted", ceiling);
        double breakpoint = Double.isFinite(ceiling) ? p.sizes().refSize()
                * Math.pow(ceiling / p.activity().activeAtRef(), 1 / p.activeElasticity()) : Double.NaN;
        num(c, "planted_breakpoint_n_ties", breakpoint);
        double from = Double.isFinite(breakpoint) ? 1.5 * breakpoint : 1000;
        double[] beyond = s.stream().filter(o -> o.truth().nTies() >= from).mapToDouble(o -> o.truth().nActive())
                .toArray();
        c.put("beyond_n_ties", from);
        num(c, "realised", median(beyond));
        c.put("n_owners_beyond", beyond.length);
        double[] all = s.stream().mapToDouble(o -> o.truth().nActive()).toArray();
        num(c, "max_n_active", all.length == 0 ? Double.NaN : Arrays.stream(all).max().getAsDouble());
    }

    private static void c3(ObjectNode c, GeneratorParams p, List<OwnerSummary> s) {
        c.put("statistic", "Mantel-Haenszel risk ratio by owner of an interaction within response_days, burst vs "
                + "other ties the owner accepted");
        c.put("enabled", p.effects().c3BurstPenalty().enabled());
        c.put("planted", p.burstRiskRatio());
        num(c, "realised", mantelHaenszel(s, OwnerTruth::burstWithin, OwnerTruth::burstObservable,
                OwnerTruth::otherWithin, OwnerTruth::otherObservable));
        c.put("burst_ties_observable", sumInt(s, OwnerTruth::burstObservable));
        c.put("burst_ties_with_interaction", sumInt(s, OwnerTruth::burstWithin));
        c.put("other_ties_observable", sumInt(s, OwnerTruth::otherObservable));
        c.put("other_ties_with_interaction", sumInt(s, OwnerTruth::otherWithin));
    }

    private static double mantelHaenszel(List<OwnerSummary> s, ToIntFunction<OwnerTruth> a,
                                         ToIntFunction<OwnerTruth> n, ToIntFunction<OwnerTruth> b,
                                         ToIntFunction<OwnerTruth> m) {
        int k = s.size();
        long[][] v = new long[4][k];
        int[] all = new int[k];
        for (int i = 0; i < k; i++) {
            OwnerTruth t = s.get(i).truth();
            v[0][i] = a.applyAsInt(t);
            v[1][i] = n.applyAsInt(t);
            v[2][i] = b.applyAsInt(t);
            v[3][i] = m.applyAsInt(t);
            all[i] = i;
        }
        return MantelHaenszel.of(v[0], v[1], v[2], v[3], all).ratio();
    }

    private static void c4(ObjectNode c, GeneratorParams p, List<OwnerSummary> s) {
        c.put("statistic", "PPML elasticity of inbound_requests_per_month on n_ties, weighted by months observed, "
                + "owners without requests kept");
        c.put("enabled", p.effects().c4InboundGrowth().enabled());
        c.put("planted", p.inboundElasticity());
        List<OwnerTruth> used = s.stream().map(OwnerSummary::truth)
                .filter(t -> t.nTies() > 0 && Double.isFinite(t.inboundPerMonth())).toList();
        double[] x = used.stream().mapToDouble(t -> Math.log(t.nTies())).toArray();
        double[] y = used.stream().mapToDouble(OwnerTruth::inboundPerMonth).toArray();
        double[] w = used.stream().mapToDouble(t -> Math.min(t.observationDays(), OwnerTruth.RECENT_DAYS) / 30.4375)
                .toArray();
        num(c, "realised", PoissonRegression.fit(x, y, w).slope());
        c.put("n_owners", used.size());
    }

    private static void c5(ObjectNode c, GeneratorParams p, List<OwnerSummary> s) {
        c.put("statistic", "Spearman rho(outbound_initiation_share, reciprocal_share)");
        c.put("enabled", p.effects().c5EffortReciprocity().enabled());
        c.put("planted_strength", p.effortStrength());
        List<double[]> xy = new ArrayList<>();
        for (OwnerSummary o : s) {
            double x = o.truth().outboundInitiationShare();
            double y = o.truth().reciprocalShare();
            if (Double.isFinite(x) && Double.isFinite(y)) {
                xy.add(new double[] {x, y});
            }
        }
        num(c, "realised", spearman(xy));
        c.put("n_owners", xy.size());
    }

    private static void c6(ObjectNode c, GeneratorParams p, List<OwnerSummary> s) {
        c.put("statistic", "share of mega owners (>= 1000 ties) whose n_reciprocal exceeds the median of the others");
        c.put("enabled", p.effects().c6MegaHelpful().enabled());
        c.put("planted", 1.0 - p.megaSpamShare());
        c.put("base_spam_share", p.baseSpamShare());
        double[] others = s.stream().filter(o -> o.truth().nTies() < GeneratorParams.MEGA)
                .mapToDouble(o -> o.truth().nReciprocal()).toArray();
        double median = median(others);
        List<OwnerSummary> mega = s.stream().filter(o -> o.truth().nTies() >= GeneratorParams.MEGA).toList();
        long above = mega.stream().filter(o -> o.truth().nReciprocal() > median).count();
        num(c, "realised", mega.isEmpty() ? Double.NaN : (double) above / mega.size());
        c.put("n_mega_owners", mega.size());
        c.put("n_mega_helpful_planted", mega.stream().filter(o -> !o.truth().plan().spammer()).count());
        num(c, "others_median_n_reciprocal", median);
    }

    private static void c7(ObjectNode c, GeneratorParams p, List<OwnerSummary> s) {
        c.put("statistic", "Spearman rho(n_ties, reciprocal_share)");
        c.put("enabled", p.effects().c7ReciprocityDecline().enabled());
        c.put("planted_elasticity", -p.reciprocityDecline());
        List<double[]> xy = new ArrayList<>();
        for (OwnerSummary o : s) {
            if (o.truth().nTies() > 0) {
                xy.add(new double[] {o.truth().nTies(), o.truth().reciprocalShare()});
            }
        }
        num(c, "realised", spearman(xy));
        c.put("n_owners", xy.size());
    }

    private static void c8(ObjectNode c, GeneratorParams p, List<LocalDate> waves, List<OwnerSummary> s) {
        c.put("statistic", "peak-to-median ratio of reactivations per calendar month across owners");
        c.put("enabled", p.waves());
        ArrayNode dates = c.putArray("planted_wave_dates");
        waves.forEach(d -> dates.add(d.toString()));
        c.put("planted_wake_events", sumInt(s, t -> t.plan().wakeEvents()));
        TreeMap<String, Long> byMonth = new TreeMap<>();
        s.forEach(o -> o.truth().reactivationsByMonth().forEach((m, n) -> byMonth.merge(m, (long) n, Long::sum)));
        long total = byMonth.values().stream().mapToLong(Long::longValue).sum();
        c.put("reactivations", total);
        c.put("reactivations_near_waves", sumInt(s, OwnerTruth::reactivationsNearWaves));
        if (byMonth.isEmpty()) {
            c.putNull("realised");
            return;
        }
        List<Long> months = new ArrayList<>();
        String peak = byMonth.firstKey();
        for (String m = byMonth.firstKey(); m.compareTo(byMonth.lastKey()) <= 0; m = nextMonth(m)) {
            long n = byMonth.getOrDefault(m, 0L);
            months.add(n);
            peak = n > byMonth.getOrDefault(peak, 0L) ? m : peak;
        }
        double med = median(months.stream().mapToDouble(Long::doubleValue).toArray());
        num(c, "realised", med > 0 ? byMonth.get(peak) / med : Double.NaN);
        c.put("peak_month", peak);
        c.put("peak_reactivations", byMonth.get(peak));
        num(c, "median_reactivations_per_month", med);
        c.put("months", months.size());
        double bestLocal = Double.NaN;
        int bestAt = -1;
        for (int i = 0; i < months.size(); i++) {
            List<Double> around = new ArrayList<>();
            for (int j = Math.max(0, i - 6); j <= Math.min(months.size() - 1, i + 6); j++) {
                if (j != i) {
                    around.add(months.get(j).doubleValue());
                }
            }
            double m = median(around.stream().mapToDouble(Double::doubleValue).toArray());
            double local = m >= LOCAL_MIN ? months.get(i) / m : Double.NaN;
            if (Double.isFinite(local) && (bestAt < 0 || local > bestLocal)) {
                bestLocal = local;
                bestAt = i;
            }
        }
        num(c, "realised_local_peak_ratio", bestLocal);
        c.put("local_peak_month", bestAt < 0 ? null : plusMonths(byMonth.firstKey(), bestAt));
        ArrayNode top = c.putArray("top_months");
        byMonth.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).forEach(e -> top.addObject().put("month", e.getKey()).put("reactivations", e.getValue()));
    }

    private static void c9(ObjectNode c, GeneratorParams p, List<OwnerSummary> s) {
        c.put("statistic", "Mantel-Haenszel risk ratio by owner of a reciprocal tie, invitation with a note vs "
                + "without");
        c.put("enabled", p.effects().c9NoteEffect().enabled());
        c.put("planted", p.noteRiskRatio());
        long note = sumInt(s, OwnerTruth::noteTies);
        long noteRec = sumInt(s, OwnerTruth::noteReciprocal);
        long none = sumInt(s, OwnerTruth::noNoteTies);
        long noneRec = sumInt(s, OwnerTruth::noNoteReciprocal);
        num(c, "realised", mantelHaenszel(s, OwnerTruth::noteReciprocal, OwnerTruth::noteTies,
                OwnerTruth::noNoteReciprocal, OwnerTruth::noNoteTies));
        c.put("note_ties", note);
        c.put("note_ties_reciprocal", noteRec);
        c.put("no_note_ties", none);
        c.put("no_note_ties_reciprocal", noneRec);
    }

    /** Writes ground_truth.json and ground_truth_owners.csv into {@code dir} (each to a temporary name, then moved). */
    public static void write(Path dir, ObjectNode truth, List<OwnerSummary> owners) throws IOException {
        Files.createDirectories(dir);
        List<OwnerSummary> s = new ArrayList<>(owners);
        s.sort(Comparator.comparingInt(OwnerSummary::index));
        Path csvTmp = dir.resolve("." + OWNERS_FILE + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(csvTmp, StandardCharsets.UTF_8)) {
            w.write(String.join(",", OWNER_COLUMNS));
            w.write('\n');
            for (OwnerSummary o : s) {
                w.write(ownerRow(o));
                w.write('\n');
            }
        }
        Files.move(csvTmp, dir.resolve(OWNERS_FILE), StandardCopyOption.REPLACE_EXISTING);
        Path jsonTmp = dir.resolve("." + FILE + ".tmp");
        JSON.writeValue(jsonTmp.toFile(), truth);
        Files.move(jsonTmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    }

    static final List<String> OWNER_COLUMNS = List.of("index", "path", "export_id", "platform", "era", "zipped",
            "bytes", "n_ties", "n_active", "n_reciprocal", "n_sustained", "reciprocal_share",
            "outbound_initiation_share", "inbound_requests", "inbound_requests_per_month", "observation_days",
            "burst_days", "burst_ties", "reactivations", "interactions", "invitations", "planned_active",
            "young_kept", "young_dropped", "core_size", "planned_reciprocal_share", "initiative", "spammer",
            "wake_events", "planned_inbound_requests", "tenure_days");

    private static String ownerRow(OwnerSummary o) {
        OwnerTruth t = o.truth();
        SynthOwner.Plan p = t.plan();
        return String.join(",", List.of(String.valueOf(o.index()), o.path(), o.exportId(), o.platform(), o.era(),
                String.valueOf(o.zipped()), String.valueOf(o.bytes()), String.valueOf(t.nTies()),
                String.valueOf(t.nActive()), String.valueOf(t.nReciprocal()), String.valueOf(t.nSustained()),
                fmt(t.reciprocalShare()), fmt(t.outboundInitiationShare()), String.valueOf(t.inboundRequests()),
                fmt(t.inboundPerMonth()), fmt(t.observationDays()), String.valueOf(t.burstDays()),
                String.valueOf(t.burstTies()), String.valueOf(t.reactivations()), String.valueOf(t.interactions()),
                String.valueOf(t.invitations()), String.valueOf(p.activeTarget()), String.valueOf(p.youngKept()),
                String.valueOf(p.youngDropped()), String.valueOf(p.coreSize()), fmt(p.reciprocalTarget()),
                fmt(p.initiative()), String.valueOf(p.spammer()), String.valueOf(p.wakeEvents()),
                fmt(p.inboundTarget()), fmt(p.tenureDays())));
    }

    // ---- small statistics ----

    /** Spearman's ρ: Pearson correlation of average ranks; NaN with fewer than 3 points or no spread. */
    public static double spearman(List<double[]> xy) {
        int n = xy.size();
        if (n < 3) {
            return Double.NaN;
        }
        double[] rx = ranks(xy.stream().mapToDouble(v -> v[0]).toArray());
        double[] ry = ranks(xy.stream().mapToDouble(v -> v[1]).toArray());
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    public static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static String plusMonths(String yyyyMm, int k) {
        String m = yyyyMm;
        for (int i = 0; i < k; i++) {
            m = nextMonth(m);
        }
        return m;
    }

    private static String nextMonth(String yyyyMm) {
        int y = Integer.parseInt(yyyyMm.substring(0, 4));
        int m = Integer.parseInt(yyyyMm.substring(5, 7));
        return m == 12 ? String.format("%04d-01", y + 1) : String.format("%04d-%02d", y, m + 1);
    }

    private static void num(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }

    private static long sumInt(List<OwnerSummary> s, java.util.function.ToIntFunction<OwnerTruth> f) {
        return s.stream().mapToLong(o -> f.applyAsInt(o.truth())).sum();
    }

    private static Map<String, Long> count(List<OwnerSummary> s, java.util.function.Function<OwnerSummary, String> f) {
        Map<String, Long> m = new TreeMap<>();
        s.forEach(o -> m.merge(f.apply(o), 1L, Long::sum));
        return m;
    }
}
