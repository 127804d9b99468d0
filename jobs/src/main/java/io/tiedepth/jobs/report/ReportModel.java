package io.tiedepth.jobs.report;

import io.tiedepth.claims.Claims;
import io.tiedepth.claims.PanelCurve;
import io.tiedepth.claims.PlatformSuppression;
import io.tiedepth.claims.PublishedResults;
import io.tiedepth.claims.ReportCsv;
import io.tiedepth.claims.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the research report shows, as plain values collected from a warehouse's stored outputs (stats tables,
 * canonical tables, features, the run manifest). Pure data: the renderers ({@link HtmlReport},
 * {@link MarkdownReport}) and {@link Charts} need nothing else, so the page is unit-testable without Spark.
 * Lists are sorted by the builder; NaN means "no value".
 */
public record ReportModel(Header header, List<Banner> banners, List<ClaimRow> claims, List<ClaimRow> platformClaims,
                          List<OwnerPoint> owners, List<CurvePoint> curves, double breakpoint, List<DepthMix> depth,
                          List<LayerRow> layers, List<ResponseRow> response, List<MonthCount> reactivations,
                          List<CohortRow> cohorts, List<PublishedRow> published, List<PanelCurve.Point> panelCurve) {

    /** A model without the published-results table (warehouses written before it existed). */
    public ReportModel(Header header, List<Banner> banners, List<ClaimRow> claims, List<ClaimRow> platformClaims,
                       List<OwnerPoint> owners, List<CurvePoint> curves, double breakpoint, List<DepthMix> depth,
                       List<LayerRow> layers, List<ResponseRow> response, List<MonthCount> reactivations,
                       List<CohortRow> cohorts) {
        this(header, banners, claims, platformClaims, owners, curves, breakpoint, depth, layers, response,
                reactivations, cohorts, List.of());
    }

    /** A model without the within-owner chart (warehouses written before features/panels existed). */
    public ReportModel(Header header, List<Banner> banners, List<ClaimRow> claims, List<ClaimRow> platformClaims,
                       List<OwnerPoint> owners, List<CurvePoint> curves, double breakpoint, List<DepthMix> depth,
                       List<LayerRow> layers, List<ResponseRow> response, List<MonthCount> reactivations,
                       List<CohortRow> cohorts, List<PublishedRow> published) {
        this(header, banners, claims, platformClaims, owners, curves, breakpoint, depth, layers, response,
                reactivations, cohorts, published, List.of());
    }

    public ReportModel {
        banners = List.copyOf(banners);
        claims = List.copyOf(claims);
        platformClaims = List.copyOf(platformClaims);
        owners = List.copyOf(owners);
        curves = List.copyOf(curves);
        depth = List.copyOf(depth);
        layers = List.copyOf(layers);
        response = List.copyOf(response);
        reactivations = List.copyOf(reactivations);
        cohorts = List.copyOf(cohorts);
        published = List.copyOf(published);
        panelCurve = List.copyOf(panelCurve);
    }

    /**
     * One row of stats/published: a published figure beside what tiedepth finds in one dataset group.
     * {@code suppressed}: the reports hide it (below k_min, or as a complement: {@code PublishedResults}).
     */
    public record PublishedRow(String group, String source, String measure, String published, String found,
                               long owners, boolean suppressed) {
    }

    /**
     * The run the page describes. {@code windowStart}/{@code windowEnd}: ISO dates of the exports with calendar
     * times, or empty. {@code relativeSpan}: for exports whose times are offsets from an unknown start
     * ({@code time_origin} relative), how long they are observed, as a duration (never a 1970 date); empty when
     * there are none.
     */
    public record Header(String runDate, String runId, String tiedepthVersion, String keyFingerprint, String seed,
                         int kMin, String windowStart, String windowEnd, List<PlatformCount> platforms,
                         long rejectedRecords, List<ReasonCount> rejectReasons, String relativeSpan) {
        public Header {
            platforms = List.copyOf(platforms);
            rejectReasons = List.copyOf(rejectReasons);
            relativeSpan = relativeSpan == null ? "" : relativeSpan;
        }

        /** A header without relative-time exports. */
        public Header(String runDate, String runId, String tiedepthVersion, String keyFingerprint, String seed,
                      int kMin, String windowStart, String windowEnd, List<PlatformCount> platforms,
                      long rejectedRecords, List<ReasonCount> rejectReasons) {
            this(runDate, runId, tiedepthVersion, keyFingerprint, seed, kMin, windowStart, windowEnd, platforms,
                    rejectedRecords, rejectReasons, "");
        }
    }

    /** Exports (ok / rejected as a whole), analysed owners, ties and interactions of one platform. */
    public record PlatformCount(String platform, long exports, long exportsRejected, long owners, long ties,
                                long interactions) {
    }

    public record ReasonCount(String reasonCode, long count) {
    }

    /** A caution shown at the top of the page ({@link Banners}): its kind, a short title and its text. */
    public record Banner(String kind, String title, String text) {
    }

    /**
     * One claim of stats/claims, on all owners ({@code platform} "all") or on one platform's. The adjusted interval
     * ({@code ciLowAdjusted}, {@code ciHighAdjusted}) is the one of level {@code adjustedLevel} = 1 − α·p/p_holm,
     * which excludes the null value exactly when the verdict is decided; NaN when the claim has none (C8).
     */
    public record ClaimRow(String id, String platform, String seeds, String statement, String statistic,
                           double estimate, double ciLow, double ciHigh, double ciLowAdjusted, double ciHighAdjusted,
                           double adjustedLevel, double nullValue, double pHolm, long nOwners, String verdict,
                           String reason) {
        /** Whether the row has an adjusted interval to show. */
        public boolean hasAdjusted() {
            return !Double.isNaN(ciLowAdjusted) && !Double.isNaN(ciHighAdjusted) && !Double.isNaN(adjustedLevel);
        }
    }

    /** One analysed owner: its tie counts (chart 1). */
    public record OwnerPoint(long nTies, long nActive, long nReciprocal) {
    }

    /** One log2 bin of stats/curves; {@code suppressed}: the reports hide it (see ReportSuppression). */
    public record CurvePoint(String metric, int binIndex, double binLower, double binUpper, double meanNTies,
                             long owners, double mean, double median, double q1, double q3, boolean suppressed) {
    }

    /** Ties of each depth pooled over the owners of one size class (chart 3), hidden with the class's cohorts. */
    public record DepthMix(String sizeClass, long owners, long none, long oneWay, long reciprocal, long sustained,
                           boolean suppressed) {
        public long ties() {
            return none + oneWay + reciprocal + sustained;
        }
    }

    /** One row of stats/layers. */
    public record LayerRow(String group, int layer, long owners, double median, double q1, double q3,
                           double referenceSize, boolean suppressed) {
    }

    /**
     * Ties with a known {@code interacted_within_180d}, by a grouping ("burst accepted" yes/no, "invitation note"
     * yes/no): how many ties, of how many owners, and how many interacted within the response window.
     * {@code suppressed}: hidden as a complement ({@link Complements#response}); below k_min it is hidden anyway.
     */
    public record ResponseRow(String grouping, String group, long owners, long ties, long interacted,
                              boolean suppressed) {
        /** A row not hidden as a complement. */
        public ResponseRow(String grouping, String group, long owners, long ties, long interacted) {
            this(grouping, group, owners, ties, interacted, false);
        }
    }

    /**
     * Reactivations (inbound interactions after a dormancy) per calendar month (yyyy-MM) of their reactivation, and
     * the owners behind them. {@code suppressed}: hidden as a complement ({@link Complements#months}); below k_min it
     * is hidden anyway.
     */
    public record MonthCount(String month, long owners, long ties, boolean suppressed) {
        /** A month not hidden as a complement. */
        public MonthCount(String month, long owners, long ties) {
            this(month, owners, ties, false);
        }
    }

    /** One cell of stats/cohorts. */
    public record CohortRow(String grouping, String cohort, String metric, long owners, double median, double q1,
                            double q3, double mean, double meanCiLow, double meanCiHigh, boolean suppressed) {
    }

    /** The platforms of {@link #platformClaims}, in order of appearance. */
    public List<String> platforms() {
        return platformClaims.stream().map(ClaimRow::platform).distinct().toList();
    }

    /** The pooled claims of the between-owner family (C1–C10, {@link Claims#ALL}), in order. */
    public List<ClaimRow> betweenClaims() {
        return claims.stream().filter(c -> !withinOwner(c)).toList();
    }

    /** The pooled claims of the within-owner family (C11, C12, {@link Claims#WITHIN_OWNER}), in order. */
    public List<ClaimRow> withinClaims() {
        return claims.stream().filter(ReportModel::withinOwner).toList();
    }

    /** Whether the claim belongs to the within-owner Holm family. */
    public static boolean withinOwner(ClaimRow c) {
        return Claims.WITHIN_OWNER.stream().anyMatch(w -> w.id().equals(c.id()));
    }

    /** Between-owner claims that were tested (verdict other than not_testable): the size of their Holm family. */
    public long testableClaims() {
        return testable(betweenClaims());
    }

    /** Within-owner claims that were tested: the size of their own Holm family. */
    public long testableWithinClaims() {
        return testable(withinClaims());
    }

    private static long testable(List<ClaimRow> claims) {
        return claims.stream().filter(c -> !c.verdict().equals(Verdict.NOT_TESTABLE.label())).count();
    }

    /** Whether a row describing this many owners must not show its numbers (fewer than k_min, at least one). */
    public boolean suppressed(long owners) {
        return ReportCsv.suppressed(owners, header.kMin());
    }

    public boolean hides(MonthCount c) {
        return c.suppressed() || suppressed(c.owners());
    }

    public boolean hides(ResponseRow r) {
        return r.suppressed() || suppressed(r.owners());
    }

    /** Whether a claim row, pooled or per platform, is hidden: below k_min or as a complement. */
    public boolean hides(ClaimRow c) {
        return platformSuppression().hidesClaim(c.platform(), c.id(), c.nOwners(), header.kMin());
    }

    /** Whether a row of the published results is hidden: flagged, below k_min, or of a platform the table hides. */
    public boolean hides(PublishedRow r) {
        return r.suppressed() || suppressed(r.owners())
                || platformSuppression().hidesPlatform(PublishedResults.platformOf(r.group()));
    }

    public boolean hides(PlatformCount p) {
        return platformSuppression().hidesPlatform(p.platform());
    }

    /** The platform table's and claim rows' complements, as the claims stage decided them for claims.csv. */
    public PlatformSuppression.Decision platformSuppression() {
        return platformSuppression(header, claims, platformClaims);
    }

    static PlatformSuppression.Decision platformSuppression(Header header, List<ClaimRow> claims,
                                                            List<ClaimRow> platformClaims) {
        Map<String, Long> owners = new LinkedHashMap<>();
        header.platforms().forEach(p -> owners.put(p.platform(), p.owners()));
        List<PlatformSuppression.ClaimCount> counts = new ArrayList<>();
        Stream.concat(claims.stream(), platformClaims.stream()).forEach(c -> counts.add(
                new PlatformSuppression.ClaimCount(c.platform(), c.id(), c.nOwners())));
        return PlatformSuppression.decide(owners, counts, header.kMin());
    }
}
