package io.tiedepth.jobs.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;

import io.tiedepth.claims.ClaimInputs;
import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Claims;
import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.claims.PlatformClaims;
import io.tiedepth.claims.StatsRows;
import io.tiedepth.claims.Verdict;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.generate.GroundTruth;
import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.e2e.SampleRun;
import io.tiedepth.jobs.generate.GenerateJob;
import io.tiedepth.schema.Columns;
import io.tiedepth.schema.StatsTables;
import io.tiedepth.source.SyntheticMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * The whole pipeline on written synthetic donations: {@code generate} (every effect planted), then {@code run}
 * (ingest, features, claims). The claims of the pipeline must equal the claims computed from the generator's own
 * per-owner truths (same estimates: the readers, pseudonymization and features lose nothing the claims need), and
 * the planted effects must be found. Small on purpose (60 owners with small networks, so min_owners 10 and mega 300
 * here) to stay within the test budget; the larger recovery study is {@code scripts/recovery-study.sh}.
 */
public class GeneratedStudyTest extends SparkTestBase {
    static final int OWNERS = 60;
    /** Enough for two platforms of at least min_owners (10) owners each. */
    static final int MIXED_OWNERS = 40;
    static final long SEED = 31;
    static final GeneratorParams SMALL = GeneratorParams.DEFAULTS.with("{\"sizes\": {\"median\": 150, \"cap\": 1500, "
            + "\"tailShare\": 0.1, \"tailMin\": 500}, \"format\": {\"zipShare\": 0.3}}");
    static final ClaimParams PARAMS = new ClaimParams(7, 400, 10, 10, 300, 10, 180, 180, 0.05);

    @Test
    public void pipelineClaimsEqualTheClaimsOfTheGroundTruthAndFindThePlantedEffects() throws Exception {
        Path out = Files.createTempDirectory("tiedepth-generated");
        GenerateJob.run(spark(), new GenerateJob.Config(OWNERS, SEED, List.of("linkedin"), out, SMALL, 0, false, 0));
        Path warehouse = out.resolve("warehouse");
        RunJob.Result run = RunJob.run(spark(), new RunJob.Config(out.resolve(GroundTruth.INBOX),
                new Warehouse(warehouse.toString()), SampleRun.KEY, SampleRun.RUN_DATE, 0, FeatureParams.DEFAULTS,
                PARAMS));
        // every export carries the generator's marker: the report says the data are synthetic, and nothing else
        // about the data (one platform, calendar times); at 60 owners a claim may rest on few effective owners
        assertThat(spark().read().parquet(warehouse.resolve(Warehouse.EXPORTS).toString())
                .where(array_contains(col(Columns.WARNINGS), SyntheticMarker.WARNING)).count()).isEqualTo(OWNERS);
        boolean fewOwners = run.claims().claims().stream().map(c -> c.extra().get(ClaimResult.INTERVAL_DF))
                .anyMatch(df -> df != null && Double.parseDouble(df) < ClaimResult.FEW_EFFECTIVE_OWNERS);
        assertThat(run.report().cautions()).containsExactlyElementsOf(fewOwners
                ? List.of("synthetic data", "few owners carry an estimate") : List.of("synthetic data"));
        String page = Files.readString(Path.of(run.report().html()));
        assertThat(page).contains("id=\"banner-synthetic\"").contains("Synthetic data: all " + OWNERS + " analysed "
                + "exports were written by tiedepth generate").doesNotContain("id=\"banner-mixed_platforms\"")
                .doesNotContain("id=\"banner-relative_time\"").doesNotContain("id=\"per-platform\"");
        assertThat(Files.readString(Path.of(run.report().markdown()))).startsWith("# tiedepth research report, "
                + SampleRun.RUN_DATE + "\n\n> **Synthetic data: all " + OWNERS);

        List<ClaimResult> pipeline = run.claims().claims();
        List<ClaimResult> truth = Claims.evaluate(ClaimInputs.of(GeneratedOwners.rows(SMALL, SEED, OWNERS)), PARAMS);

        for (int i = 0; i < 9; i++) {
            ClaimResult p = pipeline.get(i);
            ClaimResult t = truth.get(i);
            assertThat(p.nOwners()).as(p.claimId()).isEqualTo(t.nOwners());
            assertThat(p.verdict().label()).as(p.claimId()).isEqualTo(t.verdict().label());
            if (p.verdict() != Verdict.NOT_TESTABLE) {
                assertThat(p.estimate()).as(p.claimId()).isCloseTo(t.estimate(), within(1e-9));
            }
        }
        // the strong planted effects are found even in 60 owners (C5's needs more: GeneratedRecoveryTest, 300)
        for (String id : List.of("C1", "C3", "C4", "C7", "C9")) {
            ClaimResult c = pipeline.stream().filter(r -> r.claimId().equals(id)).findFirst().orElseThrow();
            assertThat(c.verdict()).as(id + ": " + c.reason()).isEqualTo(Verdict.SUPPORTED);
        }
        assertThat(warehouse.resolve("reports").resolve(SampleRun.RUN_DATE.toString()).resolve("claims.csv")).exists();

    }

