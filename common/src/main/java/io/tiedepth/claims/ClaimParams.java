package io.tiedepth.claims;

/**
 * The thresholds and settings of the claims stage (DESIGN §7), each a command-line option. Two runs with the same
 * features and the same parameters (seed included) give identical claims, cohorts, curves and layers.
 *
 * @param seed seed of every bootstrap and permutation draw ({@code --seed}, default {@value #DEFAULT_SEED}); each
 *     claim and each cohort cell derives its own stream from it, so adding a claim does not change the others
 * @param resamples bootstrap resamples of owners, and permutation draws of C8 ({@code --bootstrap}, 1,000)
 * @param minOwners a claim is {@code not_testable} when fewer owners than this have the data it needs
 *     ({@code --min-owners}, 30)
 * @param kMin CSV cells describing fewer owners than this are suppressed ({@code --k-min}, 10)
 * @param megaTies an owner with at least this many ties is a mega-networker, claim C6 ({@code --mega}, 1,000)
 * @param burstK ties gained on one calendar day that make a burst ({@code --burst-k}, 10); used by the features
 *     stage, repeated here so the claims' wording names it
 * @param dormancyDays silence before a reactivation ({@code --dormancy-days}, 180); C8 counts only calendar months
 *     that start at least this long after an export's window start
 * @param responseDays window after connecting for C3's "any interaction" ({@code --response-days}, 180)
 * @param alpha family-wise level: a claim is supported or contradicted only when its Holm-adjusted p is below it
 *     (0.05; 95 % intervals)
 */
public record ClaimParams(long seed, int resamples, int minOwners, int kMin, int megaTies, int burstK,
                          int dormancyDays, int responseDays, double alpha) {

    public static final long DEFAULT_SEED = 20261122L;
    public static final ClaimParams DEFAULTS = new ClaimParams(DEFAULT_SEED, 1000, 30, 10, 1000, 10, 180, 180, 0.05);

    public ClaimParams {
        if (resamples < 1 || minOwners < 1 || kMin < 1 || megaTies < 1 || burstK < 1 || dormancyDays < 1
                || responseDays < 1 || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("Cannot use claim parameters: resamples, min_owners, k_min, mega, "
                    + "burst_k, dormancy and response days must be at least 1 and alpha in (0, 1)");
        }
    }

    /** These parameters with another seed. */
    public ClaimParams withSeed(long value) {
        return new ClaimParams(value, resamples, minOwners, kMin, megaTies, burstK, dormancyDays, responseDays, alpha);
    }

    /** These parameters with another number of resamples. */
    public ClaimParams withResamples(int value) {
        return new ClaimParams(seed, value, minOwners, kMin, megaTies, burstK, dormancyDays, responseDays, alpha);
    }

    /** These parameters with the features stage's thresholds (burst, dormancy and response days). */
    public ClaimParams withFeatureThresholds(int burst, int dormancy, int response) {
        return new ClaimParams(seed, resamples, minOwners, kMin, megaTies, burst, dormancy, response, alpha);
    }

    /** These parameters with another minimum number of owners. */
    public ClaimParams withMinOwners(int value) {
        return new ClaimParams(seed, resamples, value, kMin, megaTies, burstK, dormancyDays, responseDays, alpha);
    }

    /**
     * The seed of one named stream (a claim id, a cohort cell): {@code seed} XOR a 64-bit mix of the name's
     * {@link String#hashCode()} (stable across JVMs by the String specification).
     */
    public long seedFor(String stream) {
        long h = stream.hashCode() * 0x9E3779B97F4A7C15L;
        return seed ^ (h ^ (h >>> 29));
    }

    /**
     * A count of owners as it may appear in text: the number itself, or "fewer than k_min" when it is below
     * {@code kMin} and above 0 (so a reason string never describes a small cell).
     */
    public String owners(long n) {
        return n > 0 && n < kMin ? "fewer than " + kMin : Long.toString(n);
    }
}
