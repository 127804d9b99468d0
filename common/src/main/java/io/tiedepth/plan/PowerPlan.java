package io.tiedepth.plan;

import io.tiedepth.claims.Claim;
import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Claims;
import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.claims.RecoveryStudy.Role;
import io.tiedepth.claims.SimulatedPopulations;
import io.tiedepth.claims.SimulatedPopulations.Population;
import io.tiedepth.claims.Verdict;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * {@code tiedepth plan}: for a study design (generator parameters) and candidate donor counts, each claim's power,
 * its expected interval width and the donors it needs for {@value #TARGET_POWER} power, by simulation.
 *
 * <p>For population p = 1..P the generator's model draws owners 0..max(donors) − 1 with seed
 * {@code seedFor("plan/population/p")} of {@code --seed}; the population of d donors is its first d owners
 * (common random numbers: a larger design holds the smaller one, so power curves are not jagged by the draw of new
 * owners). Every claim is evaluated on it as the claims stage does (same verdict rule, Holm across the claims, the
 * bootstrap with {@code resamples} resamples, claims seed {@code seedFor("plan/population/p/donors/d")}).
 * <b>Power</b> is the share of the P populations in which the claim is supported; for a claim whose planted truth is
 * its null (the effect switched off, {@link #role}) the same share is the false-positive rate. Deterministic: the
 * same parameters, settings and seed give the same result on any number of cores.
 */
public final class PowerPlan {
    /** The power the donors needed are read at. */
    public static final double TARGET_POWER = 0.8;
    /** Level of the Wilson interval of a power. */
    public static final double POWER_INTERVAL_LEVEL = 0.95;

    /**
     * @param donors candidate donor counts, ascending, distinct, each at least 1
     * @param populations simulated populations per donor count
     * @param resamples bootstrap resamples (and C8's permutation draws) per claim
     * @param seed the seed every population and draw derives from
     * @param minOwners the claims stage's {@code --min-owners}
     * @param platforms the platforms the generator draws owners from
     */
    public record Settings(List<Integer> donors, int populations, int resamples, long seed, int minOwners,
                           List<String> platforms) {
        public Settings {
            donors = List.copyOf(donors);
            platforms = List.copyOf(platforms);
            if (donors.isEmpty() || populations < 1 || resamples < 1 || minOwners < 1) {
                throw new IllegalArgumentException("Cannot plan: donors, populations, resamples and min owners must "
                        + "be at least 1");
            }
            for (int i = 0; i < donors.size(); i++) {
                if (donors.get(i) < 1 || (i > 0 && donors.get(i) <= donors.get(i - 1))) {
                    throw new IllegalArgumentException("Cannot plan: donor counts must be positive and ascending");
                }
            }
        }

        /** Populations to evaluate in all: one per population and donor count. */
        public int evaluations() {
            return populations * donors.size();
        }
    }

    /**
     * One claim at one donor count.
     *
     * @param power supported / populations
     * @param powerLow lower bound of the power's 95 % Wilson interval
     * @param powerHigh its upper bound
     * @param meanWidth mean width of the claim's 95 % interval over the populations that have one (NaN for C8,
     *     whose interval is the null's range, and when none has)
     * @param withInterval populations in which the claim had a confidence interval
     * @param meanEstimate mean estimate over the populations where it was computed
     */
    public record ClaimPower(String claimId, Role role, int donors, int populations, int supported,
                             int contradicted, int inconclusive, int notTestable, double power, double powerLow,
                             double powerHigh, double meanWidth, int withInterval, double meanEstimate) {
    }

    /**
     * The plan.
     *
     * @param rows per claim (C1..C9 in order), per donor count (ascending)
     * @param needed per claim whose effect is planted, the donors needed for {@link #TARGET_POWER}
     */
    public record Result(Settings settings, GeneratorParams params, List<ClaimPower> rows,
                         List<DonorsNeeded> needed) {
    }

    private PowerPlan() {
    }

    /** The claims a plan covers: every claim but C10, which no export can test. */
    public static List<Claim> claims() {
        return Claims.ALL.stream().filter(c -> !c.id().equals("C10")).toList();
    }

    /**
     * Runs the simulation (class doc); {@code done} is called as populations finish, with the number evaluated so
     * far of {@link Settings#evaluations()}.
     */
    public static Result run(GeneratorParams params, Settings s, IntConsumer done) {
        ClaimParams claims = GeneratedOwners.claimParams(params).withResamples(s.resamples())
                .withMinOwners(s.minOwners()).withSeed(s.seed());
        int batch = s.donors().size() * 2 * Runtime.getRuntime().availableProcessors();
        List<List<ClaimResult>> results = SimulatedPopulations.evaluate(params, s.platforms(), claims,
                populations(s, claims), batch, done);
        List<ClaimPower> rows = new ArrayList<>();
        List<DonorsNeeded> needed = new ArrayList<>();
        for (Claim c : claims()) {
            Role role = role(c.id(), params);
            List<ClaimPower> curve = new ArrayList<>();
            for (int j = 0; j < s.donors().size(); j++) {
                curve.add(tally(c.id(), role, s, j, results));
            }
            rows.addAll(curve);
            if (role == Role.PLANTED) {
                needed.add(DonorsNeeded.of(c.id(), s.donors(), curve.stream().map(ClaimPower::power).toList(),
                        TARGET_POWER));
            }
        }
        return new Result(s, params, List.copyOf(rows), List.copyOf(needed));
    }

    /** Population p's donor counts in order, p = 1..P: evaluation (p − 1)·D + j is p at donors j. */
    static List<Population> populations(Settings s, ClaimParams claims) {
        List<Population> out = new ArrayList<>();
        for (int p = 1; p <= s.populations(); p++) {
            long generatorSeed = claims.seedFor("plan/population/" + p);
            for (int d : s.donors()) {
                out.add(new Population(generatorSeed, d, claims.seedFor("plan/population/" + p + "/donors/" + d)));
            }
        }
        return out;
    }

    /** The claim's verdicts at donor count {@code j} over every population, in population order. */
    private static ClaimPower tally(String claimId, Role role, Settings s, int j, List<List<ClaimResult>> results) {
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        double widthSum = 0;
        int withInterval = 0;
        double estimateSum = 0;
        int estimates = 0;
        for (int p = 0; p < s.populations(); p++) {
            ClaimResult r = find(results.get(p * s.donors().size() + j), claimId);
            verdicts.merge(r.verdict(), 1, Integer::sum);
            if (r.inference() != null && Double.isFinite(r.ciLow()) && Double.isFinite(r.ciHigh())) {
                widthSum += r.ciHigh() - r.ciLow();
                withInterval++;
            }
            if (Double.isFinite(r.estimate())) {
                estimateSum += r.estimate();
                estimates++;
            }
        }
        int supported = verdicts.getOrDefault(Verdict.SUPPORTED, 0);
        WilsonInterval ci = WilsonInterval.of(supported, s.populations(), POWER_INTERVAL_LEVEL);
        return new ClaimPower(claimId, role, s.donors().get(j), s.populations(), supported,
                verdicts.getOrDefault(Verdict.CONTRADICTED, 0), verdicts.getOrDefault(Verdict.INCONCLUSIVE, 0),
                verdicts.getOrDefault(Verdict.NOT_TESTABLE, 0), supported / (double) s.populations(), ci.low(),
                ci.high(), withInterval == 0 ? Double.NaN : widthSum / withInterval, withInterval,
                estimates == 0 ? Double.NaN : estimateSum / estimates);
    }

    private static ClaimResult find(List<ClaimResult> population, String claimId) {
        return population.stream().filter(r -> r.claimId().equals(claimId)).findFirst().orElseThrow();
    }

    /**
     * What the design's planted truth is for a claim (README "Planted effects and their switches"): PLANTED when its
     * effect is on; NULL when it is off and the world is a true null for the claim (C1 needs the ceiling off too; C7
     * needs C1 and C2 off and mega owners no more often spammers than the others; the within-owner C11 and C12 only
     * when their effect is switched on, at β = 1 and γ = 0 for a null: the base model's own within-owner
     * elasticity is not known in closed form); ALTERNATIVE for the threshold
     * claims C2 and C6 switched off (they lie on the contradicted side); OTHER for an effect off without its
     * companions (supported there is neither power nor a false positive).
     */
    public static Role role(String claimId, GeneratorParams p) {
        boolean proportional = p.activeElasticity() == 1.0 && Double.isInfinite(p.ceiling());
        return switch (claimId) {
            case "C1" -> proportional ? Role.NULL : p.activeElasticity() != 1.0 ? Role.PLANTED : Role.OTHER;
            case "C2" -> Double.isFinite(p.ceiling()) ? Role.PLANTED : Role.ALTERNATIVE;
            case "C3" -> p.burstRiskRatio() != 1.0 ? Role.PLANTED : Role.NULL;
            case "C4" -> p.inboundElasticity() != 0.0 ? Role.PLANTED : Role.NULL;
            case "C5" -> p.effortStrength() != 0.0 ? Role.PLANTED : Role.NULL;
            case "C6" -> p.megaSpamShare() < 1.0 ? Role.PLANTED : Role.ALTERNATIVE;
            case "C7" -> p.reciprocityDecline() != 0.0 ? Role.PLANTED
                    : proportional && Math.abs(p.megaSpamShare() - p.baseSpamShare()) < 1e-9 ? Role.NULL : Role.OTHER;
            case "C8" -> p.waves() ? Role.PLANTED : Role.NULL;
            case "C9" -> p.noteRiskRatio() != 1.0 ? Role.PLANTED : Role.NULL;
            case "C11" -> !p.plantsWithinOwnerReturns() ? Role.OTHER
                    : p.withinOwnerElasticity() != 1.0 ? Role.PLANTED : Role.NULL;
            case "C12" -> !p.plantsAcceptingGrowth() ? Role.OTHER
                    : p.inboundShareElasticity() != 0.0 ? Role.PLANTED : Role.NULL;
            default -> Role.OTHER;
        };
    }
}
