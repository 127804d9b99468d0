package io.tiedepth.claims;

import io.tiedepth.claims.Disclosure.Part;
import io.tiedepth.claims.Disclosure.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which per-platform cells one report hides ({@link Disclosure#hiddenParts}), decided from counts alone so that the
 * claims stage ({@code claims.csv}, {@code published.csv}) and the report stage (the pages) decide the same:
 * <ul>
 *   <li><b>the platform table</b> (owners, exports, ties and interactions per platform, and their total): the
 *       platforms are the parts. A platform with claim rows of its own is hidden only as a last resort.</li>
 *   <li><b>per-platform figures of a hidden platform</b>: none is published. Its claim rows count its owners, or all
 *       but a few of them, and their ties ({@code n_ties}: all of them when the few have no ties), so the table's
 *       total minus the platforms shown minus such a row gave the other hidden platforms' ties exactly, and their
 *       owners with the few. Its claim rows are hidden, as are its groups of {@code published.csv}
 *       ({@link PublishedResults}).</li>
 *   <li><b>per-platform claim rows</b>: for each claim, the owners of each platform's row add up, with the owners of
 *       the platforms left out (fewer than min_owners: no row), to the pooled row's owners. The rows of hidden
 *       platforms and the left-out owners are parts no row shows; when they come to 1 to k_min − 1 owners, the
 *       smallest platform row of that claim is hidden too.</li>
 * </ul>
 */
public final class PlatformSuppression {
    /** What the name of an owner count in {@code extra} contains. */
    private static final String OWNERS = "owners";

    private PlatformSuppression() {
    }

    /** One row of the claims table: a claim's owners on one platform ({@link PlatformClaims#POOLED}: all). */
    public record ClaimCount(String platform, String claimId, long owners) {
    }

    /** A claim row by platform and claim. */
    public record RowKey(String platform, String claimId) {
    }

    /** The platforms whose row of the platform table is hidden, and the claim rows hidden beyond k_min. */
    public record Decision(Set<String> platforms, Set<RowKey> claimRows) {
        public Decision {
            platforms = Set.copyOf(platforms);
            claimRows = Set.copyOf(claimRows);
        }

        public boolean hidesPlatform(String platform) {
            return platforms.contains(platform);
        }

        /** Whether a claim row is hidden: below k_min, with its platform, or as a complement. */
        public boolean hidesClaim(String platform, String claimId, long owners, int kMin) {
            return ReportCsv.suppressed(owners, kMin) || platforms.contains(platform)
                    || claimRows.contains(new RowKey(platform, claimId));
        }
    }

    /**
     * @param platformOwners the owners of each platform of the platform table (any order)
     * @param claims the pooled and per-platform claim rows
     */
    public static Decision decide(Map<String, Long> platformOwners, List<ClaimCount> claims, int kMin) {
        Set<String> platforms = hiddenPlatforms(platformOwners, claims, kMin);
        return new Decision(platforms, claimComplements(claims, platforms, kMin));
    }

    /** The platform table's rows to hide: a platform with claim rows of its own last, since they go with it. */
    private static Set<String> hiddenPlatforms(Map<String, Long> platformOwners, List<ClaimCount> claims, int kMin) {
        List<String> names = new ArrayList<>(platformOwners.keySet());
        Set<String> withRows = new HashSet<>();
        claims.stream().filter(c -> !c.platform().equals(PlatformClaims.POOLED))
                .forEach(c -> withRows.add(c.platform()));
        List<Part> parts = new ArrayList<>();
        for (String p : names) {
            parts.add(new Part(platformOwners.get(p), withRows.contains(p) ? Role.LAST_RESORT : Role.SHOWN));
        }
        Set<String> out = new HashSet<>();
        Disclosure.hiddenParts(parts, kMin).forEach(i -> out.add(names.get(i)));
        return out;
    }

    /** The claims stage's decision: platform owners are the distinct owners of each platform's rows. */
    public static Decision decide(ClaimInputs in, List<PlatformClaims.Row> rows, int kMin) {
        Map<String, Set<String>> owners = new java.util.TreeMap<>();
        in.rows().forEach(r -> owners.computeIfAbsent(r.platform() == null ? "" : r.platform(),
                p -> new HashSet<>()).add(r.ownerId()));
        Map<String, Long> counts = new LinkedHashMap<>();
        owners.forEach((p, ids) -> counts.put(p, (long) ids.size()));
        return decide(counts, counts(rows), kMin);
    }

    /** The owner counts of claim rows. */
    public static List<ClaimCount> counts(List<PlatformClaims.Row> rows) {
        return rows.stream().map(r -> new ClaimCount(r.platform(), r.claim().claimId(), r.claim().nOwners()))
                .toList();
    }

    /**
     * The owner counts in per-platform rows' {@code extra} (names with "owners": C6's mega and comparison owners,
     * C10's owners per size class, C4's owners without requests) that must read "suppressed", as "claim/name": they
     * add up over the platforms, with the platforms left out, to the pooled row's. A name is hidden on every platform
     * when one platform's count is already hidden (the pooled count minus the others would give it) or when the
     * left-out owners come to 1 to k_min − 1. A row hidden whole (a complement, or of a hidden platform) is counted
     * as if shown, which hides more, never less: a count of its of 1 to k_min − 1 reads "fewer than k_min" and hides
     * the name everywhere, one of at least k_min keeps the pooled count minus the rows shown at k_min or more.
     */
    public static Set<String> hiddenExtraCounts(List<PlatformClaims.Row> rows, int kMin) {
        Map<String, Map<String, String>> pooled = new LinkedHashMap<>();
        rows.stream().filter(r -> r.platform().equals(PlatformClaims.POOLED))
                .forEach(r -> pooled.put(r.claim().claimId(), r.claim().extra()));
        Map<String, List<String>> perPlatform = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.platform().equals(PlatformClaims.POOLED)).forEach(r -> r.claim().extra()
                .forEach((name, value) -> {
                    if (name.contains(OWNERS)) {
                        perPlatform.computeIfAbsent(r.claim().claimId() + "/" + name, k -> new ArrayList<>())
                                .add(value);
                    }
                }));
        Set<String> out = new HashSet<>();
        perPlatform.forEach((key, values) -> {
            int slash = key.indexOf('/');
            String total = pooled.getOrDefault(key.substring(0, slash), Map.of()).get(key.substring(slash + 1));
            if (givesAway(total, values, kMin)) {
                out.add(key);
            }
        });
        return out;
    }

    /** Whether the platforms' counts, with the pooled one, give a hidden count or the left-out owners away. */
    private static boolean givesAway(String pooled, List<String> platforms, int kMin) {
        if (platforms.stream().anyMatch(v -> !isCount(v))) {
            return true;
        }
        if (!isCount(pooled)) {
            return false;
        }
        long rest = Long.parseLong(pooled) - platforms.stream().mapToLong(Long::parseLong).sum();
        return ReportCsv.suppressed(rest, kMin);
    }

    private static boolean isCount(String v) {
        return v != null && v.matches("\\d+");
    }

    /**
     * Per claim: the platform rows and the left-out owners as parts of the pooled row, the rows of hidden platforms
     * hidden from the start.
     */
    private static Set<RowKey> claimComplements(List<ClaimCount> claims, Set<String> hiddenPlatforms, int kMin) {
        Map<String, Long> pooled = new LinkedHashMap<>();
        Map<String, List<ClaimCount>> perPlatform = new LinkedHashMap<>();
        for (ClaimCount c : claims) {
            if (c.platform().equals(PlatformClaims.POOLED)) {
                pooled.put(c.claimId(), c.owners());
            } else {
                perPlatform.computeIfAbsent(c.claimId(), id -> new ArrayList<>()).add(c);
            }
        }
        Set<RowKey> out = new HashSet<>();
        perPlatform.forEach((id, rows) -> {
            List<Part> parts = new ArrayList<>();
            rows.forEach(c -> parts.add(new Part(c.owners(), hiddenPlatforms.contains(c.platform())
                    ? Role.UNPUBLISHED : Role.SHOWN)));
            long shown = rows.stream().mapToLong(ClaimCount::owners).sum();
            parts.add(new Part(Math.max(0, pooled.getOrDefault(id, shown) - shown), Role.UNPUBLISHED));
            for (int i : Disclosure.hiddenParts(parts, kMin)) {
                if (i < rows.size()) {
                    out.add(key(rows.get(i)));
                }
            }
        });
        return out;
    }

    private static RowKey key(ClaimCount c) {
        return new RowKey(c.platform(), c.claimId());
    }
}
