package io.tiedepth.jobs.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.claims.ClaimInputs;
import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.ClaimResult;
import io.tiedepth.claims.Claims;
import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.claims.Verdict;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.generate.GroundTruth;
import io.tiedepth.jobs.RunJob;
import io.tiedepth.jobs.SparkTestBase;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.e2e.SampleRun;
import io.tiedepth.jobs.features.FeatureParams;
import io.tiedepth.jobs.generate.GenerateJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
