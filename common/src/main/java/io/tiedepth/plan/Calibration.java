package io.tiedepth.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.claims.OwnerMetric;
import io.tiedepth.claims.OwnerRow;
import io.tiedepth.generate.GeneratorParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Generator parameters calibrated from a pilot study's owner metrics ({@code features/owner_metrics}, as the claims
 * stage reads them): the parameters that shape the owners (sizes, active ties, reciprocity, inbound requests,
 * bursts) are estimated from the pilot; every other parameter, the planted effects above all, is kept from the base
 * parameters (the defaults, or a {@code --params} file): the effects are the design's assumptions, what the study is
 * planned to detect, not something a pilot should set.
 *
 * <p>Estimators (README "Planning a study"; {@code ref} = {@code sizes.refSize}, β, δ, γ the base's C1, C7 and C4
 * exponents), each over the owners with ties:
 * <ul>
 *   <li>{@code sizes.median} and {@code sizes.sigma}: the body's median and quartiles read from the pooled quantiles
 *       at 0.5·(1 − t), 0.25·(1 − t), 0.75·(1 − t) (below {@code tailMin} the pooled distribution is (1 − t) times
 *       the body's), σ = ln(q₃/q₁)/(2·0.6745); {@code sizes.tailShare} t and {@code sizes.tailAlpha}: the tail's
 *       maximum likelihood given the body ({@link TailFit}), three steps alternating the two;</li>
 *   <li>{@code timeline.tenureMinYears}, {@code timeline.tenureMaxYears}: from the quantiles of the owners' tenures
 *       ({@link #tenure});</li>
 *   <li>{@code activity.activeAtRef}: the median of n_active·(ref/n_ties)^β over owners with n_ties in
 *       [ref/2, 2·ref]; {@code activity.noiseSigma}: the interquartile range of its logarithm / 1.349;</li>
 *   <li>{@code reciprocity.baseShare}: the median of reciprocal_share·(n_ties/ref)^δ over the same owners,
 *       bias-corrected by one simulated pass ({@link #biasCorrected});</li>
 *   <li>{@code invitations.inboundPerMonth}: the median of inbound_requests_per_month·(ref/n_ties)^γ over owners
 *       where it is defined;</li>
 *   <li>{@code bursts.ownerShare}: the share of owners with burst_share &gt; 0 among those with at least 3 ×
 *       {@code bursts.minSize} ties (every such owner drawn to burst does); {@code bursts.tieShare}: the mean
 *       burst_share of bursting owners with at least 2·minSize/tieShare ties (whose burst total is never
 *       rounded up to minSize), two steps; {@code bursts.enabled} false when no owner bursts.</li>
 * </ul>
 * A parameter whose owners number fewer than {@value #MIN_OWNERS} keeps its base value (its {@link Estimate} says
 * so). Pure: no Spark, no I/O; every statistic is taken over sorted values, so the order of the pilot's rows does
 * not matter.
 */
public final class Calibration {
    /** Owners an estimate needs; with fewer, the parameter keeps its base value. */
    public static final int MIN_OWNERS = 30;
    private static final double QUARTILE_Z = new NormalDistribution().inverseCumulativeProbability(0.75);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE_SHARE = "reciprocity.baseShare";
    private static final String TAIL_SHARE = "sizes.tailShare";
    private static final String MEDIAN = "sizes.median";
    private static final String SIGMA = "sizes.sigma";
    private static final String TAIL_ALPHA = "sizes.tailAlpha";
    private static final String TENURE_MIN = "timeline.tenureMinYears";
    private static final String TENURE_MAX = "timeline.tenureMaxYears";
    /** Owners simulated for the bias correction of {@code reciprocity.baseShare}. */
    public static final int BIAS_OWNERS = 2000;
    /** Generator seed of that simulation. */
    public static final long BIAS_SEED = 1;

    /**
     * One calibrated parameter.
     *
     * @param parameter its path in the params file ({@code activity.activeAtRef})
     * @param value the value used: the estimate, or the base value when too few owners
     * @param owners the owners it was estimated from
     * @param calibrated false when it kept the base value
     */
    public record Estimate(String parameter, double value, int owners, boolean calibrated) {
    }

    /** The calibrated parameters and how each was obtained, in the order above. */
    public record Result(GeneratorParams params, List<Estimate> estimates) {
    }

    private Calibration() {
    }

    /** Calibrates {@code base} to the pilot's owners (class doc). */
    public static Result calibrate(List<OwnerRow> pilot, GeneratorParams base) {
        List<OwnerRow> owners = pilot.stream().filter(o -> o.nTies() > 0).toList();
        List<Estimate> estimates = new ArrayList<>(sizes(owners, base.sizes()));
        estimates.addAll(activity(owners, base));
        estimates.add(reciprocity(owners, base));
        estimates.add(inbound(owners, base));
        estimates.addAll(bursts(owners, base.bursts()));
        estimates.addAll(tenure(owners, base));
        GeneratorParams first = base.with(patch(estimates));
        estimates.replaceAll(e -> e.parameter().equals(BASE_SHARE) && e.calibrated() ? biasCorrected(e, first) : e);
        return new Result(base.with(patch(estimates)), List.copyOf(estimates));
    }

    /**
     * The parametric-bootstrap bias correction of a ratio estimate (Efron &amp; Tibshirani 1993, §10.6, on the log
     * scale): θ̂²/θ̂*, θ̂* the same estimator on {@value #BIAS_OWNERS} owners simulated with θ̂ (seed
     * {@value #BIAS_SEED}). Used for reciprocity.baseShare, whose median realised share falls 7–11 % below the
     * planted ρ (measured on 3,000 generated owners of two worlds).
     */
    private static Estimate biasCorrected(Estimate e, GeneratorParams fitted) {
        List<OwnerRow> simulated = GeneratedOwners.rows(fitted, BIAS_SEED, BIAS_OWNERS).stream()
                .filter(o -> o.nTies() > 0).toList();
        double again = reciprocity(simulated, fitted).value();
        return again > 0 ? new Estimate(e.parameter(), Math.min(1, e.value() * e.value() / again), e.owners(), true)
                : e;
    }

    /**
     * {@code sizes.tailShare}, {@code sizes.median}, {@code sizes.sigma} and {@code sizes.tailAlpha}: three steps
     * that alternate the body from the pooled quantiles given the tail share, and the tail ({@link TailFit}) given
     * the body; α keeps its base value when fewer than {@value #MIN_OWNERS} owners have n_ties ≥ {@code tailMin}.
     */
    static List<Estimate> sizes(List<OwnerRow> owners, GeneratorParams.Sizes base) {
        double[] n = owners.stream().mapToDouble(OwnerRow::nTies).sorted().toArray();
        if (n.length < MIN_OWNERS) {
            return List.of(kept(TAIL_SHARE, base.tailShare(), n.length), kept(MEDIAN, base.median(), n.length),
                    kept(SIGMA, base.sigma(), n.length), kept(TAIL_ALPHA, base.tailAlpha(), n.length));
        }
        int inTail = (int) Arrays.stream(n).filter(v -> v >= base.tailMin()).count();
        double fixedAlpha = inTail < MIN_OWNERS ? base.tailAlpha() : Double.NaN;
        TailFit tail = new TailFit(0, base.tailAlpha());
        double median = base.median();
        double sigma = base.sigma();
        for (int step = 0; step < 3; step++) {
            median = quantile(n, 0.5 * (1 - tail.share()));
            sigma = Math.log(quantile(n, 0.75 * (1 - tail.share())) / quantile(n, 0.25 * (1 - tail.share())))
                    / (2 * QUARTILE_Z);
            tail = sigma > 0 ? TailFit.fit(n, median, sigma, base, fixedAlpha) : tail;
        }
        return List.of(new Estimate(TAIL_SHARE, tail.share(), n.length, true),
                new Estimate(MEDIAN, median, n.length, true), new Estimate(SIGMA, sigma, n.length, true),
                Double.isNaN(fixedAlpha) ? new Estimate(TAIL_ALPHA, tail.alpha(), inTail, true)
                        : kept(TAIL_ALPHA, base.tailAlpha(), inTail));
    }

    /** {@code activity.activeAtRef} and {@code activity.noiseSigma}. */
    static List<Estimate> activity(List<OwnerRow> owners, GeneratorParams base) {
        double ref = base.sizes().refSize();
        double beta = base.activeElasticity();
        double[] scaled = nearReference(owners, ref)
                .mapToDouble(o -> o.get(OwnerMetric.N_ACTIVE) * Math.pow(ref / o.nTies(), beta))
                .filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
        if (scaled.length < MIN_OWNERS) {
            return List.of(kept("activity.activeAtRef", base.activity().activeAtRef(), scaled.length),
                    kept("activity.noiseSigma", base.activity().noiseSigma(), scaled.length));
        }
        return List.of(new Estimate("activity.activeAtRef", quantile(scaled, 0.5), scaled.length, true),
                new Estimate("activity.noiseSigma", logSpread(scaled), scaled.length, true));
    }

    /** {@code reciprocity.baseShare}. */
    static Estimate reciprocity(List<OwnerRow> owners, GeneratorParams base) {
        double ref = base.sizes().refSize();
        double delta = base.reciprocityDecline();
        return median(BASE_SHARE, base.reciprocity().baseShare(), nearReference(owners, ref).toList(),
                o -> o.get(OwnerMetric.RECIPROCAL_SHARE) * Math.pow(o.nTies() / ref, delta));
    }

    /** {@code invitations.inboundPerMonth}. */
    static Estimate inbound(List<OwnerRow> owners, GeneratorParams base) {
        double ref = base.sizes().refSize();
        double gamma = base.inboundElasticity();
        return median("invitations.inboundPerMonth", base.invitations().inboundPerMonth(), owners,
                o -> o.get(OwnerMetric.INBOUND_REQUESTS_PER_MONTH) * Math.pow(ref / o.nTies(), gamma));
    }

    /** {@code bursts.ownerShare}, {@code bursts.tieShare} and {@code bursts.enabled} (1 or 0). */
    static List<Estimate> bursts(List<OwnerRow> owners, GeneratorParams.Bursts base) {
        List<OwnerRow> eligible = owners.stream().filter(o -> o.nTies() >= 3 * base.minSize())
                .filter(o -> Double.isFinite(o.get(OwnerMetric.BURST_SHARE))).toList();
        if (eligible.size() < MIN_OWNERS) {
            return List.of(kept("bursts.ownerShare", base.ownerShare(), eligible.size()),
                    kept("bursts.tieShare", base.tieShare(), eligible.size()),
                    kept("bursts.enabled", base.enabled() ? 1 : 0, eligible.size()));
        }
        List<OwnerRow> bursting = eligible.stream().filter(o -> o.get(OwnerMetric.BURST_SHARE) > 0).toList();
        double ownerShare = bursting.size() / (double) eligible.size();
        double tieShare = base.tieShare();
        int used = 0;
        for (int step = 0; step < 2; step++) {
            double smallest = 2.0 * base.minSize() / tieShare;
            double[] shares = bursting.stream().filter(o -> o.nTies() >= smallest)
                    .mapToDouble(o -> o.get(OwnerMetric.BURST_SHARE)).sorted().toArray();
            if (shares.length > 0) {
                tieShare = Arrays.stream(shares).average().orElse(tieShare);
                used = shares.length;
            }
        }
        return List.of(new Estimate("bursts.ownerShare", ownerShare, eligible.size(), true),
                used < MIN_OWNERS / 3 ? kept("bursts.tieShare", base.tieShare(), used)
                        : new Estimate("bursts.tieShare", tieShare, used, true),
                new Estimate("bursts.enabled", bursting.isEmpty() ? 0 : 1, eligible.size(), true));
    }

    /**
     * {@code timeline.tenureMinYears} and {@code timeline.tenureMaxYears}: the generator draws each owner's tenure
     * uniformly between them, so they are read from the 10 % and 90 % quantiles q₁, q₉ of the tenures:
     * min = q₁ − (q₉ − q₁)/8, max = q₉ + (q₉ − q₁)/8. A tenure is observation_days / 365.25 divided by 1 − E[first
     * tie's position], the expected share of the tenure before an owner's first tie when its n ties fall at
     * U^(1/g) of it (g = {@code timeline.growth}, from the base): n·B(1 + 1/g, n). Over owners with n_ties in
     * [ref/2, 2·ref]: big networks get longer tenures (the generator lengthens them), small ones start late.
     */
    static List<Estimate> tenure(List<OwnerRow> owners, GeneratorParams base) {
        double ref = base.sizes().refSize();
        double g = base.timeline().growth();
        double[] years = nearReference(owners, ref)
                .mapToDouble(o -> o.get(OwnerMetric.OBSERVATION_DAYS) / 365.25 / (1 - firstTieShare(o.nTies(), g)))
                .filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
        if (years.length < MIN_OWNERS) {
            return List.of(kept(TENURE_MIN, base.timeline().tenureMinYears(), years.length),
                    kept(TENURE_MAX, base.timeline().tenureMaxYears(), years.length));
        }
        double q1 = quantile(years, 0.1);
        double q9 = quantile(years, 0.9);
        double min = Math.max(1, q1 - (q9 - q1) / 8);
        double max = Math.max(min, q9 + (q9 - q1) / 8);
        return List.of(new Estimate(TENURE_MIN, min, years.length, true),
                new Estimate(TENURE_MAX, max, years.length, true));
    }

    /** E[min of n draws of U^(1/g)] = n·B(1 + 1/g, n) = Γ(n + 1)·Γ(1 + 1/g) / Γ(n + 1 + 1/g). */
    static double firstTieShare(long n, double g) {
        return Math.exp(Gamma.logGamma(n + 1.0) + Gamma.logGamma(1 + 1 / g) - Gamma.logGamma(n + 1 + 1 / g));
    }

    /** Owners with n_ties in [ref/2, 2·ref]. */
    private static java.util.stream.Stream<OwnerRow> nearReference(List<OwnerRow> owners, double ref) {
        return owners.stream().filter(o -> o.nTies() >= ref / 2 && o.nTies() <= 2 * ref);
    }

    private static Estimate median(String parameter, double baseValue, List<OwnerRow> owners,
                                   ToDoubleFunction<OwnerRow> value) {
        double[] v = owners.stream().mapToDouble(value).filter(Double::isFinite).sorted().toArray();
        return v.length < MIN_OWNERS ? kept(parameter, baseValue, v.length)
                : new Estimate(parameter, quantile(v, 0.5), v.length, true);
    }

    /** The interquartile range of ln(values) / (2·0.6745): σ of a log-normal. */
    private static double logSpread(double[] positive) {
        double[] logs = Arrays.stream(positive).map(Math::log).toArray();
        return (quantile(logs, 0.75) - quantile(logs, 0.25)) / (2 * QUARTILE_Z);
    }

    /** The type-7 quantile (R's default) of {@code values}. */
    static double quantile(double[] values, double p) {
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return q.evaluate(values, Math.max(1e-9, Math.min(100, 100 * p)));
    }

    private static Estimate kept(String parameter, double baseValue, int owners) {
        return new Estimate(parameter, baseValue, owners, false);
    }

    /** The estimates as a params patch ({@code {"sizes": {"median": 280.5, ...}, ...}}). */
    private static String patch(List<Estimate> estimates) {
        ObjectNode root = JSON.createObjectNode();
        for (Estimate e : estimates) {
            String[] path = e.parameter().split("\\.");
            ObjectNode group = root.has(path[0]) ? (ObjectNode) root.get(path[0]) : root.putObject(path[0]);
            if (path[1].equals("enabled")) {
                group.put(path[1], e.value() > 0);
            } else {
                group.put(path[1], e.value());
            }
        }
        return root.toString();
    }
}
