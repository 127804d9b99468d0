package io.tiedepth.stats;

import java.util.List;

/**
 * Poisson regression with one fixed effect per group (owner) and one regressor: E[yᵢₜ | xᵢ, αᵢ] =
 * exp(αᵢ + oᵢₜ + β·xᵢₜ), oᵢₜ a known offset, estimated by the <b>conditional</b> (fixed-effects-concentrated)
 * Poisson likelihood of Hausman, Hall &amp; Griliches (1984, <i>Econometrica</i> 52:909). Conditioning on each
 * group's total yᵢ· removes αᵢ: the group's counts are multinomial with probabilities
 * pᵢₜ(β) = exp(oᵢₜ + β·xᵢₜ) / Σₛ exp(oᵢₛ + β·xᵢₛ), and β solves the score equation
 * <pre>
 *   S(β) = Σᵢ Σₜ xᵢₜ·(yᵢₜ − yᵢ··pᵢₜ(β)) = 0,   with   −S'(β) = Σᵢ yᵢ··Varₚ(xᵢ) ≥ 0,
 * </pre>
 * solved by Newton's method from β = 0, with step halving when the conditional log-likelihood
 * Σᵢ Σₜ yᵢₜ·log pᵢₜ(β) falls. The conditional estimate equals the β of a Poisson GLM with one dummy per group (the
 * two likelihoods have the same profile in β), which is how it is checked.
 *
 * <p><b>Robustness</b>: like pooled PPML, the estimator is consistent for β whenever the conditional mean is
 * log-linear with the multiplicative group effect, whatever the distribution of y (overdispersed, many zeros, not
 * integers), and the group totals may depend on anything about the group (Wooldridge 1999, <i>J. Econometrics</i>
 * 90:77, "Distribution-free estimation of some nonlinear panel data models"; Santos Silva &amp; Tenreyro 2006 for
 * pseudo-maximum likelihood). Serial correlation within a group does not bias it; its standard error must then come
 * from resampling whole groups (the owner bootstrap of the claims).
 *
 * <p>Groups with yᵢ· = 0, a single observation, or no variation in x contribute nothing to S or S' (their
 * conditional likelihood does not depend on β) and are counted in {@link Fit#informativeGroups} only when they do.
 */
public final class PoissonFixedEffects {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-12;

    private PoissonFixedEffects() {
    }

    /**
     * One group's observations (rows of equal length; {@code offset} null means 0). Observations with a non-finite
     * x, y or offset, or y &lt; 0, are left out.
     */
    public record Group(double[] x, double[] y, double[] offset) {
        public Group {
            if (x.length != y.length || (offset != null && offset.length != x.length)) {
                throw new IllegalArgumentException("Cannot fit Poisson fixed effects: x, y and offset of a group "
                        + "differ in length");
            }
        }
    }

    /**
     * @param slope β (NaN when not estimable: no group has a positive total and variation in x)
     * @param informativeGroups groups that carry information on β (positive total, x varying)
     * @param observations observations in those groups
     * @param iterations Newton steps taken
     */
    public record Fit(double slope, int informativeGroups, long observations, int iterations) {
        public boolean estimable() {
            return !Double.isNaN(slope);
        }
    }

    /** The conditional-likelihood value, score and its negative derivative at one β, summed over the groups. */
    record Derivatives(double logLikelihood, double score, double information, int groups, long observations) {
    }

    /** Fits β over the groups (class javadoc). */
    public static Fit fit(List<Group> groups) {
        Derivatives d = derivatives(groups, 0.0);
        if (!(d.information() > 0)) {
            return new Fit(Double.NaN, d.groups(), d.observations(), 0);
        }
        double beta = 0.0;
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double step = d.score() / d.information();
            Derivatives next = derivatives(groups, beta + step);
            for (int halvings = 0; halvings < 50 && !(next.logLikelihood() >= d.logLikelihood() - 1e-12
                    * Math.abs(d.logLikelihood())); halvings++) {
                step /= 2;
                next = derivatives(groups, beta + step);
            }
            beta += step;
            d = next;
            if (Math.abs(step) < TOLERANCE * Math.max(1, Math.abs(beta)) || !(d.information() > 0)) {
                break;
            }
        }
        return new Fit(d.information() > 0 ? beta : Double.NaN, d.groups(), d.observations(), iterations);
    }

    /** Value, score and information at β (each group evaluated with its largest exponent factored out). */
    static Derivatives derivatives(List<Group> groups, double beta) {
        double ll = 0;
        double score = 0;
        double information = 0;
        int informative = 0;
        long observations = 0;
        for (Group g : groups) {
            GroupTerms t = terms(g, beta);
            if (t.total() > 0 && t.varianceX() > 0) {
                ll += t.logLikelihood();
                score += t.score();
                information += t.total() * t.varianceX();
                informative++;
                observations += t.observations();
            }
        }
        return new Derivatives(ll, score, information, informative, observations);
    }

    /** One group's contribution at β: yᵢ·, Varₚ(x), Σ y·log p and Σ x·(y − yᵢ·p). */
    private record GroupTerms(double total, double varianceX, double logLikelihood, double score, long observations) {
    }

    private static GroupTerms terms(Group g, double beta) {
        double max = Double.NEGATIVE_INFINITY;
        double total = 0;
        double xy = 0;
        long n = 0;
        for (int t = 0; t < g.x().length; t++) {
            if (usable(g, t)) {
                max = Math.max(max, eta(g, t, beta));
                total += g.y()[t];
                xy += g.x()[t] * g.y()[t];
                n++;
            }
        }
        if (n < 2 || total <= 0) {
            return new GroupTerms(total, 0, 0, 0, n);
        }
        double sumW = 0;
        double sumWx = 0;
        double sumWxx = 0;
        double sumYEta = 0;
        for (int t = 0; t < g.x().length; t++) {
            if (usable(g, t)) {
                double e = eta(g, t, beta) - max;
                double w = Math.exp(e);
                sumW += w;
                sumWx += w * g.x()[t];
                sumWxx += w * g.x()[t] * g.x()[t];
                sumYEta += g.y()[t] * e;
            }
        }
        double meanX = sumWx / sumW;
        double varianceX = Math.max(0, sumWxx / sumW - meanX * meanX);
        return new GroupTerms(total, varianceX, sumYEta - total * Math.log(sumW), xy - total * meanX, n);
    }

    private static double eta(Group g, int t, double beta) {
        return (g.offset() == null ? 0 : g.offset()[t]) + beta * g.x()[t];
    }

    private static boolean usable(Group g, int t) {
        double x = g.x()[t];
        double y = g.y()[t];
        double o = g.offset() == null ? 0 : g.offset()[t];
        return Double.isFinite(x) && Double.isFinite(y) && y >= 0 && Double.isFinite(o);
    }
}
