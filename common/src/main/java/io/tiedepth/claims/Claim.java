package io.tiedepth.claims;

/**
 * One claim of DESIGN §7: what it says, how it is tested, and its evaluation on owner rows. Adding a claim is one
 * implementation of this interface and one entry in {@link Claims#ALL}.
 *
 * <p>Contract of {@link #evaluate}: return {@link ClaimResult#notTestable} with a reason naming what is missing and
 * the counts when fewer than {@link ClaimParams#minOwners()} owners have the data; otherwise
 * {@link ClaimResult#tested} with the estimate, its owner-bootstrap interval ({@link OwnerBootstrap}, seeded with
 * the claim id's stream), the p-value against {@link #nullValue()} and the interval verdict before the Holm
 * adjustment, which {@link Claims#evaluate} applies afterwards.
 */
public interface Claim {
    /** C1, C2, ... */
    String id();

    /** The seed posts the claim comes from, e.g. "000, 004". */
    String seeds();

    /** The claim in words. */
    String statement();

    /** The statistic and verdict rule in words, with the parameters used. */
    String statistic(ClaimParams params);

    /** The value separating supported from contradicted (NaN when the claim has none). */
    double nullValue();

    ClaimResult evaluate(ClaimInputs inputs, ClaimParams params);

    /**
     * The point estimate alone (the {@code estimate} column of {@code claims.csv}), without resampling: what the
     * generator's ground truth evaluates on a very large population to give the claim's <b>estimand</b>, the value
     * the estimate converges to under that population model. NaN when the claim has no estimate on these owners.
     */
    double estimate(ClaimInputs inputs, ClaimParams params);
}
