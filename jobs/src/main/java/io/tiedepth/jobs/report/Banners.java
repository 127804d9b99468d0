package io.tiedepth.jobs.report;

import io.tiedepth.jobs.report.ReportModel.Banner;
import io.tiedepth.jobs.report.ReportModel.PlatformCount;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Fmt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The cautions shown at the top of the report (and in report.md and the console summary) when the data call for
 * them: synthetic donations, relative times, mixed platforms, estimates carried by few owners. Pure functions of
 * counts the report job collects.
 */
final class Banners {
    /**
     * Window starts before this instant look relative when the exports table has no {@link #TIME_ORIGIN}: network
     * datasets whose times count from an unpublished study start are read with the UNIX epoch as origin, so they
     * land in the 1970s. No real export of a platform this tool reads starts before 1990.
     */
    static final Instant RELATIVE_BEFORE = Instant.parse("1990-01-01T00:00:00Z");

    /**
     * The exports column that says whether an export's times are relative (value {@link #RELATIVE}), written by
     * network readers that know it from their descriptor ({@code "time_origin": "relative"}); absent in warehouses
     * written before it, null for exports that do not say.
     */
    static final String TIME_ORIGIN = io.tiedepth.schema.Columns.TIME_ORIGIN;
    static final String RELATIVE = "relative";

    static final String SYNTHETIC = "synthetic";
    static final String RELATIVE_TIME = "relative_time";
    static final String MIXED_PLATFORMS = "mixed_platforms";
    static final String FEW_EFFECTIVE_OWNERS = "few_effective_owners";

    private Banners() {
    }

    /**
     * Whether an export's times are relative to an arbitrary origin: its {@code time_origin} when it has one, else
     * a window starting before 1990.
     */
    static boolean looksRelative(String timeOrigin, Instant windowStart) {
        if (timeOrigin != null) {
            return timeOrigin.equals(RELATIVE);
        }
        return windowStart != null && windowStart.isBefore(RELATIVE_BEFORE);
    }

    /**
     * The banners, in this order, each only when its condition holds.
     *
     * @param analysed exports analysed (status ok)
     * @param synthetic of those, exports carrying the generator's marker (warning {@code synthetic_export})
     * @param relative of those, exports whose times are {@link #looksRelative relative}
     * @param platforms per-platform counts; owners on two or more platforms make the mixed-platform banner
     * @param perPlatformEstimates whether the claims were also estimated per platform
     * @param hiddenPlatform platforms whose owner count the platform table hides: the banner names them without it
     */
    static List<Banner> of(long analysed, long synthetic, long relative, List<PlatformCount> platforms,
                           boolean perPlatformEstimates, Predicate<String> hiddenPlatform) {
        List<Banner> out = new ArrayList<>();
        if (synthetic > 0) {
            out.add(new Banner(SYNTHETIC, "synthetic data", "Synthetic data: " + share(synthetic, analysed) + " analysed exports were "
                    + "written by tiedepth generate (they carry its marker file). Their results describe the "
                    + "generator's model, not real people."));
        }
        if (relative > 0) {
            out.add(new Banner(RELATIVE_TIME, "relative times", "Relative times: " + share(relative, analysed) + " analysed exports "
                    + "have relative times (offsets from an unpublished study start, shown as dates before 1990): "
                    + "their calendar dates (observation window, months of reactivations) are not meaningful; durations and counts "
                    + "are."));
        }
        List<PlatformCount> withOwners = platforms.stream().filter(p -> p.owners() > 0).toList();
        if (withOwners.size() >= 2) {
            out.add(new Banner(MIXED_PLATFORMS, "mixed platforms", "Mixed platforms: owners come from " + withOwners.stream()
                    .map(p -> p.platform() + " (" + (hiddenPlatform.test(p.platform()) ? ReportText.SUPPRESSED
                            : ReportText.count(p.owners())) + ")")
                    .collect(Collectors.joining(", ")) + ". Pooled estimates mix platforms whose exports measure "
                    + "different things (connections, friends or follows; messages, calls or replies); "
                    + (perPlatformEstimates ? "per-platform estimates are under the claims."
                    : "fewer than two platforms have enough owners for per-platform estimates.")));
        }
        return out;
    }

    /**
     * The banner for claims whose interval rests on few owners: pooled claims whose {@code interval_df} (the
     * jackknife's effective degrees of freedom, {@link ClaimResult#INTERVAL_DF}) is below
     * {@link ClaimResult#FEW_EFFECTIVE_OWNERS}, in the order of {@code intervalDf}; empty when there are none.
     */
    static Optional<Banner> fewEffectiveOwners(Map<String, Double> intervalDf) {
        List<String> few = intervalDf.entrySet().stream()
                .filter(e -> e.getValue() < ClaimResult.FEW_EFFECTIVE_OWNERS)
                .map(e -> e.getKey() + " (" + Fmt.num(e.getValue()) + ")").toList();
        if (few.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Banner(FEW_EFFECTIVE_OWNERS, "few owners carry an estimate", "Few owners carry "
                + String.join(", ", few) + ": the figure in brackets is the effective number of owners behind the "
                + "estimate (degrees of freedom of its interval). Such an estimate rests on a handful of donors, "
                + "typically the largest networks; its interval uses Student's t with that many degrees of freedom "
                + "and its verdict can turn on one donor."));
    }

    private static String share(long part, long whole) {
        return part == whole ? "all " + ReportText.count(whole) : ReportText.count(part) + " of "
                + ReportText.count(whole);
    }
}
