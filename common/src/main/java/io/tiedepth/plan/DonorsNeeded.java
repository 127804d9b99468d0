package io.tiedepth.plan;

import io.tiedepth.claims.Fmt;
import java.util.List;
import java.util.Locale;

/**
 * The donors a claim needs for a target power, read off its simulated power curve: the smallest candidate donor
 * count whose power reaches the target, and, between it and the candidate before it, a log-linear interpolation
 * (power linear in ln donors), labelled as such; "more than N" when no candidate reaches it.
 *
 * @param claimId the claim
 * @param smallest the smallest candidate reaching the target; 0 when none does
 * @param interpolated the interpolated donor count; NaN when the smallest candidate is the first (nothing to
 *     interpolate from) or none reaches the target
 * @param text the answer in words: "200 (log-linear interpolation: about 164)", "at most 50", "more than 400"
 */
public record DonorsNeeded(String claimId, int smallest, double interpolated, String text) {

    /**
     * The answer for power curve {@code power} at {@code donors} (ascending, same length). The first crossing
     * counts: a curve that dips after reaching the target (Monte Carlo noise) is not read further.
     */
    public static DonorsNeeded of(String claimId, List<Integer> donors, List<Double> power, double target) {
        int first = -1;
        for (int i = 0; i < donors.size() && first < 0; i++) {
            first = power.get(i) >= target ? i : -1;
        }
        if (first < 0) {
            return new DonorsNeeded(claimId, 0, Double.NaN, "more than " + donors.get(donors.size() - 1));
        }
        if (first == 0) {
            return new DonorsNeeded(claimId, donors.get(0), Double.NaN, "at most " + donors.get(0));
        }
        double estimate = logLinear(donors.get(first - 1), power.get(first - 1), donors.get(first),
                power.get(first), target);
        return new DonorsNeeded(claimId, donors.get(first), estimate, String.format(Locale.ROOT,
                "%d (log-linear interpolation: about %s)", donors.get(first), Fmt.num(Math.ceil(estimate))));
    }

    /** The d where the line through (ln d₁, p₁) and (ln d₂, p₂) reaches {@code target}. */
    static double logLinear(double d1, double p1, double d2, double p2, double target) {
        if (!(p2 > p1)) {
            return d2;
        }
        double t = (target - p1) / (p2 - p1);
        return Math.exp(Math.log(d1) + t * (Math.log(d2) - Math.log(d1)));
    }
}
