/**
 * Statistics for the claims engine, plain Java on commons-math3 (no Spark). Every class is a set of static pure
 * functions returning immutable results; each method's javadoc gives the definition used and the reference to cite.
 *
 * <ul>
 *   <li>{@link io.tiedepth.stats.Correlation}: Spearman ρ with mid-ranks (claims C5, C7).</li>
 *   <li>{@link io.tiedepth.stats.Elasticity}: log-log OLS slope, optionally of log(1+y) (C1, C4).</li>
 *   <li>{@link io.tiedepth.stats.SegmentedRegression}: one-breakpoint continuous fit and Davies test (C2).</li>
 *   <li>{@link io.tiedepth.stats.Ckmeans}: exact 1-D k-means and choice of k by BIC (Ckmeans.1d.dp) or a BIC with a
 *       larger penalty.</li>
 *   <li>{@link io.tiedepth.stats.DunbarLayers}: an owner's nested contact-frequency circles (DESIGN §6).</li>
 *   <li>{@link io.tiedepth.stats.Bootstrap}: seeded owner-level percentile bootstrap, SE and p-value.</li>
 *   <li>{@link io.tiedepth.stats.Multiplicity}: Holm adjustment over the claims.</li>
 *   <li>{@link io.tiedepth.stats.Concentration}: Gini and top-share of interactions over ties.</li>
 *   <li>{@link io.tiedepth.stats.LogBins}: metric-vs-size curves in logarithmic bins.</li>
 *   <li>{@link io.tiedepth.stats.PermutationTest}: peak-to-median calendar clustering, whole-window null (C8's
 *       {@code extra}).</li>
 *   <li>{@link io.tiedepth.stats.IntervalJitterTest}: local calendar peak against the month-of-year 2-month jitter
 *       null, and the effect ratio T / E0[T*] (C8).</li>
 *   <li>{@link io.tiedepth.stats.RiskRatio}: risk ratio with Katz log interval (C3, C9).</li>
 *   <li>{@link io.tiedepth.stats.CountDraws}: exact binomial and hypergeometric counts and the deal of an urn, with
 *       which C8's nulls draw pooled counts instead of moving events one by one.</li>
 * </ul>
 */
package io.tiedepth.stats;
