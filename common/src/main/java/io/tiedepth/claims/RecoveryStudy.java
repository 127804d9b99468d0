package io.tiedepth.claims;

import io.tiedepth.generate.Generator;
import io.tiedepth.generate.GeneratorParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The recovery study (README "Recovery on synthetic donations"; {@code scripts/recovery-study.sh}): do the claims
 * find what is there, only that, and do their intervals cover the quantities they estimate?
 *
 * <p>For each {@link World} (a generator parameter patch): its estimands ({@link GeneratedOwners#estimands}, one
 * large population), then {@code seeds} populations of {@code owners} owners each (generator seeds 1..seeds), the
 * claims of each {@link Family} the world studies evaluated together (Holm across them; the within-owner claims C11
 * and C12, not yet in {@link Claims#ALL}, are their own family, on owners with panels) with {@code resamples}
 * owner-bootstrap resamples. Per world and claim:
 * verdict counts, mean estimate, mean 95 % interval width and the share of intervals that cover the estimand — in a
 * null world the claim's null value, its exact estimand by construction (the Monte Carlo estimand is shown beside it
 * as a check), elsewhere the Monte Carlo estimand. A world
 * is a <b>null</b> for a claim when its estimand there is the claim's null value by construction (supported there is
 * a false positive), <b>planted</b> when the effect is on (supported is power), and an <b>alternative</b> for a
 * threshold claim whose "off" world lies on the contradicted side (C2 without a ceiling, C6 with every mega owner a
 * spammer: supported there is a false positive too). Plain Java, parallel over populations; nothing is written but
 * the Markdown table. Populations are drawn and evaluated by {@link SimulatedPopulations}.
 */
public final class RecoveryStudy {

    /** What a world is for one claim. */
    public enum Role {
        PLANTED, NULL, ALTERNATIVE, OTHER
    }

    /**
     * A population model: a parameter patch over the defaults and the claims it is a null or an alternative for.
     *
     * @param name short name
     * @param description what is switched
     * @param patch JSON merged over {@link GeneratorParams#DEFAULTS}
     * @param nulls claims whose estimand is their null value in this world
     * @param alternatives threshold claims whose "off" lies on the contradicted side
     */
    public record World(String name, String description, String patch, Set<String> nulls, Set<String> alternatives,
                        Set<String> planted) {
        /** A world whose planted claims are those of the "planted" world (every default effect on). */
        public World(String name, String description, String patch, Set<String> nulls, Set<String> alternatives) {
            this(name, description, patch, nulls, alternatives, Set.of());
        }

        Role role(String claim) {
            return nulls.contains(claim) ? Role.NULL : alternatives.contains(claim) ? Role.ALTERNATIVE
                    : name.equals("planted") && !Family.WITHIN_OWNER.has(claim) || planted.contains(claim)
                    ? Role.PLANTED : Role.OTHER;
        }

        public GeneratorParams params() {
            return patch.isEmpty() ? GeneratorParams.DEFAULTS : GeneratorParams.DEFAULTS.with(patch);
        }
    }

    /**
     * Claims evaluated together (one Holm family) on the same owner rows: the claims of {@link Claims#ALL} on the
     * generator's owner rows, and the within-owner claims ({@link Claims#WITHIN_OWNER}, not yet in ALL) on rows with
     * their panels ({@link GeneratedOwners#rowsWithPanels}). A world evaluates a family only when it has a role for
     * one of its claims, so the worlds of ALL are computed as before.
     */
    enum Family {
        CROSS_SECTION(Claims.ALL), WITHIN_OWNER(Claims.WITHIN_OWNER);

        private final List<Claim> claims;

        Family(List<Claim> claims) {
            this.claims = claims;
        }

        boolean has(String claim) {
            return claims.stream().anyMatch(c -> c.id().equals(claim));
        }

        boolean studiedIn(World w) {
            return claims.stream().anyMatch(c -> w.role(c.id()) != Role.OTHER);
        }

        Map<String, Double> estimands(Generator g, int owners) {
            return this == CROSS_SECTION ? GeneratedOwners.estimands(g, owners)
                    : GeneratedOwners.withinOwnerEstimands(g, owners);
        }

        /**
         * The family's results in populations 1..seeds of {@code owners} owners (population p: generator seed p,
         * claims seed p), in seed order, through {@link SimulatedPopulations} as {@code tiedepth plan} does; the
         * within-owner family measures each owner's panel as well.
         */
        List<List<ClaimResult>> evaluate(GeneratorParams params, int owners, int seeds, ClaimParams claimParams) {
            List<SimulatedPopulations.Population> populations = IntStream.rangeClosed(1, seeds)
                    .mapToObj(seed -> new SimulatedPopulations.Population(seed, owners, seed)).toList();
            SimulatedPopulations.OwnerSource source = this == CROSS_SECTION ? GeneratedOwners::rows
                    : GeneratedOwners::rowsWithPanels;
            return SimulatedPopulations.evaluate(claims, source, params, List.of("linkedin"), claimParams, populations,
                    BATCH, done -> { });
        }
    }

    /** Every claim the study covers, in table order. */
    static List<Claim> studied() {
        List<Claim> out = new ArrayList<>(Claims.ALL);
        out.addAll(Claims.WITHIN_OWNER);
        return out;
    }

    private static String off(String... effects) {
        List<String> parts = new ArrayList<>();
        for (String e : effects) {
            parts.add("\"" + e + "\": {\"enabled\": false}");
        }
        return String.join(", ", parts);
    }

    /** Mega owners are no more often spammers than the others: C6 on with helpfulShare = 1 − baseSpamShare. */
    private static final String MEGA_LIKE_OTHERS = "\"c6MegaHelpful\": {\"enabled\": true, \"helpfulShare\": 0.95}";

    /** The worlds of the study. */
    public static final List<World> WORLDS = List.of(
            new World("planted", "every effect planted (defaults)", "", Set.of(), Set.of()),
            new World("C1 off", "C1 and C2 off: n_active proportional to n_ties",
                    "{\"effects\": {" + off("c1DiminishingReturns", "c2Ceiling") + "}}", Set.of("C1"), Set.of("C2")),
            new World("C2 off", "no ceiling", "{\"effects\": {" + off("c2Ceiling") + "}}", Set.of(), Set.of("C2")),
            new World("C3 off", "no burst penalty", "{\"effects\": {" + off("c3BurstPenalty") + "}}", Set.of("C3"),
                    Set.of()),
            new World("C4 off", "inbound requests flat in n_ties", "{\"effects\": {" + off("c4InboundGrowth") + "}}",
                    Set.of("C4"), Set.of()),
            new World("C5 off", "initiative unrelated to reciprocity",
                    "{\"effects\": {" + off("c5EffortReciprocity") + "}}", Set.of("C5"), Set.of()),
            new World("C6 off", "every mega owner a spammer", "{\"effects\": {" + off("c6MegaHelpful") + "}}",
                    Set.of(), Set.of("C6")),
            // C1 and C2 off too: a tie that exchanged messages in its first two years is active, so with diminishing
            // returns big networks have room for fewer recent two-way ties (rho -0.015 with C1 on)
            new World("C7 off", "reciprocal share flat in n_ties, mega owners like the others, C1 and C2 off",
                    "{\"effects\": {" + off("c7ReciprocityDecline", "c1DiminishingReturns", "c2Ceiling") + ", "
                            + MEGA_LIKE_OTHERS + "}}", Set.of("C7", "C1"), Set.of("C2")),
            new World("C8 off", "no reactivation waves", "{\"effects\": {" + off("c8ReactivationWaves") + "}}",
                    Set.of("C8"), Set.of()),
            new World("C9 off", "notes do not matter", "{\"effects\": {" + off("c9NoteEffect") + "}}", Set.of("C9"),
                    Set.of()),
            new World("all off", "every effect off, mega owners like the others",
                    "{\"effects\": {" + off("c1DiminishingReturns", "c2Ceiling", "c3BurstPenalty", "c4InboundGrowth",
                            "c5EffortReciprocity", "c7ReciprocityDecline", "c8ReactivationWaves", "c9NoteEffect")
                            + ", " + MEGA_LIKE_OTHERS + "}}",
                    Set.of("C1", "C3", "C4", "C5", "C7", "C8", "C9"), Set.of("C2")),
            new World("small counts", "C1 and C2 off, activeAtRef 3 (about 1 active tie per 100)",
                    "{\"activity\": {\"activeAtRef\": 3}, \"effects\": {" + off("c1DiminishingReturns", "c2Ceiling")
                            + "}}", Set.of("C1"), Set.of("C2")),
            // the cap keeps the world proportional: a drawn share near 1 cannot be hosted by a big network of a
            // young account (too few old ties for its core), which made the estimand 0.990 without it
            new World("overdispersed", "C1 and C2 off, n_active noise sigma 1.0, active share at most 0.5",
                    "{\"activity\": {\"noiseSigma\": 1.0, \"maxActiveShare\": 0.5}, \"effects\": {" + off("c1DiminishingReturns", "c2Ceiling")
                            + "}}", Set.of("C1"), Set.of("C2")),
            new World("within planted", "C11 planted (beta 0.7) and C12 planted (gamma 0.3) in the written events",
                    "{\"effects\": {\"c11WithinOwnerReturns\": {\"enabled\": true, \"value\": 0.7}, "
                            + "\"c12AcceptingGrowth\": {\"enabled\": true, \"value\": 0.3}}}",
                    Set.of(), Set.of(), Set.of("C11", "C12")),
            new World("within nulls", "C11 at beta 1 and C12 at gamma 0 in the written events",
                    "{\"effects\": {\"c11WithinOwnerReturns\": {\"enabled\": true, \"value\": 1.0}, "
                            + "\"c12AcceptingGrowth\": {\"enabled\": true, \"value\": 0.0}}}",
                    Set.of("C11", "C12"), Set.of()));

    /**
     * @param seeds populations per world (generator seeds 1..seeds)
     * @param plantedSeeds populations of the planted world (coverage and power are measured there first)
     * @param owners owners per population
     * @param resamples bootstrap resamples per claim
     * @param estimandOwners owners of each world's estimand population
     * @param plantedEstimandOwners owners of the planted world's estimand population (its estimands have no exact
     *     value, so their Monte Carlo error matters most there)
     */
    public record Settings(int seeds, int plantedSeeds, int owners, int resamples, int estimandOwners,
                           int plantedEstimandOwners) {
    }

    /** Tallies of one claim in one world. */
    public static final class Tally {
        int supported;
        int contradicted;
        int inconclusive;
        int notTestable;
        int covered;
        int withInterval;
        double estimateSum;
        double widthSum;
        int estimates;

        synchronized void add(ClaimResult r, double estimand) {
            switch (r.verdict()) {
                case SUPPORTED -> supported++;
                case CONTRADICTED -> contradicted++;
                case INCONCLUSIVE -> inconclusive++;
                default -> notTestable++;
            }
            if (!Double.isNaN(r.estimate())) {
                estimateSum += r.estimate();
                estimates++;
            }
            if (r.inference() != null && !Double.isNaN(r.ciLow()) && !Double.isNaN(estimand)) {
                withInterval++;
                covered += r.ciLow() <= estimand && estimand <= r.ciHigh() ? 1 : 0;
                widthSum += r.ciHigh() - r.ciLow();
            }
        }

        public int runs() {
            return supported + contradicted + inconclusive + notTestable;
        }

        public double coverage() {
            return withInterval == 0 ? Double.NaN : covered / (double) withInterval;
        }

        public double supportedShare() {
            return runs() == 0 ? Double.NaN : supported / (double) runs();
        }
    }

    /** The study's result: per world, the estimands and the tallies per claim. */
    public record Result(Settings settings, Map<String, Map<String, Double>> estimands,
                         Map<String, Map<String, Tally>> tallies) {
    }

    /** Populations evaluated together: enough (claim, population) tasks to keep every core busy. */
    private static final int BATCH = 4 * Runtime.getRuntime().availableProcessors();

    private RecoveryStudy() {
    }

    public static Result run(Settings s, List<World> worlds) {
        return run(s, worlds, line -> { });
    }

    /** {@link #run(Settings, List)}, passing each world's rows of the table to {@code progress} as it finishes. */
    public static Result run(Settings s, List<World> worlds, java.util.function.Consumer<String> progress) {
        Map<String, Map<String, Double>> estimands = new LinkedHashMap<>();
        Map<String, Map<String, Tally>> tallies = new LinkedHashMap<>();
        for (World w : worlds) {
            long start = System.nanoTime();
            Map<String, Double> truth = new LinkedHashMap<>();
            Map<String, Tally> t = new LinkedHashMap<>();
            for (Family f : Family.values()) {
                if (f.studiedIn(w)) {
                    runFamily(f, w, s, truth, t);
                }
            }
            estimands.put(w.name(), truth);
            tallies.put(w.name(), t);
            System.err.printf(Locale.ROOT, "recovery study: %s done in %.0f s%n", w.name(),
                    (System.nanoTime() - start) / 1e9);
            for (Claim c : studied()) {
                if (!c.id().equals("C10") && w.role(c.id()) != Role.OTHER) {
                    progress.accept(row(c, w, truth.get(c.id()), t.get(c.id())));
                }
            }
        }
        return new Result(s, estimands, tallies);
    }

    /**
     * One family in one world: its estimands (added to {@code truth}) and its populations' results tallied against
     * them (into {@code tallies}, one new tally per claim), the null value standing in for the estimand of a claim the
     * world is a null for.
     */
    private static void runFamily(Family f, World w, Settings s, Map<String, Double> truth,
                                  Map<String, Tally> tallies) {
        GeneratorParams params = w.params();
        boolean planted = w.name().equals("planted");
        Map<String, Double> estimands = f.estimands(new Generator(params, 999, List.of("linkedin")),
                planted ? s.plantedEstimandOwners() : s.estimandOwners());
        truth.putAll(estimands);
        Map<String, Double> target = new LinkedHashMap<>(estimands);
        for (Claim c : f.claims) {
            if (w.nulls().contains(c.id()) && !Double.isNaN(c.nullValue())) {
                target.put(c.id(), c.nullValue());
            }
            tallies.put(c.id(), new Tally());
        }
        int seeds = planted ? s.plantedSeeds() : s.seeds();
        ClaimParams claimParams = GeneratedOwners.claimParams(params).withResamples(s.resamples());
        for (List<ClaimResult> population : f.evaluate(params, s.owners(), seeds, claimParams)) {
            for (ClaimResult r : population) {
                tallies.get(r.claimId()).add(r, target.get(r.claimId()));
            }
        }
    }

    /** The Markdown table: one row per claim and world. */
    public static String table(Result r, List<World> worlds) {
        Settings s = r.settings();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Recovery study: %d populations of %d owners per world (%d for the planted "
                + "world), %d bootstrap resamples, Holm across the claims; Monte Carlo estimands from %,d owners per "
                + "world (%,d for the planted world); coverage in a null world is of the null value.%n%n",
                s.seeds(), s.owners(), s.plantedSeeds(), s.resamples(), s.estimandOwners(),
                s.plantedEstimandOwners()));
        b.append("| claim | world | role | estimand | mean estimate | supported | contradicted | inconclusive | "
                + "not testable | CI covers estimand | mean CI width |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Claim c : studied()) {
            if (c.id().equals("C10")) {
                continue;
            }
            for (World w : worlds) {
                if (w.role(c.id()) == Role.OTHER) {
                    continue;
                }
                b.append(row(c, w, r.estimands().get(w.name()).get(c.id()), r.tallies().get(w.name()).get(c.id())))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String row(Claim c, World w, double estimand, Tally t) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %d | %d | %d | %s | %s |", c.id(), w.name(),
                w.role(c.id()).name().toLowerCase(Locale.ROOT), Fmt.num(estimand),
                t.estimates == 0 ? "" : Fmt.num(t.estimateSum / t.estimates), t.supported, t.contradicted,
                t.inconclusive, t.notTestable, t.withInterval == 0 ? "n/a" : t.covered + "/" + t.withInterval,
                t.withInterval == 0 ? "" : Fmt.num(t.widthSum / t.withInterval));
    }

    /**
     * {@code RecoveryStudy [seeds] [plantedSeeds] [owners] [resamples] [estimandOwners] [plantedEstimandOwners]
     * [output.md] [worlds]} (defaults 20, 40, 600, 400, 10,000, 40,000, target/recovery-study.md, every world;
     * worlds: names separated by commas, e.g. {@code "planted,C8 off"}).
     */
    public static void main(String[] args) throws IOException {
        Settings s = new Settings(arg(args, 0, 20), arg(args, 1, 40), arg(args, 2, 600), arg(args, 3, 400),
                arg(args, 4, 10_000), arg(args, 5, 40_000));
        Path out = Path.of(args.length > 6 ? args[6] : "target/recovery-study.md");
        List<World> worlds = args.length > 7
                ? WORLDS.stream().filter(w -> List.of(args[7].split(",")).contains(w.name())).toList() : WORLDS;
        String table = table(run(s, worlds, line -> System.err.println(line)), worlds);
        System.out.println(table);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, table);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
