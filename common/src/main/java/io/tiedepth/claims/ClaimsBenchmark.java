package io.tiedepth.claims;

import io.tiedepth.generate.GeneratorParams;
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
 * (owner bootstrap, jackknife, Holm), per-platform claims, cohorts, curves, layers and the reports' suppression audit.
 * Spark's part of the stage (reading features, collecting the rows, writing tables) is not included. Prints one line
 * per step and the total, in seconds.
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
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<OwnerRow> rows = timed(seconds, "generate owner rows (not part of the stage)",
                () -> GeneratedOwners.rows(model, seed, owners, List.of("linkedin", "facebook")));
        ClaimInputs in = ClaimInputs.of(rows);
        List<ClaimResult> claims = timed(seconds, "claims C1-C10 (bootstrap, jackknife, Holm)",
                () -> Claims.evaluate(in, params));
        for (Claim c : Claims.ALL) {
            timed(seconds, "  of which " + c.id() + " alone", () -> c.evaluate(in, params));
        }
        timed(seconds, "per-platform claims", () -> PlatformClaims.evaluate(in, params));
        List<Cohorts.Cell> cohorts = timed(seconds, "cohorts", () -> Cohorts.compute(in, params));
        List<Curves.Point> curves = timed(seconds, "curves", () -> Curves.compute(in, params));
        List<LayerTable.Row> layers = timed(seconds, "layers", () -> LayerTable.compute(in));
        timed(seconds, "suppression audit",
                () -> ReportSuppression.decide(in, cohorts, curves, layers, claims, params));
        double stage = seconds.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("generate") && !e.getKey().startsWith("  of which"))
                .mapToDouble(Map.Entry::getValue).sum();
        System.out.printf(Locale.ROOT, "claims benchmark: %,d owners, %,d resamples, %d cores%n", owners, resamples,
                Runtime.getRuntime().availableProcessors());
        seconds.forEach((step, s) -> System.out.printf(Locale.ROOT, "  %-48s %8.1f s%n", step, s));
        System.out.printf(Locale.ROOT, "  %-48s %8.1f s%n", "claims stage on the driver (all but generate)", stage);
        List<String> verdicts = new ArrayList<>();
        claims.forEach(c -> verdicts.add(c.claimId() + " " + c.verdict().label()));
        System.out.println("  verdicts: " + String.join(", ", verdicts));
    }

    private static <T> T timed(Map<String, Double> seconds, String step, Supplier<T> work) {
        long start = System.nanoTime();
        T out = work.get();
        seconds.put(step, (System.nanoTime() - start) / 1e9);
        return out;
    }
}