    /**
     * LinkedIn and Facebook owners: the claims are also estimated per platform. The pooled rows are exactly
     * {@link Claims#evaluate} on all owner rows of the warehouse, the per-platform rows exactly
     * {@link PlatformClaims#evaluate}; the report shows the mixed-platform banner and the per-platform table.
     */
    @Test
    public void mixedPlatformsGetPerPlatformClaimsBesideUnchangedPooledOnes() throws Exception {
        Path out = Files.createTempDirectory("tiedepth-generated-mixed");
        GenerateJob.run(spark(), new GenerateJob.Config(MIXED_OWNERS, SEED, List.of("linkedin", "facebook"), out, SMALL,
                0, false, 0));
        Path warehouse = out.resolve("warehouse");
        RunJob.Result run = RunJob.run(spark(), new RunJob.Config(out.resolve(GroundTruth.INBOX),
                new Warehouse(warehouse.toString()), SampleRun.KEY, SampleRun.RUN_DATE, 0, FeatureParams.DEFAULTS,
                PARAMS));
        Warehouse w = new Warehouse(warehouse.toString());
        ClaimInputs inputs = ClaimInputs.of(OwnerInputs.collect(OwnerInputs.compute(
                spark().read().parquet(w.path(Warehouse.OWNER_METRICS)),
                spark().read().parquet(w.path(Warehouse.TIE_FEATURES))), PARAMS));
        List<ClaimResult> pooled = Claims.evaluate(inputs, PARAMS);
        Map<String, List<ClaimResult>> perPlatform = PlatformClaims.evaluate(inputs, PARAMS);
        assertThat(perPlatform.keySet()).containsExactly("facebook", "linkedin");
        assertThat(run.claims().perPlatform().keySet()).containsExactly("facebook", "linkedin");

        List<Row> stored = spark().read().parquet(w.path(ClaimsJob.STATS_CLAIMS)).collectAsList();
        int family = Claims.ALL.size() + Claims.WITHIN_OWNER.size();
        assertThat(stored).hasSize(3 * family);
        List<PlatformClaims.Row> expected = new java.util.ArrayList<>(PlatformClaims.rows(pooled, perPlatform));
        // the within-owner family on the same owners with their panels, Holm within it, pooled and per platform
        PlatformClaims.Evaluated within = PlatformClaims.evaluateWithPooled(Claims.WITHIN_OWNER,
                ClaimInputs.of(OwnerInputs.collect(OwnerInputs.compute(
                        spark().read().parquet(w.path(Warehouse.OWNER_METRICS)),
                        spark().read().parquet(w.path(Warehouse.TIE_FEATURES)),
                        spark().read().parquet(w.path(Warehouse.PANELS))), PARAMS)), PARAMS);
        assertThat(within.perPlatform().keySet()).containsExactly("facebook", "linkedin");
        expected.addAll(PlatformClaims.rows(within.pooled(), within.perPlatform()));
        for (PlatformClaims.Row e : expected) {
            Row r = stored.stream().filter(x -> x.getAs(Columns.PLATFORM).equals(e.platform())
                    && x.getAs(StatsTables.CLAIM_ID).equals(e.claim().claimId())).findFirst().orElseThrow();
            String what = e.platform() + " " + e.claim().claimId();
            assertThat(r.<String>getAs(StatsTables.VERDICT)).as(what).isEqualTo(e.claim().verdict().label());
            assertThat(r.<Long>getAs(StatsTables.N_OWNERS)).as(what).isEqualTo(e.claim().nOwners());
            for (String column : List.of(StatsTables.ESTIMATE, StatsTables.CI_LOW, StatsTables.CI_HIGH,
                    StatsTables.CI_LOW_ADJUSTED, StatsTables.CI_HIGH_ADJUSTED, StatsTables.P_HOLM)) {
                Double value = r.getAs(column);
                double want = (double) StatsRows.claim(e, PARAMS)[r.fieldIndex(column)];
                if (Double.isNaN(want)) {
                    assertThat(value).as(what + " " + column).isNull();
                } else {
                    assertThat(value).as(what + " " + column).isEqualTo(want);
                }
            }
        }
        ClaimResult c1 = run.claims().claims().get(0);
        assertThat(perPlatform.get("facebook").get(0).nOwners() + perPlatform.get("linkedin").get(0).nOwners())
                .isEqualTo(c1.nOwners());

        Path reports = warehouse.resolve("reports").resolve(SampleRun.RUN_DATE.toString());
        List<String> csv = Files.readAllLines(reports.resolve("claims.csv"));
        assertThat(csv).hasSize(1 + 3 * family);
        assertThat(csv.get(0)).endsWith(",platform,suppressed");
        assertThat(run.report().cautions()).containsExactly("synthetic data", "mixed platforms");
        String page = Files.readString(reports.resolve("report.html"));
        assertThat(page).contains("id=\"banner-mixed_platforms\"").contains("id=\"per-platform\"")
                .contains("<th>facebook</th><th>linkedin</th>");
        assertThat(Files.readString(reports.resolve("report.md"))).contains("> **Mixed platforms: owners come from "
                + "facebook (").contains("| claim | facebook | linkedin |");
    }

    /** {@code run} of these tests on the generated donations in {@code out} (warehouse {@code out/warehouse}). */
    static RunJob.Config runConfig(Path out) {
        return new RunJob.Config(out.resolve(GroundTruth.INBOX), new Warehouse(out.resolve("warehouse").toString()),
                SampleRun.KEY, SampleRun.RUN_DATE, 0, FeatureParams.DEFAULTS, PARAMS);
    }
}
