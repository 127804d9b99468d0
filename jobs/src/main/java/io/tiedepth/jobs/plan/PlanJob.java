package io.tiedepth.jobs.plan;

import io.tiedepth.claims.OwnerRow;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.jobs.Warehouse;
import io.tiedepth.jobs.report.PlanPage;
import io.tiedepth.plan.Calibration;
import io.tiedepth.plan.PlanCsv;
import io.tiedepth.plan.PowerPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * {@code plan}: the power of each claim for a study design and candidate donor counts, by simulation
 * ({@link PowerPlan}), written to {@code plan.csv}, {@code plan_needed.csv} and {@code plan.html} in the output
 * folder, with the design's generator parameters in {@code plan-params.json} (written first, so the user can edit
 * and reuse them with {@code --params}). The design is a {@code --params} file (or the defaults), or, with
 * {@code --calibrate-from}, those parameters calibrated to a pilot warehouse's owner metrics
 * ({@link Calibration}): the only step that needs Spark, which reads {@code features/owner_metrics} and nothing
 * else. Nothing is written per donor.
 */
public final class PlanJob {
    private static final Logger LOG = LogManager.getLogger(PlanJob.class);
    public static final String PLAN_CSV = "plan.csv";
    public static final String NEEDED_CSV = "plan_needed.csv";
    public static final String PLAN_HTML = "plan.html";
    public static final String PARAMS_FILE = "plan-params.json";

    /**
     * @param params the design's parameters, or the base the calibration keeps its effects from
     * @param paramsSource where they come from, in words ("--params design.json", "the generator's defaults")
     * @param pilot the pilot warehouse to calibrate from, or null
     * @param output the folder for the plan's files (local)
     * @param settings donor counts, populations, resamples, seed
     */
    public record Config(GeneratorParams params, String paramsSource, Warehouse pilot, Path output,
                         PowerPlan.Settings settings) {
    }

    /**
     * The design as the plan's pages describe it.
     *
     * @param source where the parameters come from
     * @param pilotOwners owners of the pilot (0 without one)
     * @param calibrated the calibrated parameters (empty without a pilot)
     */
    public record Design(String source, int pilotOwners, List<Calibration.Estimate> calibrated) {
    }

    /** What was computed and written. */
    public record Result(PowerPlan.Result plan, Design design, Path output, Duration took) {
    }

    private PlanJob() {
    }

    /** The plan of a design given by parameters (no pilot): plain Java, no Spark. */
    public static Result run(Config c) throws IOException {
        return plan(c, c.params(), new Design(c.paramsSource(), 0, List.of()));
    }

    /** The plan of a design calibrated to {@code c.pilot()}, read with {@code spark}. */
    public static Result run(SparkSession spark, Config c) throws IOException {
        List<OwnerRow> pilot = PilotMetrics.read(spark, c.pilot());
        LOG.info("plan: calibrating to {} owners of {}", pilot.size(), c.pilot().root());
        Calibration.Result calibration = Calibration.calibrate(pilot, c.params());
        Design design = new Design("calibrated from " + c.pilot().root() + " (" + pilot.size() + " owners), effects "
                + "and other parameters from " + c.paramsSource(), pilot.size(), calibration.estimates());
        return plan(c, calibration.params(), design);
    }

    private static Result plan(Config c, GeneratorParams params, Design design) throws IOException {
        Files.createDirectories(c.output());
        write(c.output().resolve(PARAMS_FILE), params.toJson() + "\n");
        long start = System.nanoTime();
        LOG.info("plan: {} populations of {} donors ({} evaluations), {} resamples", c.settings().populations(),
                c.settings().donors(), c.settings().evaluations(), c.settings().resamples());
        PowerPlan.Result plan = PowerPlan.run(params, c.settings(), new PlanProgress(c.settings().evaluations()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        write(c.output().resolve(PLAN_CSV), PlanCsv.plan(plan));
        write(c.output().resolve(NEEDED_CSV), PlanCsv.needed(plan));
        write(c.output().resolve(PLAN_HTML), PlanPage.render(plan, design.source(), design.calibrated(), took));
        return new Result(plan, design, c.output(), took);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
