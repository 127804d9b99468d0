package io.tiedepth.claims;

import io.tiedepth.generate.Generator;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.generate.OwnerSummary;
import io.tiedepth.generate.OwnerTruth;
import io.tiedepth.generate.SynthOwner;
import io.tiedepth.generate.SynthPanels;
import io.tiedepth.panels.PanelRow;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Owner rows from the synthetic-donation generator's model ({@link Generator#measure}: the realised per-owner values
 * that {@code features} computes on the written exports, without writing them), and the claims' <b>estimands</b>
 * for that model.
 *
 * <p>Estimand of a claim under a population model: the value its point estimate ({@link Claim#estimate}, the
 * {@code estimate} column of {@code claims.csv}) converges to as the number of owners grows. Computed by evaluating
 * exactly that estimate on a large population drawn from the same model: the owners at indices
 * {@value #ESTIMAND_FIRST_INDEX}, {@value #ESTIMAND_FIRST_INDEX} + 1, ... of the same generator seed — new,
 * independent draws, never the written owners (indices 0..owners − 1), sharing only the run-level draws (C8's wave
 * dates). Its Monte Carlo error shrinks as 1/√N: with the default 20,000 owners it is about a fifth of the standard
 * error of an estimate from 800 owners.
 */
public final class GeneratedOwners {
    /** First owner index of an estimand population. */
    public static final int ESTIMAND_FIRST_INDEX = 1 << 30;
    /** Owners of an estimand population by default. */
    public static final int DEFAULT_ESTIMAND_OWNERS = 20_000;

    private GeneratedOwners() {
    }

    /** Owners 0..owners − 1 of a LinkedIn population. */
    public static List<OwnerRow> rows(GeneratorParams params, long seed, int owners) {
        return rows(params, seed, owners, List.of("linkedin"));
    }

    /** Owners 0..owners − 1 of a population drawn from {@code platforms}. */
    public static List<OwnerRow> rows(GeneratorParams params, long seed, int owners, List<String> platforms) {
        return rows(new Generator(params, seed, platforms), 0, owners);
    }

    /** Owners first..first + count − 1 of a generator, measured in parallel (the order is the index order). */
    public static List<OwnerRow> rows(Generator g, int first, int count) {
        int dormancy = g.params().features().dormancyDays();
        g.model();
        return IntStream.range(first, first + count).parallel().mapToObj(i -> row(g.measure(i), dormancy)).toList();
    }

    /**
     * Owners first..first + count − 1 with their within-owner panels ({@link SynthPanels}: measured on the owner's
     * events, which carry the switched-on effects C11 and C12), for the within-owner claims.
     */
    public static List<OwnerRow> rowsWithPanels(Generator g, int first, int count) {
        int dormancy = g.params().features().dormancyDays();
        g.model();
        return IntStream.range(first, first + count).parallel().mapToObj(i -> {
            SynthOwner o = g.model().sampleWithoutPeople(i);
            OwnerSummary s = g.measure(o);
            return row(s, dormancy, SynthPanels.panel(o, s.truth()));
        }).toList();
    }

    /**
     * The within-owner claims' estimands ({@link Claims#WITHIN_OWNER}, claim id → value) over {@code owners} new
     * owners of the generator's model with their panels (class doc).
     */
    public static Map<String, Double> withinOwnerEstimands(Generator g, int owners) {
        return withinOwnerEstimates(g, ESTIMAND_FIRST_INDEX, owners);
    }

    /**
     * The within-owner claims' estimates (claim id → value; NaN when not testable) on owners first..first + count − 1
     * of the generator with their panels: with first 0, the written owners, whose files a correct pipeline reads
     * back to the same values.
     */
    public static Map<String, Double> withinOwnerEstimates(Generator g, int first, int count) {
        ClaimInputs in = ClaimInputs.of(rowsWithPanels(g, first, count));
        ClaimParams params = claimParams(g.params());
        Map<String, Double> out = new LinkedHashMap<>();
        for (Claim c : Claims.WITHIN_OWNER) {
            out.put(c.id(), c.estimate(in, params));
        }
        return out;
    }

    /** The claims' thresholds that match a generator's feature settings (burst_k, dormancy and response days). */
    public static ClaimParams claimParams(GeneratorParams p) {
        ClaimParams d = ClaimParams.DEFAULTS;
        GeneratorParams.Features f = p.features();
        return new ClaimParams(d.seed(), d.resamples(), d.minOwners(), d.kMin(), GeneratorParams.MEGA, f.burstK(),
                f.dormancyDays(), f.responseDays(), d.alpha());
    }

    /**
     * Each claim's estimand (claim id → value; NaN where the claim has no estimate) over {@code owners} new owners of
     * the generator's model (class doc).
     */
    public static Map<String, Double> estimands(Generator g, int owners) {
        return estimands(rows(g, ESTIMAND_FIRST_INDEX, owners), claimParams(g.params()));
    }

    /** Each claim's point estimate on the given owners. */
    public static Map<String, Double> estimands(List<OwnerRow> population, ClaimParams params) {
        ClaimInputs in = ClaimInputs.of(population);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Claim c : Claims.ALL) {
            out.put(c.id(), c.estimate(in, params));
        }
        return out;
    }

    static OwnerRow row(OwnerSummary s, int dormancyDays) {
        return row(s, dormancyDays, List.of());
    }

    static OwnerRow row(OwnerSummary s, int dormancyDays, List<PanelRow> panel) {
        OwnerTruth t = s.truth();
        OwnerRow.Builder b = OwnerRow.builder("synth-" + s.index(), "owner-" + s.index()).platform(s.platform())
                .set(OwnerMetric.N_TIES, (double) t.nTies())
                .set(OwnerMetric.N_ACTIVE, (double) t.nActive())
                .set(OwnerMetric.N_RECIPROCAL, (double) t.nReciprocal())
                .set(OwnerMetric.N_SUSTAINED, (double) t.nSustained())
                .set(OwnerMetric.RECIPROCAL_SHARE, t.reciprocalShare())
                .set(OwnerMetric.ACTIVE_SHARE, t.nTies() == 0 ? Double.NaN : t.nActive() / (double) t.nTies())
                .set(OwnerMetric.OUTBOUND_INITIATION_SHARE, t.outboundInitiationShare())
                .set(OwnerMetric.INBOUND_REQUESTS_PER_MONTH, t.inboundPerMonth())
                .set(OwnerMetric.REACTIVATIONS, (double) t.reactivations())
                .set(OwnerMetric.OBSERVATION_DAYS, t.observationDays())
                .set(OwnerMetric.BURST_SHARE, t.nTies() == 0 ? Double.NaN : t.burstTies() / (double) t.nTies())
                .burst(t.burstObservable(), t.burstWithin())
                .nonBurst(t.otherObservable(), t.otherWithin())
                .note(t.noteTies(), t.noteReciprocal())
                .noNote(t.noNoteTies(), t.noNoteReciprocal())
                .panel(panel);
        int[] eligible = C8DormantTiesWakeTogether.eligibleMonths(Instant.ofEpochSecond(t.windowStart()),
                Instant.ofEpochSecond(t.windowEnd()), dormancyDays);
        if (eligible[1] >= eligible[0]) {
            long[] counts = new long[eligible[1] - eligible[0] + 1];
            for (Map.Entry<String, Integer> e : t.reactivationsByMonth().entrySet()) {
                YearMonth m = YearMonth.parse(e.getKey());
                int i = m.getYear() * 12 + m.getMonthValue() - 1 - eligible[0];
                if (i >= 0 && i < counts.length) {
                    counts[i] += e.getValue();
                }
            }
            b.reactivationMonths(eligible[0], counts);
        }
        return b.build();
    }
}
