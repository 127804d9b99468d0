package io.tiedepth.jobs.claims;

import static io.tiedepth.schema.Columns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.claims.C8DormantTiesWakeTogether;
import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.OwnerMetric;
import io.tiedepth.claims.OwnerRow;
import io.tiedepth.claims.Verdict;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.features.FeaturesJob;
import io.tiedepth.schema.StatsTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.Test;

/**
 * {@code features} then {@code claims} on the {@link MiniStudy} warehouse, read back from disk: the per-owner tie
 * counts the tie-level claims pool (worked out by hand), the stats tables' schemas and the CSV reports.
 */
public class ClaimsJobTest extends SparkTestBase {
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 1, 2);
    private static Path warehouse;
    private static ClaimsJob.Result result;

    private synchronized Path warehouse() throws Exception {
        if (warehouse == null) {
            Path dir = Files.createTempDirectory("tiedepth-claims");
            Warehouse w = new Warehouse(dir.toString());
            new MiniStudy().write(spark(), dir.toString());
            Publisher features = new Publisher(w, "test-features", spark().sparkContext().hadoopConfiguration());
            FeaturesJob.run(spark(), new FeaturesJob.Config(w, FeatureParams.DEFAULTS), features);
            Publisher claims = new Publisher(w, "test-claims", spark().sparkContext().hadoopConfiguration());
            result = ClaimsJob.run(spark(), new ClaimsJob.Config(w, RUN_DATE, ClaimParams.DEFAULTS.withResamples(200)),
                    claims);
            warehouse = dir;
        }
        return warehouse;
    }

    private OwnerRow owner(int i) throws Exception {
        Path w = warehouse();
        List<OwnerRow> rows = OwnerInputs.collect(OwnerInputs.compute(
                spark().read().parquet(w.resolve("features/owner_metrics").toString()),
                spark().read().parquet(w.resolve("features/tie_features").toString())), ClaimParams.DEFAULTS);
        return rows.stream().filter(r -> r.ownerId().equals("owner-" + i)).findFirst().orElseThrow();
    }

    @Test
    public void ownerInputsCountWhatTheTieLevelClaimsPool() throws Exception {
        OwnerRow o = owner(10);  // 22 ties, k = 0..21
        assertThat(o.nTies()).isEqualTo(22);
        // C3: burst k 0..9 (5 even ones answered within 180 days); others k 10..21 (6 even)
        assertThat(o.burst()).isEqualTo(new OwnerRow.Outcome(10, 5));
        assertThat(o.nonBurst()).isEqualTo(new OwnerRow.Outcome(12, 6));
        // C9: note when k % 3 == 0 (0,3,...,21: 8 ties), reciprocal when even (0, 6, 12, 18: 4); without a note
        // 14 ties, reciprocal: 7 even ones and k = 5 (out at +200 days, in on 2023-06-15)
        assertThat(o.note()).isEqualTo(new OwnerRow.Outcome(8, 4));
        assertThat(o.noNote()).isEqualTo(new OwnerRow.Outcome(14, 8));
        // C8: eligible months 2022-07 .. 2023-12; k % 5 == 0 (0, 5, 10, 15, 20) reactivate in 2023-06
        long[] months = o.reactivationMonths().counts();
        assertThat(C8DormantTiesWakeTogether.monthLabel(o.reactivationMonths().firstMonth())).isEqualTo("2022-07");
        assertThat(months).hasSize(18);
        assertThat(months[11]).isEqualTo(5);
        assertThat(java.util.Arrays.stream(months).sum()).isEqualTo(5);
        assertThat(o.get(OwnerMetric.REACTIVATIONS)).isEqualTo(5.0);
    }

    @Test
    public void meanActiveFrequencyAndLayersComeFromTheActiveTies() throws Exception {
        // 12 ties observed about 1.85 years: active (>= 1 a year) with 2 interactions or more: the 6 even k, and
        // k = 5 (out at +200 days, in on 2023-06-15); k = 1, 9 have 1, k = 3, 7, 11 none
        OwnerRow o = owner(0);
        assertThat(o.get(OwnerMetric.N_ACTIVE)).isEqualTo(7.0);
        assertThat(o.get(OwnerMetric.MEAN_ACTIVE_FREQUENCY)).isGreaterThan(1.0);
        assertThat(o.get(OwnerMetric.N_LAYERS)).isEqualTo((double) o.layerCount());
        assertThat(o.layerCount()).isBetween(1, 5);
        assertThat(o.layerSizes()[o.layerCount() - 1]).isEqualTo(7);
    }

    @Test
    public void writesTheStatsTablesWithTheirSchemas() throws Exception {
        Path w = warehouse();
        assertThat(spark().read().parquet(w.resolve(ClaimsJob.STATS_CLAIMS).toString()).schema().fieldNames())
                .containsExactly(StatsTables.CLAIMS.fieldNames());
        assertThat(spark().read().parquet(w.resolve(ClaimsJob.STATS_COHORTS).toString()).schema().fieldNames())
                .containsExactly(StatsTables.COHORTS.fieldNames());
        assertThat(spark().read().parquet(w.resolve(ClaimsJob.STATS_CURVES).toString()).schema().fieldNames())
                .containsExactly(StatsTables.CURVES.fieldNames());
        assertThat(spark().read().parquet(w.resolve(ClaimsJob.STATS_LAYERS).toString()).schema().fieldNames())
                .containsExactly(StatsTables.LAYERS.fieldNames());
        assertThat(spark().read().parquet(w.resolve(ClaimsJob.STATS_PUBLISHED).toString()).schema().fieldNames())
                .containsExactly(StatsTables.PUBLISHED_RESULTS.fieldNames());
        assertThat(spark().read().parquet(w.resolve(ClaimsJob.STATS_CLAIMS).toString()).count()).isEqualTo(12);
        assertThat(Files.exists(w.resolve("_staging/test-claims"))).isFalse();
    }

    @Test
    public void claimsOnTheMiniStudy() throws Exception {
        warehouse();
        List<ClaimResult> claims = result.claims();
        assertThat(claims).extracting(ClaimResult::claimId).containsExactly("C1", "C2", "C3", "C4", "C5", "C6", "C7",
                "C8", "C9", "C10", "C11", "C12");
        ClaimResult c3 = claims.get(2);
        assertThat(c3.verdict()).isNotEqualTo(Verdict.NOT_TESTABLE);
        // every owner answers half its 10 burst ties and half (or a little more) of its other ties: the
        // Mantel-Haenszel ratio over owners, by hand
        assertThat(c3.estimate()).isCloseTo(c3MantelHaenszel(), within(1e-9));
        assertThat(c3.nOwners()).isEqualTo(MiniStudy.OWNERS);
        // every reactivation falls in June 2023 and no other month has any: too sparse for a ratio to the year around
        ClaimResult c8 = claims.get(7);
        assertThat(c8.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(c8.reason()).isEqualTo("too few reactivations: no month has a median of at least 10 in the year "
                + "around it");
        assertThat(claims.get(5).reason()).startsWith("no mega owners");
        assertThat(claims.get(9).verdict()).isEqualTo(Verdict.NOT_TESTABLE);
    }

    /** Σ a·m/N / Σ b·n/N over owners i: burst n = 10 ties, a = 5 answered; others k = 10..11 + i, the even ones answered. */
    private static double c3MantelHaenszel() {
        double num = 0;
        double den = 0;
        for (int i = 0; i < MiniStudy.OWNERS; i++) {
            long m = 0;
            long b = 0;
            for (int k = 10; k < 12 + i; k++) {
                m++;
                b += k % 2 == 0 ? 1 : 0;
            }
            double total = 10 + m;
            num += 5 * m / total;
            den += b * 10 / total;
        }
        return num / den;
    }

    @Test
    public void csvReportsSuppressCellsOfFewerThanKMinOwners() throws Exception {
        Path reports = warehouse().resolve("reports").resolve(RUN_DATE.toString());
        assertThat(reports.resolve("claims.csv")).exists();
        assertThat(reports.resolve("layers.csv")).exists();
        assertThat(reports.resolve("curves.csv")).exists();
        List<String> cohorts = Files.readAllLines(reports.resolve("cohorts.csv"));
        assertThat(cohorts.get(0)).endsWith(",suppressed");
        // log2 bins of n_ties 12..51: 8-15 has owners 0..3 (4 owners) -> suppressed; 16-31 has 16 owners
        assertThat(cohorts).filteredOn(l -> l.startsWith("log2_n_ties,8-15,")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("log2_n_ties,8-15,8,15,[a-z0-9_]+,,,,,,,,,true"));
        assertThat(cohorts).filteredOn(l -> l.startsWith("log2_n_ties,16-31,8,")).isEmpty();
        assertThat(cohorts).filteredOn(l -> l.startsWith("log2_n_ties,16-31,16,31,n_ties,16,")).hasSize(1);
        assertThat(result.reports()).endsWith("reports/" + RUN_DATE);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static Comparator<OwnerRow> byOwner() {
        return Comparator.comparing(OwnerRow::ownerId);
    }
}
