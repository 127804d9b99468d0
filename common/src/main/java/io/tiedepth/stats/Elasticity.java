package io.tiedepth.stats;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Log-log (power-law) slope of one owner-level quantity on another. */
public final class Elasticity {

    /**
     * A fitted elasticity.
     *
     * @param slope β, the elasticity: a 1 % larger x goes with about β % larger y (NaN if fewer than 2 points or x
     *     constant)
     * @param slopeStdErr OLS standard error of β (NaN if fewer than 3 points)
     * @param intercept α, on the log scale (natural logarithms)
     * @param rSquared coefficient of determination of the log-log fit
     * @param n points used
     * @param excluded points excluded (x ≤ 0, y out of the log's domain, or NaN)
     * @param log1pY whether the response was log(1+y) rather than log(y)
     */
    public record Fit(double slope, double slopeStdErr, double intercept, double rSquared, int n, int excluded,
            boolean log1pY) {
    }

    private Elasticity() {
    }

    /** {@link #fit(double[], double[], boolean)} with log(y) as the response. */
    public static Fit fit(double[] x, double[] y) {
        return fit(x, y, false);
    }

    /**
     * Elasticity of y with respect to x: the ordinary-least-squares slope β of
     * <pre>  log y = α + β·log x + ε      (log1pY = false)
     *  log(1+y) = α + β·log x + ε   (log1pY = true, DESIGN claim C1, keeps owners with y = 0)</pre>
     * Natural logarithms; β does not depend on the base. β &lt; 1 means y grows less than proportionally with x
     * (diminishing returns). Reference: the log-log "elasticity" regression, e.g. Wooldridge, <i>Introductory
     * Econometrics</i>, §2.4; for network size vs interaction, Miritello et al. (2013) Soc. Netw. 35:89.
     *
     * <p>Excluded and counted (never an error): x ≤ 0, and y ≤ 0 when {@code log1pY} is false or y &lt; 0 when it is
     * true, and any NaN. Computed with commons-math3 {@code SimpleRegression}.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Fit fit(double[] x, double[] y, boolean log1pY) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "Cannot fit elasticity: x has " + x.length + " values but y has " + y.length);
        }
        SimpleRegression regression = new SimpleRegression(true);
        int excluded = 0;
        for (int i = 0; i < x.length; i++) {
            boolean usable = x[i] > 0 && !Double.isInfinite(x[i])
                    && (log1pY ? y[i] >= 0 : y[i] > 0) && !Double.isInfinite(y[i]);
            if (!usable) {
                excluded++;
                continue;
            }
            regression.addData(Math.log(x[i]), log1pY ? Math.log1p(y[i]) : Math.log(y[i]));
        }
        int n = (int) regression.getN();
        return new Fit(regression.getSlope(), regression.getSlopeStdErr(), regression.getIntercept(),
                regression.getRSquare(), n, excluded, log1pY);
    }
}
