package io.tiedepth.jobs;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.generate.ExportWriter;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.jobs.claims.ClaimsJob;
import io.tiedepth.jobs.features.FeatureParams;
import io.tiedepth.jobs.features.FeaturesJob;
import io.tiedepth.jobs.generate.GenerateJob;
import io.tiedepth.jobs.ingest.IngestJob;
import io.tiedepth.pseudo.StudyKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * The command line: {@code tiedepth <command> [options]}. Parses and validates the options before Spark starts,
 * builds the session, runs the command, stops Spark and exits with an {@link ExitCodes} code.
 */
public final class Main {
    private static final Logger LOG = LogManager.getLogger(Main.class);

    /** One command: its options and what it runs. */
    interface Command {
        String summary();

        Options options();

        /** Validates options into a ready-to-run action (before Spark starts). */
        Action prepare(CommandLine cl, Map<String, String> env) throws UsageException, UnreadableInputException;
    }

    interface Action {
        void run(SparkSession spark) throws Exception;
    }

    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("run", new Command() {
            public String summary() {
                return "the whole pipeline: ingest, then features, then claims, then the report, into one warehouse";
            }

            public Options options() {
                Options o = base();
                Cli.addInput(o);
                Cli.addWarehouse(o);
                Cli.addKey(o);
                Cli.addRunDate(o);
                Cli.addBackfill(o);
                Cli.addIngestTuning(o);
                Cli.addFeatureParams(o);
                Cli.addClaimParams(o);
                return o;
            }

            public Action prepare(CommandLine cl, Map<String, String> env)
                    throws UsageException, UnreadableInputException {
                FeatureParams features = Cli.featureParams(cl);
                LocalDate runDate = Cli.runDate(cl);
                RunJob.Config c = new RunJob.Config(Cli.input(cl), Cli.warehouse(cl), Cli.key(cl, env),
                        runDate, Cli.tasks(cl), features, Cli.claimParams(cl, features),
                        Cli.backfillFrom(cl, runDate));
                return spark -> {
                    RunJob.Result r = RunJob.run(spark, c);
                    System.out.println(Summary.of(r, c.warehouse()));
                };
            }
        });
        COMMANDS.put("ingest", new Command() {
            public String summary() {
                return "read every export of an inbox into pseudonymized canonical tables";
            }

            public Options options() {
                Options o = base();
                Cli.addInput(o);
                Cli.addWarehouse(o);
                Cli.addKey(o);
                Cli.addRunDate(o);
                Cli.addIngestTuning(o);
                return o;
            }

            public Action prepare(CommandLine cl, Map<String, String> env)
                    throws UsageException, UnreadableInputException {
                var runDate = Cli.runDate(cl);
                StudyKey key = Cli.key(cl, env);
                IngestJob.Config c = new IngestJob.Config(Cli.input(cl), Cli.warehouse(cl), key, Cli.tasks(cl),
                        runDate.atStartOfDay(ZoneOffset.UTC).toInstant());
                return spark -> {
                    String runId = Runs.newRunId(runDate);
                    RunManifest m = new RunManifest("ingest", runId, runDate.toString(), key.fingerprint(), null);
                    Runs runs = new Runs(spark, c.warehouse(), runId, m);
                    runs.execute(() -> {
                        IngestJob.Result r = IngestJob.run(spark, c, runs.publisher());
                        m.stage("ingest", Runs.counts(r), r.took());
                        return r;
                    });
                    System.out.println("tables written under " + c.warehouse().path("tables"));
                };
            }
        });
        COMMANDS.put("features", new Command() {
            public String summary() {
                return "tie features and owner metrics from a warehouse's canonical tables";
            }

            public Options options() {
                Options o = base();
                Cli.addWarehouse(o);
                Cli.addRunDate(o);
                Cli.addFeatureParams(o);
                return o;
            }

            public Action prepare(CommandLine cl, Map<String, String> env) throws UsageException {
                var runDate = Cli.runDate(cl);
                FeaturesJob.Config c = new FeaturesJob.Config(Cli.warehouse(cl), Cli.featureParams(cl));
                return spark -> {
                    String runId = Runs.newRunId(runDate);
                    RunManifest m = new RunManifest("features", runId, runDate.toString(), null, null);
                    Runs runs = new Runs(spark, c.warehouse(), runId, m);
                    runs.execute(() -> {
                        FeaturesJob.Result r = FeaturesJob.run(spark, c, runs.publisher());
                        m.stage("features", r.tableRows(), r.took());
                        return r;
                    });
                    System.out.println("features written under " + c.warehouse().path("features"));
                };
            }
        });
    }

    static {
        COMMANDS.put("generate", new Command() {
            public String summary() {
                return "write synthetic donated exports with planted, known truths (ground_truth.json)";
            }

            public Options options() {
                Options o = base();
                o.addOption(Option.builder().longOpt("owners").hasArg().argName("N")
                        .desc("exports to write, one owner each (required)").build());
                o.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                        .desc("random seed: the same seed and parameters give byte-identical files (default 1)")
                        .build());
                o.addOption(Option.builder().longOpt("platforms").hasArg().argName("LIST")
                        .desc("comma-separated platforms owners are drawn from (default linkedin; one of: "
                                + String.join(", ", ExportWriter.PLATFORMS) + ")").build());
                o.addOption(Option.builder().longOpt("output").hasArg().argName("DIR")
                        .desc("folder for inbox/, ground_truth.json and ground_truth_owners.csv (required)").build());
                o.addOption(Option.builder().longOpt("params").hasArg().argName("FILE")
                        .desc("JSON file of generator parameters over the defaults (README, Synthetic donations)").build());
                o.addOption(Option.builder().longOpt("tasks").hasArg().argName("N")
                        .desc("generation tasks (default 4 per core, at most one per owner)").build());
                o.addOption(Option.builder().longOpt("overwrite")
                        .desc("replace the inbox and ground truth of an earlier run in --output").build());
                o.addOption(Option.builder().longOpt("estimand-owners").hasArg().argName("N")
                        .desc("owners of the in-memory population that gives each claim's estimand in "
                                + "ground_truth.json; 0 leaves them out (default "
                                + GeneratedOwners.DEFAULT_ESTIMAND_OWNERS + ")").build());
                return o;
            }

            public Action prepare(CommandLine cl, Map<String, String> env) throws UsageException {
                GenerateJob.Config c = generateConfig(cl);
                return spark -> {
                    GenerateJob.Result r = GenerateJob.run(spark, c);
                    System.out.println(String.join(System.lineSeparator(), "",
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
        });
    }

    static GenerateJob.Config generateConfig(CommandLine cl) throws UsageException {
        int owners = Cli.positiveInt(cl, "owners", 0);
        if (owners == 0) {
            throw new UsageException("Missing option --owners");
        }
        long seed;
        String s = cl.getOptionValue("seed", "1");
        try {
            seed = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Cannot use --seed " + s + ": expected a whole number");
        }
        List<String> platforms = new ArrayList<>();
        for (String p : cl.getOptionValue("platforms", "linkedin").split(",")) {
            String name = p.trim().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("x")) {
                name = "twitter";
            }
            if (!name.isEmpty() && !platforms.contains(name)) {
                platforms.add(name);
            }
        }
        for (String p : platforms) {
            if (!ExportWriter.PLATFORMS.contains(p)) {
                throw new UsageException("Cannot use --platforms: unknown platform '" + p + "' (expected "
                        + String.join(", ", ExportWriter.PLATFORMS) + "; x means twitter)");
            }
        }
        if (platforms.isEmpty()) {
            throw new UsageException("Cannot use --platforms: no platform given");
        }
        Path output = Path.of(Cli.required(cl, "output"));
        GeneratorParams params = GeneratorParams.DEFAULTS;
        String file = cl.getOptionValue("params");
        if (file != null) {
            if (!Files.isReadable(Path.of(file))) {
                throw new UsageException("Cannot read --params " + file + ": no such readable file");
            }
            try {
                params = GeneratorParams.load(Path.of(file));
            } catch (IllegalArgumentException | IOException e) {
                throw new UsageException(e.getMessage() != null && e.getMessage().startsWith("Cannot ")
                        ? e.getMessage() : "Cannot read --params " + file + ": " + e.getClass().getSimpleName());
            }
        }
        return new GenerateJob.Config(owners, seed, List.copyOf(platforms), output, params,
                Cli.positiveInt(cl, "tasks", 0), cl.hasOption("overwrite"),
                Cli.nonNegativeInt(cl, "estimand-owners", GeneratedOwners.DEFAULT_ESTIMAND_OWNERS));
    }

    static {
        COMMANDS.put("claims", new Command() {
            public String summary() {
                return "cohorts, curves, Dunbar layers and a verdict for each claim C1-C10 from a warehouse's features";
            }

            public Options options() {
                Options o = base();
                Cli.addWarehouse(o);
                Cli.addRunDate(o);
                Cli.addClaimParams(o);
                Cli.addFeatureParams(o);
                return o;
            }

            public Action prepare(CommandLine cl, Map<String, String> env) throws UsageException {
                var runDate = Cli.runDate(cl);
                ClaimParams params = Cli.claimParams(cl, Cli.featureParams(cl));
                ClaimsJob.Config c = new ClaimsJob.Config(Cli.warehouse(cl), runDate, params);
                return spark -> {
                    String runId = Runs.newRunId(runDate);
                    RunManifest m = new RunManifest("claims", runId, runDate.toString(), null, params.seed());
                    Runs runs = new Runs(spark, c.warehouse(), runId, m);
                    ClaimsJob.Result r = runs.execute(() -> {
                        ClaimsJob.Result result = ClaimsJob.run(spark, c, runs.publisher());
                        m.stage("claims", result.tableRows(), result.took());
                        return result;
                    });
                    System.out.println(Summary.claims(r.claims()));
                    System.out.println("statistics under " + c.warehouse().path("stats") + ", reports under "
                            + r.reports());
                };
            }
        });
    }

    static {
        COMMANDS.put("report", new Command() {
            public String summary() {
                return "the research report (report.html, report.md) of a run date from a warehouse's stored stats";
            }

            public Options options() {
                Options o = base();
                Cli.addWarehouse(o);
                Cli.addRunDate(o);
                Cli.addClaimParams(o);
                Cli.addFeatureParams(o);
                return o;
            }

            public Action prepare(CommandLine cl, Map<String, String> env) throws UsageException {
                var runDate = Cli.runDate(cl);
                ClaimParams params = Cli.claimParams(cl, Cli.featureParams(cl));
                io.tiedepth.jobs.report.ReportJob.Config c = new io.tiedepth.jobs.report.ReportJob.Config(
                        Cli.warehouse(cl), runDate, params.kMin(), null);
                return spark -> {
                    var r = io.tiedepth.jobs.report.ReportJob.run(spark, c);
                    System.out.println("report written: " + r.html() + System.lineSeparator() + "           and "
                            + r.markdown());
                };
            }
        });
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args, Map<String, String> env) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            printCommands();
            return args.length == 0 ? ExitCodes.BAD_ARGUMENTS : ExitCodes.OK;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            System.err.println("tiedepth: unknown command '" + args[0] + "'");
            printCommands();
            return ExitCodes.BAD_ARGUMENTS;
        }
        Options options = command.options();
        Action action;
        SparkOptions sparkOptions;
        try {
            CommandLine cl = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
            if (cl.hasOption("help")) {
                printHelp(args[0], command);
                return ExitCodes.OK;
            }
            if (!cl.getArgList().isEmpty()) {
                throw new UsageException("Unexpected argument '" + cl.getArgList().get(0) + "'");
            }
            sparkOptions = SparkOptions.from(cl);
            action = command.prepare(cl, env);
        } catch (ParseException | UsageException e) {
            System.err.println("tiedepth " + args[0] + ": " + e.getMessage());
            System.err.println("Run 'tiedepth " + args[0] + " --help' for the options.");
            return ExitCodes.BAD_ARGUMENTS;
        } catch (UnreadableInputException e) {
            System.err.println("tiedepth " + args[0] + ": " + e.getMessage());
            return ExitCodes.UNREADABLE_INPUT;
        }
        SparkSession spark = sparkOptions.session(args[0]);
        try {
            action.run(spark);
            return ExitCodes.OK;
        } catch (IOException | UncheckedIOException e) {
            LOG.error("tiedepth {}: {}", args[0], safeMessage(e));
            return ExitCodes.UNREADABLE_INPUT;
        } catch (Exception e) {
            LOG.error("tiedepth {} failed: {}", args[0], safeMessage(e));
            LOG.debug("failure detail", e);
            return ExitCodes.STAGE_FAILED;
        } finally {
            spark.stop();
        }
    }

    /** Our own messages ("Cannot ...") are safe to print; anything else only by type, so no data leaks. */
    static String safeMessage(Throwable e) {
        String m = e.getMessage();
        return m != null && m.startsWith("Cannot ") ? m : e.getClass().getName();
    }

    private static Options base() {
        Options o = new Options();
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        SparkOptions.addTo(o);
        return o;
    }

    private static void printCommands() {
        System.out.println("usage: tiedepth <command> [options]    (tiedepth <command> --help for its options)");
        System.out.println();
        COMMANDS.forEach((name, c) -> System.out.printf("  %-10s %s%n", name, c.summary()));
    }

    private static void printHelp(String name, Command c) {
        HelpFormatter f = new HelpFormatter();
        f.setWidth(110);
        f.setOptionComparator(null);
        PrintWriter out = new PrintWriter(System.out, true);
        f.printHelp(out, 110, "tiedepth " + name + " [options]", c.summary(), c.options(), 2, 2,
                "Exit codes: 0 ok, 2 bad arguments, 3 unreadable input, 4 a stage failed.");
        out.flush();
    }
}
