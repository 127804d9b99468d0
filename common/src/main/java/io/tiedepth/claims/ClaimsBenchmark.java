package io.tiedepth.claims;

import io.tiedepth.generate.GeneratorParams;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The claims stage's own work at study scale ({@code scripts/claims-bench.sh}; issue "claims over 100,000 owners"):
 * owner rows drawn from the generator's model in memory (the per-owner metrics the claims stage collects to the
 * driver), then every step the stage computes on them, timed one after another on the same rows: the ten claims
 * (owner bootstrap, jackknife, Holm) on all owners and per platform, in one parallel pass as the stage runs them,
 * cohorts, curves, layers and the reports' suppression audit; then each claim alone on all owners, on one core (for
 * the profile, not part of the stage). Spark's part of the stage (reading features, collecting the rows, writing
 * tables) is not included. Prints one line per step and the total: wall-clock seconds, and the CPU seconds of the
 * whole process (all threads; on a machine shared with other work, CPU time varies less than wall time).
 */
public final class ClaimsBenchmark {
    private ClaimsBenchmark() {
    }

    /** {@code ClaimsBenchmark [owners] [resamples] [seed]} (defaults 100,000, 1,000, 1). */
    public static void main(String[] args) {
        int owners = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        GeneratorParams model = GeneratorParams.DEFAULTS;
        ClaimParams params = GeneratedOwners.claimParams(model).withResamples(resamples);
        Map<String, double[]> seconds = new LinkedHashMap<>();
        List<OwnerRow> rows = timed(seconds, "generate owner rows (not part of the stage)",
                () -> GeneratedOwners.rows(model, seed, owners, List.of("linkedin", "facebook")));
        ClaimInputs in = ClaimInputs.of(rows);
        List<ClaimResult> claims = timed(seconds, "claims C1-C10, pooled and per platform",
                () -> PlatformClaims.evaluateWithPooled(in, params)).pooled();
        List<Cohorts.Cell> cohorts = timed(seconds, "cohorts", () -> Cohorts.compute(in, params));
        List<Curves.Point> curves = timed(seconds, "curves", () -> Curves.compute(in, params));
        List<LayerTable.Row> layers = timed(seconds, "layers", () -> LayerTable.compute(in));
        timed(seconds, "suppression audit",
                () -> ReportSuppression.decide(in, cohorts, curves, layers, claims, params));
        for (Claim c : Claims.ALL) {
            timed(seconds, "  " + c.id() + " alone, all owners, one core", () -> c.evaluate(in, params));
        }
        double[] stage = new double[2];
        seconds.forEach((step, s) -> {
            if (!step.startsWith("generate") && !step.startsWith("  ")) {
                stage[0] += s[0];
                stage[1] += s[1];
            }
        });
        System.out.printf(Locale.ROOT, "claims benchmark: %,d owners, %,d resamples, %d cores%n", owners, resamples,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  %-48s %8s %9s%n", "step", "wall", "CPU");
        seconds.forEach((step, s) -> System.out.printf(Locale.ROOT, "  %-48s %8.1f s %7.1f s%n", step, s[0], s[1]));
        System.out.printf(Locale.ROOT, "  %-48s %8.1f s %7.1f s%n", "claims stage on the driver (all but generate)",
                stage[0], stage[1]);
        List<String> verdicts = new ArrayList<>();
        claims.forEach(c -> verdicts.add(c.claimId() + " " + c.verdict().label()));
        System.out.println("  verdicts: " + String.join(", ", verdicts));
    }

    private static <T> T timed(Map<String, double[]> seconds, String step, Supplier<T> work) {
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        T out = work.get();
        seconds.put(step, new double[] {(System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu) / 1e9});
        return out;
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
