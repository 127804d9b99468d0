package io.tiedepth.jobs.claims;

import static io.tiedepth.schema.Columns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.claims.ClaimInputs;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Claims;
import io.tiedepth.claims.Verdict;
import io.tiedepth.jobs.Publisher;
import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.e2e.SampleRun;
import io.tiedepth.jobs.generate.GenerateJob;
import io.tiedepth.stats.PoissonFixedEffects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.junit.Test;

/**
 * The claims stage on generated LinkedIn donations ({@link GeneratedStudyTest}'s small world): the within-owner
 * claims are a second Holm family read from {@code features/panels}, C1–C10 are what {@link Claims#ALL} alone gives,
 * and a warehouse without panels gets C11/C12 not testable with a reason to rerun features.
 */
public class WithinOwnerClaimsTest extends SparkTestBase {
    private static Path root;
    private static RunJob.Result run;

    static synchronized RunJob.Result run(SparkTestBase test) throws Exception {
        if (run == null) {
            root = Files.createTempDirectory("tiedepth-within");
            GenerateJob.run(test.spark(), new GenerateJob.Config(GeneratedStudyTest.OWNERS, GeneratedStudyTest.SEED,
                    List.of("linkedin"), root, GeneratedStudyTest.SMALL, 0, false, 0));
            run = RunJob.run(test.spark(), GeneratedStudyTest.runConfig(root));
        }
        return run;
    }

    static Warehouse warehouse() {
        return new Warehouse(root.resolve("warehouse").toString());
    }

    @Test
    public void c11IsTheFixedEffectsFitOfThePanelRowsInItsOwnFamily() throws Exception {
        List<ClaimResult> claims = run(this).claims().claims();
        assertThat(claims).extracting(ClaimResult::claimId).containsExactly("C1", "C2", "C3", "C4", "C5", "C6",
                "C7", "C8", "C9", "C10", "C11", "C12");
        ClaimResult c11 = claims.get(10);
        assertThat(c11.verdict()).as(c11.reason()).isNotEqualTo(Verdict.NOT_TESTABLE);
        assertThat(c11.estimate()).isCloseTo(PoissonFixedEffects.fit(c11Groups()).slope(), within(1e-12));
        double holmOfTwo = Math.min(1, c11.pValue() * (claims.get(11).testable() ? 2 : 1));
        assertThat(c11.pHolm()).isLessThanOrEqualTo(holmOfTwo);
        assertThat(c11.pHolm()).isGreaterThanOrEqualTo(Math.min(1, c11.pValue()));
    }

    /** Every export's months with a tie held, read straight from features/panels: x = log ties held, y = active. */
    private List<PoissonFixedEffects.Group> c11Groups() {
        Map<String, List<Row>> byExport = new TreeMap<>();
        for (Row r : spark().read().parquet(warehouse().path(Warehouse.PANELS)).orderBy(EXPORT_ID, MONTH)
                .collectAsList()) {
            byExport.computeIfAbsent(r.getAs(EXPORT_ID), k -> new ArrayList<>()).add(r);
        }
        List<PoissonFixedEffects.Group> out = new ArrayList<>();
        for (List<Row> months : byExport.values()) {
            List<Row> held = months.stream().filter(r -> r.<Long>getAs(TIES_HELD) >= 1).toList();
            if (months.size() < 2) {
                continue;
            }
            double[] x = held.stream().mapToDouble(r -> Math.log(r.<Long>getAs(TIES_HELD))).toArray();
            double[] y = held.stream().mapToDouble(r -> r.<Long>getAs(ACTIVE_12M)).toArray();
            out.add(new PoissonFixedEffects.Group(x, y, null));
        }
        return out;
    }

