package io.tiedepth.jobs;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.jobs.claims.ClaimsJob;
import io.tiedepth.jobs.features.FeaturesJob;
import io.tiedepth.jobs.generate.GenerateJob;
import io.tiedepth.jobs.ingest.IngestJob;
import io.tiedepth.jobs.plan.PlanJob;
import io.tiedepth.jobs.plan.PlanSummary;
import io.tiedepth.jobs.report.ReportJob;
import io.tiedepth.plan.PowerPlan;
import io.tiedepth.pseudo.StudyKey;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * The command line: {@code tiedepth <command> [options]}. Parses and validates the options before Spark starts,
 * builds the session (unless the command finished without it, {@link Action#runWithoutSpark}), runs the command,
 * stops Spark and exits with an {@link ExitCodes} code.
 *
 * <p>A command is one {@link Command}: its name, summary, the {@link Opt} constants of {@link Cli} it accepts, and
 * how it turns them into an {@link Action}. A command that runs one stage uses {@link #stage}, which writes the run
 * id, manifest, lock and stage marker once for all of them.
 */
public final class Main {
    private static final Logger LOG = LogManager.getLogger(Main.class);

    /** A command's validated options, ready to run once Spark is up; it prints its summary on {@code out}. */
    @FunctionalInterface
    interface Action {
        void run(SparkSession spark, PrintStream out) throws Exception;

        /**
         * Tries to finish the command before Spark starts (Spark is then never started); false, the default, when
         * it needs Spark and {@link #run} is to be called.
         */
        default boolean runWithoutSpark(PrintStream out) throws Exception {
            return false;
        }

        /** An action that first tries {@code withoutSpark}, then {@code withSpark} when that did not finish it. */
        static Action firstWithoutSpark(WithoutSpark withoutSpark, Action withSpark) {
            return new Action() {
                @Override
                public void run(SparkSession spark, PrintStream out) throws Exception {
                    withSpark.run(spark, out);
                }

                @Override
                public boolean runWithoutSpark(PrintStream out) throws Exception {
                    return withoutSpark.run(out);
                }
            };
        }
    }

    /** What a command can do before Spark starts; true when that finished the command. */
    @FunctionalInterface
    interface WithoutSpark {
        boolean run(PrintStream out) throws Exception;
    }

    /** Where a command's Spark session comes from and how it ends; tests pass the test JVM's shared session. */
    interface Sessions {
        SparkSession start(SparkOptions options, String command);

        void stop(SparkSession spark);
    }

    /** A session per command, built from its options and stopped when it ends. */
    static final Sessions SPARK = new Sessions() {
        @Override
        public SparkSession start(SparkOptions options, String command) {
            return options.session(command);
        }

        @Override
        public void stop(SparkSession spark) {
            spark.stop();
        }
    };

    /** Validates a command's options into an action (before Spark starts). */
    @FunctionalInterface
    interface Preparer {
        Action prepare(CommandLine cl, Map<String, String> env) throws UsageException, UnreadableInputException;
    }

    /** One stage's job, given the run's publisher. */
    @FunctionalInterface
    interface StageJob<R extends Runs.StageResult> {
        R run(SparkSession spark, Publisher publisher) throws Exception;
    }

    /**
     * One command.
     *
     * @param own      the options it accepts besides {@link Cli#COMMON}, in the order its help lists them
     * @param preparer validates them into what it runs
     */
    record Command(String name, String summary, List<Opt<?>> own, Preparer preparer) {
        /** Every option it accepts: the common ones, then its own. */
        List<Opt<?>> opts() {
            List<Opt<?>> all = new ArrayList<>(Cli.COMMON);
            all.addAll(own);
            return List.copyOf(all);
        }

        Options options() {
            return Cli.options(opts());
        }
    }

    static final Map<String, Command> COMMANDS = commands(
            new Command("run", "the whole pipeline: ingest, then features, then claims, then the report, into one "
                    + "warehouse", concat(List.of(Cli.INPUT, Cli.OUTPUT, Cli.KEY_FILE, Cli.DEMO_KEY, Cli.RUN_DATE,
                    Cli.FROM, Cli.TO, Cli.TASKS), Cli.FEATURE_OPTIONS, List.of(Cli.PANEL_PERIOD), Cli.CLAIM_OPTIONS),
                    Main::prepareRun),
            new Command("ingest", "read every export of an inbox into pseudonymized canonical tables",
                    List.of(Cli.INPUT, Cli.OUTPUT, Cli.KEY_FILE, Cli.DEMO_KEY, Cli.RUN_DATE, Cli.TASKS),
                    Main::prepareIngest),
            new Command("features", "tie features and owner metrics from a warehouse's canonical tables",
                    concat(List.of(Cli.OUTPUT, Cli.RUN_DATE), Cli.FEATURE_OPTIONS, List.of(Cli.PANEL_PERIOD)),
                    Main::prepareFeatures),
            new Command("generate", "write synthetic donated exports with planted, known truths (ground_truth.json)",
                    List.of(Cli.OWNERS, Cli.GENERATE_SEED, Cli.PLATFORMS, Cli.GENERATE_OUTPUT, Cli.PARAMS,
                            Cli.GENERATE_TASKS, Cli.OVERWRITE, Cli.ESTIMAND_OWNERS), Main::prepareGenerate),
            new Command("claims", "cohorts, curves, Dunbar layers and a verdict for each claim C1-C10 from a "
                    + "warehouse's features", concat(List.of(Cli.OUTPUT, Cli.RUN_DATE), Cli.CLAIM_OPTIONS,
                    Cli.FEATURE_OPTIONS), Main::prepareClaims),
            new Command("report", "the research report (report.html, report.md) of a run date from a warehouse's "
                    + "stored stats", List.of(Cli.OUTPUT, Cli.REPORT_RUN_DATE, Cli.K_MIN), Main::prepareReport),
            new Command("plan", "each claim's power and the donors it needs, by simulation, for a study design "
                    + "(--params) or one calibrated to a pilot warehouse", List.of(Cli.PLAN_OUTPUT, Cli.PARAMS,
                    Cli.CALIBRATE_FROM, Cli.DONORS, Cli.POPULATIONS, Cli.PLAN_BOOTSTRAP, Cli.PLAN_SEED,
                    Cli.MIN_OWNERS, Cli.PLATFORMS), Main::preparePlan));

    private static Action prepareRun(CommandLine cl, Map<String, String> env)
            throws UsageException, UnreadableInputException {
        FeatureParams features = Cli.featureParams(cl);
        LocalDate runDate = Cli.runDate(cl);
        RunJob.Config c = new RunJob.Config(Cli.input(cl), Cli.warehouse(cl), Cli.key(cl, env), runDate,
                Cli.TASKS.get(cl), features, Cli.claimParams(cl, features), Cli.backfillFrom(cl, runDate));
        return Action.firstWithoutSpark(
                out -> RunJob.noopWithoutSpark(c).map(r -> {
                    out.println(Summary.of(r, c.warehouse()));
                    return true;
                }).orElse(false),
                (spark, out) -> out.println(Summary.of(RunJob.run(spark, c), c.warehouse())));
    }

    private static Action prepareIngest(CommandLine cl, Map<String, String> env)
            throws UsageException, UnreadableInputException {
        LocalDate runDate = Cli.runDate(cl);
        StudyKey key = Cli.key(cl, env);
        IngestJob.Config c = new IngestJob.Config(Cli.input(cl), Cli.warehouse(cl), key, Cli.TASKS.get(cl),
                runDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        return stage(Stages.INGEST, c.warehouse(), runDate, key.fingerprint(), null,
                (spark, publisher) -> IngestJob.run(spark, c, publisher),
                (r, out) -> out.println("tables written under " + c.warehouse().path("tables")));
    }

    private static Action prepareFeatures(CommandLine cl, Map<String, String> env)
            throws UsageException, UnreadableInputException {
        LocalDate runDate = Cli.runDate(cl);
        FeaturesJob.Config c = new FeaturesJob.Config(Cli.existingWarehouse(cl, Warehouse.EXPORTS),
                Cli.featureParams(cl));
        return stage(Stages.FEATURES, c.warehouse(), runDate, null, null,
                (spark, publisher) -> FeaturesJob.run(spark, c, publisher),
                (r, out) -> out.println("features written under " + c.warehouse().path("features")));
    }

    private static Action prepareClaims(CommandLine cl, Map<String, String> env)
            throws UsageException, UnreadableInputException {
        LocalDate runDate = Cli.runDate(cl);
        ClaimParams params = Cli.claimParams(cl, Cli.featureParams(cl));
        ClaimsJob.Config c = new ClaimsJob.Config(Cli.existingWarehouse(cl, Warehouse.TIE_FEATURES), runDate,
                params);
        return stage(Stages.CLAIMS, c.warehouse(), runDate, null, params.seed(),
                (spark, publisher) -> ClaimsJob.run(spark, c, publisher),
                (r, out) -> {
                    out.println(Summary.claims(r.claims()));
                    out.println("statistics under " + c.warehouse().path("stats") + ", reports under " + r.reports());
                });
    }

    private static Action prepareReport(CommandLine cl, Map<String, String> env)
            throws UsageException, UnreadableInputException {
        int kMin = Cli.K_MIN.get(cl);
        LocalDate asked = Cli.REPORT_RUN_DATE.get(cl);
        Warehouse w = Cli.existingWarehouse(cl, "stats");
        return (spark, out) -> {
            try (WarehouseLock lock = WarehouseLock.acquire(w)) {
                LocalDate runDate = ReportDates.check(w, asked, spark.sparkContext().hadoopConfiguration());
                ReportJob.Result r = ReportJob.run(spark, new ReportJob.Config(w, runDate, kMin, null));
                out.println("report written: " + r.html() + System.lineSeparator() + "           and "
                        + r.markdown());
            }
        };
    }

    private static Action prepareGenerate(CommandLine cl, Map<String, String> env) throws UsageException {
        GenerateJob.Config c = generateConfig(cl);
        return (spark, out) -> {
            GenerateJob.Result r = GenerateJob.run(spark, c);
            out.println(String.join(System.lineSeparator(), "",
                    "tiedepth generate finished",
                    String.format("  exports   %d (%d rows, %.1f MB) in %.1f s: %.1f exports/s, %.1f MB/s",
                            r.exports(), r.rows(), r.bytes() / 1e6, r.took().toMillis() / 1000.0,
                            r.exportsPerSecond(), r.megabytesPerSecond()),
                    "  inbox         " + r.inbox(),
                    "  ground truth  " + r.groundTruth(),
                    "",
                    "next: scripts/tiedepth run --input " + r.inbox() + " --output <warehouse> --demo-key"));
        };
    }

    private static Action preparePlan(CommandLine cl, Map<String, String> env)
            throws UsageException, UnreadableInputException {
        PlanJob.Config c = new PlanJob.Config(Cli.PARAMS.get(cl), Cli.PARAMS.given(cl) ? "--params "
                + Cli.PARAMS.raw(cl) : "the generator's defaults", Cli.pilot(cl), Cli.PLAN_OUTPUT.get(cl),
                new PowerPlan.Settings(Cli.DONORS.get(cl), Cli.POPULATIONS.get(cl), Cli.PLAN_BOOTSTRAP.get(cl),
                        Cli.PLAN_SEED.get(cl), Cli.MIN_OWNERS.get(cl), Cli.PLATFORMS.get(cl)));
        return Action.firstWithoutSpark(out -> {
            if (c.pilot() != null) {
                return false;
            }
            out.println(PlanSummary.of(PlanJob.run(c)));
            return true;
        }, (spark, out) -> out.println(PlanSummary.of(PlanJob.run(spark, c))));
    }

    static GenerateJob.Config generateConfig(CommandLine cl) throws UsageException {
        return new GenerateJob.Config(Cli.OWNERS.get(cl), Cli.GENERATE_SEED.get(cl), Cli.PLATFORMS.get(cl),
                Cli.GENERATE_OUTPUT.get(cl), Cli.PARAMS.get(cl), Cli.GENERATE_TASKS.get(cl), Cli.OVERWRITE.get(cl),
                Cli.ESTIMAND_OWNERS.get(cl));
    }

    /**
     * The template of a command that runs one stage as a run of its own: a run id from the run date, a manifest
     * (the stage as its command; the key's fingerprint and the seed when the command has them, else null), the
     * warehouse's lock and key check ({@link Runs#execute}), the stage's marker naming its upstream and its counts
     * in the manifest ({@link Runs#stage}); then {@code done} prints what was written.
     */
    static <R extends Runs.StageResult> Action stage(String stage, Warehouse warehouse, LocalDate runDate,
                                                     String keyFingerprint, Long seed, StageJob<R> job,
                                                     BiConsumer<R, PrintStream> done) {
        return (spark, out) -> {
            Runs runs = Runs.start(spark, warehouse, stage, runDate, keyFingerprint, seed);
            Stages stages = new Stages(warehouse, spark.sparkContext().hadoopConfiguration());
            R result = runs.execute(() -> runs.stage(stages, stage, publisher -> job.run(spark, publisher)));
            done.accept(result, out);
        };
    }

    @SafeVarargs
    private static List<Opt<?>> concat(List<Opt<?>>... parts) {
        List<Opt<?>> all = new ArrayList<>();
        for (List<Opt<?>> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }

    private static Map<String, Command> commands(Command... commands) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : commands) {
            byName.put(c.name(), c);
        }
        return Collections.unmodifiableMap(byName);
    }

    private Main() {
    }

    public static void main(String[] args) {
        ConsoleLogging.install();
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs a command line; returns the exit code. Help, summaries and the version go to {@code out}; argument
     * errors to {@code err}; failures after the options were validated to the log. Spark starts only when the
     * command needs it ({@link Action#runWithoutSpark}).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, SPARK);
    }

    /** As {@link #run(String[], PrintStream, PrintStream, Map)}, with Spark sessions from {@code sessions}. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Sessions sessions) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            printCommands(out);
            return args.length == 0 ? ExitCodes.BAD_ARGUMENTS : ExitCodes.OK;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            out.println("tiedepth " + Versions.TIEDEPTH + " (parser " + io.tiedepth.ingest.Resolver.PARSER_VERSION
                    + ", Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Java "
                    + System.getProperty("java.version") + ")");
            return ExitCodes.OK;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("tiedepth: unknown command '" + args[0] + "'");
            printCommands(out);
            return ExitCodes.BAD_ARGUMENTS;
        }
        Action action;
        SparkOptions sparkOptions;
        try {
            CommandLine cl = new DefaultParser().parse(command.options(), Arrays.copyOfRange(args, 1, args.length));
            if (Cli.HELP.get(cl)) {
                printHelp(out, command);
                return ExitCodes.OK;
            }
            if (!cl.getArgList().isEmpty()) {
                throw new UsageException("Unexpected argument '" + cl.getArgList().get(0) + "'");
            }
            sparkOptions = SparkOptions.from(cl);
            action = command.preparer().prepare(cl, env);
        } catch (ParseException | UsageException e) {
            err.println("tiedepth " + args[0] + ": " + e.getMessage());
            err.println("Run 'tiedepth " + args[0] + " --help' for the options.");
            return ExitCodes.BAD_ARGUMENTS;
        } catch (UnreadableInputException e) {
            err.println("tiedepth " + args[0] + ": " + e.getMessage());
            return ExitCodes.UNREADABLE_INPUT;
        }
        SparkSession spark = null;
        try {
            if (!action.runWithoutSpark(out)) {
                spark = sessions.start(sparkOptions, args[0]);
                action.run(spark, out);
            }
            return ExitCodes.OK;
        } catch (WarehouseLock.WarehouseBusyException e) {
            LOG.error("tiedepth {}: {}", args[0], e.getMessage());
            return ExitCodes.WAREHOUSE_BUSY;
        } catch (KeyMismatchException e) {
            LOG.error("tiedepth {}: {}", args[0], e.getMessage());
            return ExitCodes.KEY_MISMATCH;
        } catch (UsageException e) {
            LOG.error("tiedepth {}: {}", args[0], e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        } catch (UnreadableInputException | IOException | UncheckedIOException e) {
            LOG.error("tiedepth {}: {}", args[0], Errors.describe(e));
            LOG.debug("failure detail", e);
            return ExitCodes.UNREADABLE_INPUT;
        } catch (Exception e) {
            LOG.error("tiedepth {} failed: {}", args[0], Errors.describe(e));
            LOG.debug("failure detail", e);
            return Errors.missingPath(e) ? ExitCodes.UNREADABLE_INPUT : ExitCodes.STAGE_FAILED;
        } finally {
            if (spark != null) {
                sessions.stop(spark);
            }
        }
    }

    private static void printCommands(PrintStream out) {
        out.println("usage: tiedepth <command> [options]    (tiedepth <command> --help for its options;"
                + " tiedepth --version)");
        out.println();
        COMMANDS.forEach((name, c) -> out.printf("  %-10s %s%n", name, c.summary()));
    }

    /** The command's help: usage, summary, each option with its default (in the order declared), exit codes. */
    static void printHelp(PrintStream out, Command c) {
        HelpFormatter f = new HelpFormatter();
        f.setOptionComparator(null);
        PrintWriter w = new PrintWriter(out, true);
        f.printHelp(w, 110, "tiedepth " + c.name() + " [options]", c.summary(), c.options(), 2, 2,
                "Exit codes: 0 ok, 2 bad arguments, 3 unreadable input, 4 a stage failed, 5 study key differs from"
                        + " the warehouse's, 75 warehouse locked by another command.");
        w.flush();
    }
}
