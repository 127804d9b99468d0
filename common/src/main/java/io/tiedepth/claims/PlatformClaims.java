package io.tiedepth.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The claims estimated separately on the owners of each platform, beside the pooled estimate: the exports of
 * different platforms measure different things (a LinkedIn connection is not a Facebook friend, messages are not
 * calls), so a pooled estimate can be a blend that holds on no platform.
 *
 * <p>Rule: when at least two platforms each have {@code minOwners} owners or more, every claim is evaluated with
 * {@link Claims#evaluate} on the owners of each such platform, Holm applied within each platform's family of claims;
 * otherwise there are no per-platform rows. Platforms below {@code minOwners} appear only in the pooled rows. Each
 * platform's bootstrap and permutation streams come from the seed {@code seedFor("platform/" + platform)}, so they
 * differ from the pooled streams, and the pooled results are the same whether or not per-platform rows are added.
 */
public final class PlatformClaims {
    /** The {@code platform} value of the pooled rows. */
    public static final String POOLED = "all";

    private PlatformClaims() {
    }

    /** One row of {@code stats/claims}: a claim's result on the owners of {@code platform} ({@link #POOLED}: all). */
    public record Row(String platform, ClaimResult claim) {
    }

    /** Platforms with at least {@code minOwners} owners, sorted; empty unless there are two or more of them. */
    public static List<String> eligible(ClaimInputs inputs, int minOwners) {
        Map<String, List<OwnerRow>> byPlatform = byPlatform(inputs);
        List<String> out = new ArrayList<>();
        byPlatform.forEach((platform, rows) -> {
            if (ClaimInputs.of(rows).owners() >= minOwners) {
                out.add(platform);
            }
        });
        return out.size() >= 2 ? List.copyOf(out) : List.of();
    }

    /** The parameters of one platform's evaluation: the same, with the platform's own seed. */
    public static ClaimParams paramsFor(ClaimParams params, String platform) {
        return params.withSeed(params.seedFor("platform/" + platform));
    }

    /** The claims of each {@link #eligible} platform, in platform order (empty when fewer than two are eligible). */
    public static Map<String, List<ClaimResult>> evaluate(ClaimInputs inputs, ClaimParams params) {
        return evaluate(Claims.ALL, inputs, params, false).perPlatform();
    }

    /**
     * The pooled claims ({@link Claims#evaluate(ClaimInputs, ClaimParams)}) and each platform's ({@link #evaluate}),
     * evaluated in one parallel pass ({@link Claims#evaluate(List, List)}): the same results as the two calls one
     * after the other, in less time on several cores.
     */
    public static Evaluated evaluateWithPooled(ClaimInputs inputs, ClaimParams params) {
        return evaluate(Claims.ALL, inputs, params, true);
    }

    /**
     * {@link #evaluateWithPooled(ClaimInputs, ClaimParams)} of another family of claims (e.g.
     * {@link Claims#WITHIN_OWNER}): Holm is applied within {@code claims} only, on the pooled owners and on each
     * eligible platform's, so the results of other families do not change.
     */
    public static Evaluated evaluateWithPooled(List<Claim> claims, ClaimInputs inputs, ClaimParams params) {
        return evaluate(claims, inputs, params, true);
    }

    /**
     * A family that cannot be evaluated on this warehouse (its input table is missing): every claim not testable
     * with {@code reason}, pooled and on each {@link #eligible} platform, so its rows stand where they would.
     */
    public static Evaluated notTestable(List<Claim> claims, ClaimInputs inputs, ClaimParams params, String reason) {
        Map<String, List<OwnerRow>> byPlatform = byPlatform(inputs);
        Map<String, List<ClaimResult>> out = new LinkedHashMap<>();
        for (String platform : eligible(inputs, params.minOwners())) {
            out.put(platform, notTestableFamily(claims, ClaimInputs.of(byPlatform.get(platform)),
                    paramsFor(params, platform), reason));
        }
        return new Evaluated(notTestableFamily(claims, inputs, params, reason), out);
    }

    private static List<ClaimResult> notTestableFamily(List<Claim> claims, ClaimInputs in, ClaimParams params,
                                                       String reason) {
        List<ClaimResult> raw = claims.stream()
                .map(c -> ClaimResult.notTestable(c, params, reason, in.size(), in.ties(), Map.of())).toList();
        return Claims.adjust(raw, params.alpha());
    }

    /**
     * The claims of the pooled owners and of each eligible platform.
     *
     * @param pooled the pooled claims (empty when not asked for)
     * @param perPlatform each platform's claims, in platform order (empty when fewer than two are eligible)
     */
    public record Evaluated(List<ClaimResult> pooled, Map<String, List<ClaimResult>> perPlatform) {

        /**
         * This family's results followed by {@code next}'s (another family on the same owners): pooled after pooled,
         * each platform's after the same platform's. Each family keeps its own Holm adjustment.
         */
        public Evaluated then(Evaluated next) {
            List<ClaimResult> both = new ArrayList<>(pooled);
            both.addAll(next.pooled());
            Map<String, List<ClaimResult>> platforms = new LinkedHashMap<>();
            perPlatform.forEach((platform, claims) -> {
                List<ClaimResult> rows = new ArrayList<>(claims);
                rows.addAll(next.perPlatform().getOrDefault(platform, List.of()));
                platforms.put(platform, List.copyOf(rows));
            });
            return new Evaluated(List.copyOf(both), platforms);
        }
    }

    private static Evaluated evaluate(List<Claim> claims, ClaimInputs inputs, ClaimParams params,
                                      boolean withPooled) {
        Map<String, List<OwnerRow>> byPlatform = byPlatform(inputs);
        List<String> platforms = eligible(inputs, params.minOwners());
        List<Claims.Family> families = new ArrayList<>();
        if (withPooled) {
            families.add(new Claims.Family(inputs, params));
        }
        for (String platform : platforms) {
            families.add(new Claims.Family(ClaimInputs.of(byPlatform.get(platform)), paramsFor(params, platform)));
        }
        List<List<ClaimResult>> results = Claims.evaluate(claims, families);
        Map<String, List<ClaimResult>> out = new LinkedHashMap<>();
        int first = withPooled ? 1 : 0;
        for (int i = 0; i < platforms.size(); i++) {
            out.put(platforms.get(i), results.get(first + i));
        }
        return new Evaluated(withPooled ? results.get(0) : List.of(), out);
    }

    /** The rows of {@code stats/claims}: the pooled claims ({@link #POOLED}) first, then each platform's. */
    public static List<Row> rows(List<ClaimResult> pooled, Map<String, List<ClaimResult>> perPlatform) {
        List<Row> out = new ArrayList<>();
        pooled.forEach(c -> out.add(new Row(POOLED, c)));
        perPlatform.forEach((platform, claims) -> claims.forEach(c -> out.add(new Row(platform, c))));
        return out;
    }

    private static Map<String, List<OwnerRow>> byPlatform(ClaimInputs inputs) {
        Map<String, List<OwnerRow>> out = new TreeMap<>();
        for (OwnerRow r : inputs.rows()) {
            out.computeIfAbsent(r.platform() == null ? "" : r.platform(), p -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