    @Test
    public void c1ToC10AreExactlyTheClaimsOfAllAlone() throws Exception {
        List<ClaimResult> claims = run(this).claims().claims();
        Warehouse w = warehouse();
        ClaimInputs inputs = ClaimInputs.of(OwnerInputs.collect(OwnerInputs.compute(
                spark().read().parquet(w.path(Warehouse.OWNER_METRICS)),
                spark().read().parquet(w.path(Warehouse.TIE_FEATURES))), GeneratedStudyTest.PARAMS));
        List<ClaimResult> alone = Claims.evaluate(inputs, GeneratedStudyTest.PARAMS);
        assertThat(alone).hasSize(10);
        for (int i = 0; i < alone.size(); i++) {
            ClaimResult a = alone.get(i);
            ClaimResult b = claims.get(i);
            assertThat(b.claimId()).isEqualTo(a.claimId());
            assertThat(b.verdict()).as(a.claimId()).isEqualTo(a.verdict());
            assertThat(b.reason()).as(a.claimId()).isEqualTo(a.reason());
            assertThat(b.extra()).as(a.claimId()).isEqualTo(a.extra());
            for (double[] pair : new double[][] {{b.estimate(), a.estimate()}, {b.pHolm(), a.pHolm()},
                {b.ciLow(), a.ciLow()}, {b.ciHigh(), a.ciHigh()}}) {
                assertThat(Double.doubleToLongBits(pair[0])).as(a.claimId())
                        .isEqualTo(Double.doubleToLongBits(pair[1]));
            }
        }
        List<String> csv = Files.readAllLines(Path.of(run.claims().reports()).resolve("claims.csv"));
        assertThat(csv).hasSize(1 + 12);
        assertThat(csv.get(11)).startsWith("C11,").contains("within-owner");
    }

    @Test
    public void withoutPanelsTheWithinOwnerClaimsAreNotTestableWithTheReason() throws Exception {
        run(this);
        Path copy = Files.createTempDirectory("tiedepth-no-panels");
        for (String table : List.of(Warehouse.OWNER_METRICS, Warehouse.TIE_FEATURES)) {
            FileUtils.copyDirectory(root.resolve("warehouse").resolve(table).toFile(), copy.resolve(table).toFile());
        }
        Warehouse w = new Warehouse(copy.toString());
        ClaimsJob.Result r = ClaimsJob.run(spark(), new ClaimsJob.Config(w, SampleRun.RUN_DATE,
                GeneratedStudyTest.PARAMS.withResamples(50)), new Publisher(w, "no-panels",
                spark().sparkContext().hadoopConfiguration()));
        List<ClaimResult> within = r.claims().subList(10, 12);
        assertThat(within).extracting(ClaimResult::claimId).containsExactly("C11", "C12");
        for (ClaimResult c : within) {
            assertThat(c.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
            assertThat(c.reason()).isEqualTo(ClaimsJob.NO_PANELS).contains("rerun the features stage");
        }
        assertThat(Files.readString(copy.resolve("reports").resolve(SampleRun.RUN_DATE.toString())
                .resolve("claims.csv"))).contains("no features/panels");
    }

    @Test
    public void theReportShowsTheWithinOwnerSectionWithoutPersonalData() throws Exception {
        RunJob.Result r = run(this);
        String html = Files.readString(Path.of(r.report().html()));
        String md = Files.readString(Path.of(r.report().markdown()));
        int section = html.indexOf("<h2 id=\"within-owner\">Within-owner claims</h2>");
        assertThat(section).isPositive();
        assertThat(html.substring(section)).contains("id=\"C11\"").contains("id=\"C12\"").contains("id='c5'");
        assertThat(md).contains("\n## Within-owner claims\n").contains("| C11 |");
        for (Row p : spark().read().parquet(warehouse().path(Warehouse.PANELS)).select(EXPORT_ID, OWNER_ID)
                .distinct().collectAsList()) {
            for (int i = 0; i < 2; i++) {
                if (!p.isNullAt(i)) {
                    assertThat(html).doesNotContain(p.getString(i));
                    assertThat(md).doesNotContain(p.getString(i));
                }
            }
        }
    }
}
