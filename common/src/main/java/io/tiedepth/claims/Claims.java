package io.tiedepth.claims;

import io.tiedepth.stats.Multiplicity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The claims of DESIGN §7 as data, and their joint evaluation with the family-wise (Holm) adjustment.
 *
 * <p>Verdict rule, in two steps. (1) Each claim applies its interval rule to its 95 % owner-bootstrap interval:
 * supported when the interval lies on the claimed side of the null value, contradicted when it lies on the other
 * side, inconclusive when it spans it ({@link Verdict#byInterval}). (2) Holm (1979) over the p-values of the
 * testable claims; a supported or contradicted claim whose Holm-adjusted p is not below alpha (0.05) becomes
 * inconclusive, with the reason saying so. Since the bootstrap p-value is the inversion of the percentile interval
 * (p &lt; 0.05 exactly when the 95 % interval excludes the null value, up to the +1 correction), step (2) is what
 * makes the family of verdicts hold its 5 % family-wise error rate.
 */
public final class Claims {

    /**
     * Version of the claim definitions; bump it when a statistic, a threshold default or a verdict rule changes, so
     * that results of different runs are compared only when they mean the same thing.
     */
    public static final String DEFINITION_VERSION = "claims-4";

    /** C1..C10 in order. */
    public static final List<Claim> ALL = List.of(new C1DiminishingReturns(), new C2DunbarCeiling(),
            new C3YesToAll(), new C4DominoEffect(), new C5ValueFollowsEffort(), new C6MegaNetworkers(),
            new C7ContactsVsConnections(), new C8DormantTiesWakeTogether(), new C9DeliberateInvitations(),
            new C10ValuePerConnection());

    /**
     * The within-owner claims on the monthly panels (issue 17): evaluated and tested like the others, but not yet in
     * {@link #ALL}, so not in the Holm family nor in {@code claims.csv}.
     */
    public static final List<Claim> WITHIN_OWNER = List.of(new C11WithinOwnerReturns(), new C12GrowByAccepting());

    private Claims() {
    }

    /** {@link #evaluate(List, ClaimInputs, ClaimParams)} of {@link #ALL}. */
    public static List<ClaimResult> evaluate(ClaimInputs inputs, ClaimParams params) {
        return evaluate(ALL, inputs, params);
    }

    /**
     * Evaluates each claim on the owners whose data can test it ({@link Reasons#admitted}; not testable with the
     * first failing condition when none can, {@link Reasons#ruledOut}), then applies the Holm adjustment and its
     * verdict step (class javadoc). The claims are evaluated in parallel on the machine's cores ({@link #evaluate(List,
     * List)}): each draws from its own random streams, so the results do not depend on the order or the number of
     * cores.
     */
    public static List<ClaimResult> evaluate(List<Claim> claims, ClaimInputs inputs, ClaimParams params) {
        return evaluate(claims, List.of(new Family(inputs, params))).get(0);
    }

    /** Claims evaluated together and Holm-adjusted together: on these owners, with these parameters (and seed). */
    public record Family(ClaimInputs inputs, ClaimParams params) {
    }

    /**
     * {@link #evaluate(List, ClaimInputs, ClaimParams)} of several families at once (the pooled owners and each
     * platform's, {@link PlatformClaims#evaluateWithPooled}): every (family, claim) pair is one task on a pool of one
     * thread per core, so a family's slow claims overlap with the others' instead of each family waiting for its
     * slowest claim. Each task draws from its own streams, so the results equal those of the families evaluated one
     * after another, one claim at a time. Returns each family's adjusted results, in the order given.
     */
    public static List<List<ClaimResult>> evaluate(List<Claim> claims, List<Family> families) {
        List<Callable<ClaimResult>> tasks = new ArrayList<>();
        for (Family f : families) {
            for (Claim c : claims) {
                tasks.add(() -> evaluate(c, f.inputs(), f.params()));
            }
        }
        List<ClaimResult> raw = inParallel(tasks);
        List<List<ClaimResult>> out = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            out.add(adjust(raw.subList(f * claims.size(), (f + 1) * claims.size()), families.get(f).params().alpha()));
        }
        return out;
    }

    /** One claim before the Holm step: its own evaluation on the owners it admits, or not testable. */
    private static ClaimResult evaluate(Claim c, ClaimInputs inputs, ClaimParams params) {
        String ruledOut = Reasons.ruledOut(c.id(), inputs, params);
        return ruledOut != null ? ClaimResult.notTestable(c, params, ruledOut, inputs.size(), inputs.ties(), Map.of())
                : c.evaluate(Reasons.admitted(c.id(), inputs), params);
    }

    /** Runs the tasks on one thread per core, results in task order; a task's failure is rethrown as it was. */
    private static <T> List<T> inParallel(List<Callable<T>> tasks) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "tiedepth-claims-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Cannot evaluate the claims: interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Cannot evaluate the claims: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Holm-adjusts the p-values of the testable results, applies the family-wise verdict step, and gives each result
     * with a normal-theory interval the interval <b>adjusted like its verdict</b>: the interval of level
     * 1 − α·p/p_holm. Since that interval excludes θ₀ exactly when p &lt; α·p/p_holm, i.e. when p_holm &lt; α, an
     * adjusted interval that excludes the null value always stands beside a decided verdict and one that contains it
     * beside "inconclusive". For the claim with the smallest p it is the Bonferroni interval 1 − α/m.
     */
    public static List<ClaimResult> adjust(List<ClaimResult> raw, double alpha) {
        double[] p = new double[raw.size()];
        for (int i = 0; i < p.length; i++) {
            ClaimResult r = raw.get(i);
            p[i] = r.testable() ? r.pValue() : Double.NaN;
        }
        double[] holm = Multiplicity.holm(p);
        List<ClaimResult> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            ClaimResult r = raw.get(i);
            Verdict v = r.verdict();
            String reason = r.reason();
            boolean decided = v == Verdict.SUPPORTED || v == Verdict.CONTRADICTED;
            if (decided && !(holm[i] < alpha)) {
                reason = "would be " + v.label() + " by its own interval, but the Holm-adjusted p = "
                        + Fmt.p(holm[i]) + " is not below " + Fmt.num(alpha) + " across the "
                        + countTestable(p) + " testable claims";
                v = Verdict.INCONCLUSIVE;
            }
            double level = adjustedLevel(p[i], holm[i], alpha);
            double[] interval = r.inference() == null || Double.isNaN(level) ? new double[] {Double.NaN, Double.NaN}
                    : r.inference().atLevel(level);
            out.add(r.withHolm(holm[i], interval, level, v, reason));
        }
        return out;
    }

    /** 1 − α·p/p_holm (NaN without a p-value; for p = 0, where the ratio is undefined, 1 − α/m is not needed: 1). */
    static double adjustedLevel(double p, double pHolm, double alpha) {
        if (Double.isNaN(p) || Double.isNaN(pHolm)) {
            return Double.NaN;
        }
        double ratio = pHolm > 0 ? p / pHolm : 1.0;
        return Math.min(1 - 1e-15, 1 - alpha * ratio);
    }

    private static int countTestable(double[] p) {
        int m = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        return m;
    }
}
