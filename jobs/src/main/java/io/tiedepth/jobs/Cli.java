package io.tiedepth.jobs;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.generate.ExportWriter;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.panels.OwnerPanels;
import io.tiedepth.pseudo.StudyKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * Every option of every command, each declared once ({@link Opt}: name, argument, default, help, parser), and the
 * checks that span several options. Defaults are those of {@link FeatureParams#DEFAULTS},
 * {@link ClaimParams#DEFAULTS} and {@link GeneratedOwners}, referenced, never copied; the help shows them.
 * Messages name the option and the reason.
 */
final class Cli {
    private static final ClaimParams CLAIMS = ClaimParams.DEFAULTS;
    private static final FeatureParams FEATURES = FeatureParams.DEFAULTS;
    private static final List<Integer> PLAN_DONORS = List.of(50, 100, 200, 400);

    static final Opt<Boolean> HELP = Opt.flag("help", "show this help").withLetter("h");
    static final Opt<String> MASTER = Opt.of("master", "URL", "Spark master", Opt.TEXT)
            .withDefault(null, "the one spark-submit set, else " + SparkOptions.DEFAULT_MASTER);
    static final Opt<Map.Entry<String, String>> CONF = Opt.of("conf", "KEY=VALUE", "Spark configuration, repeatable",
            Opt.KEY_VALUE).asRepeatable();

    static final Opt<String> INPUT = Opt.of("input", "DIR",
            "inbox folder of exports (.zip files or folders, nested folders are walked)", Opt.TEXT)
            .asRequired().alsoAs("inbox");
    static final Opt<String> OUTPUT = Opt.of("output", "DIR",
            "warehouse folder for all outputs; a Hadoop URI works too", Opt.TEXT).asRequired().alsoAs("warehouse");
    static final Opt<Path> KEY_FILE = Opt.of("key-file", "FILE", "study key file", Cli::readableFile)
            .withDefault(null, "env " + StudyKey.ENV_VAR);
    static final Opt<Boolean> DEMO_KEY = Opt.flag("demo-key",
            "use the public demo key when no key is given: results are NOT private (samples only)");
    static final Opt<LocalDate> RUN_DATE = Opt.of("run-date", "YYYY-MM-DD",
            "the run's date: names reports/<run_date>/ and sets exports.ingested_at", Opt.DATE)
            .withDefault(null, "today, UTC");
    static final Opt<LocalDate> FROM = Opt.of("from", "YYYY-MM-DD", "also rebuild reports/<date>/ for every date "
            + "from this one up to the run date, each over the exports ingested by then", Opt.DATE);
    static final Opt<LocalDate> TO = Opt.of("to", "YYYY-MM-DD",
            "last report date of a backfill; the same as --run-date", Opt.DATE);
    static final Opt<Integer> TASKS = Opt.of("tasks", "N", "parse tasks", Opt.intAtLeast(1))
            .withDefault(0, "4 per core, at most one per export");

    static final Opt<Integer> BURST_K = Opt.of("burst-k", "K", "ties gained on one day that make a burst",
            Opt.intAtLeast(1)).withDefault(FEATURES.burstK());
    static final Opt<Integer> DORMANCY_DAYS = Opt.of("dormancy-days", "DAYS",
            "silence before an inbound interaction that counts as a reactivation", Opt.intAtLeast(1))
            .withDefault(FEATURES.dormancyDays());
    static final Opt<Integer> RESPONSE_DAYS = Opt.of("response-days", "DAYS",
            "window after connecting for 'any interaction'", Opt.intAtLeast(1)).withDefault(FEATURES.responseDays());

    static final Opt<Long> SEED = Opt.of("seed", "N", "seed of every bootstrap and permutation draw",
            Opt.WHOLE_NUMBER).withDefault(CLAIMS.seed());
    static final Opt<Integer> BOOTSTRAP = Opt.of("bootstrap", "B", "bootstrap resamples of owners, and permutation "
            + "draws; at least 400 for the Holm step across 9 claims to be able to reach 0.05", Opt.intAtLeast(1))
            .withDefault(CLAIMS.resamples());
    static final Opt<Integer> MIN_OWNERS = Opt.of("min-owners", "N",
            "a claim needs at least this many owners with its data, else not_testable", Opt.intAtLeast(1))
            .withDefault(CLAIMS.minOwners());
    static final Opt<Integer> K_MIN = Opt.of("k-min", "K", "report cells describing fewer owners are suppressed",
            Opt.intAtLeast(1)).withDefault(CLAIMS.kMin());
    static final Opt<Integer> MEGA = Opt.of("mega", "TIES", "ties that make a mega-networker, claim C6",
            Opt.intAtLeast(1)).withDefault(CLAIMS.megaTies());

    static final Opt<LocalDate> REPORT_RUN_DATE = Opt.of("run-date", "YYYY-MM-DD",
            "the run date whose report to write; the warehouse must hold its statistics", Opt.DATE)
            .withDefault(null, "the date of the stored statistics");

    static final Opt<Integer> OWNERS = Opt.of("owners", "N", "exports to write, one owner each", Opt.intAtLeast(1))
            .asRequired();
    static final Opt<Long> GENERATE_SEED = Opt.of("seed", "S",
            "random seed: the same seed and parameters give byte-identical files", Opt.WHOLE_NUMBER).withDefault(1L);
    static final Opt<List<String>> PLATFORMS = Opt.of("platforms", "LIST", "comma-separated platforms owners are "
            + "drawn from: " + String.join(", ", ExportWriter.PLATFORMS) + " (x means twitter)", Cli::platforms)
            .withDefault(List.of("linkedin"), "linkedin");
    static final Opt<Path> GENERATE_OUTPUT = Opt.of("output", "DIR",
            "folder for inbox/, ground_truth.json and ground_truth_owners.csv", (name, v) -> Path.of(v)).asRequired();
    static final Opt<GeneratorParams> PARAMS = Opt.of("params", "FILE",
            "JSON file of the generator parameters to change (README, Synthetic donations)", Cli::generatorParams)
            .withDefault(GeneratorParams.DEFAULTS, "every parameter at its default");
    static final Opt<Integer> GENERATE_TASKS = Opt.of("tasks", "N", "generation tasks", Opt.intAtLeast(1))
            .withDefault(0, "4 per core, at most one per owner");
    static final Opt<Boolean> OVERWRITE = Opt.flag("overwrite",
            "replace the inbox and ground truth of an earlier run in --output");
    static final Opt<Integer> ESTIMAND_OWNERS = Opt.of("estimand-owners", "N", "owners of the in-memory population "
            + "that gives each claim's estimand in ground_truth.json; 0 leaves them out", Opt.intAtLeast(0))
            .withDefault(GeneratedOwners.DEFAULT_ESTIMAND_OWNERS);

    static final Opt<Path> PLAN_OUTPUT = Opt.of("output", "DIR", "folder for plan.csv, plan_needed.csv, plan.html "
            + "and plan-params.json (the design's parameters)", (name, v) -> Path.of(v)).asRequired();
    static final Opt<String> CALIBRATE_FROM = Opt.of("calibrate-from", "WAREHOUSE", "a pilot warehouse: calibrate "
            + "the design's sizes, active ties, reciprocity, inbound requests and bursts to its "
            + Warehouse.OWNER_METRICS + " (effects stay those of --params)", Opt.TEXT)
            .withDefault(null, "none: --params as it is");
    static final Opt<List<Integer>> DONORS = Opt.of("donors", "LIST",
            "candidate donor counts, comma-separated", Cli::donors).withDefault(PLAN_DONORS, "50,100,200,400");
    static final Opt<Integer> POPULATIONS = Opt.of("populations", "N",
            "simulated populations per donor count", Opt.intAtLeast(1)).withDefault(100);
    static final Opt<Integer> PLAN_BOOTSTRAP = Opt.of("bootstrap", "B", "bootstrap resamples of owners (and "
            + "permutation draws) per claim and population; at least 400 for C8 to reach the Holm step",
            Opt.intAtLeast(1)).withDefault(400).alsoAs("resamples");
    static final Opt<Long> PLAN_SEED = Opt.of("seed", "N", "seed of every simulated population and draw",
            Opt.WHOLE_NUMBER).withDefault(CLAIMS.seed());

    /** The options every command accepts, first in its help. */
    static final List<Opt<?>> COMMON = List.of(HELP, MASTER, CONF);
    static final Opt<OwnerPanels.Period> PANEL_PERIOD = Opt.of("panel-period", "PERIOD",
            "rows of features/panels: month or quarter (the claims C11 and C12 use them as they are)",
            Cli::panelPeriod).withDefault(OwnerPanels.Period.MONTH, "month");
    /** The thresholds, which the claims stage also takes (its wording names them). */
    static final List<Opt<?>> FEATURE_OPTIONS = List.of(BURST_K, DORMANCY_DAYS, RESPONSE_DAYS);
    static final List<Opt<?>> CLAIM_OPTIONS = List.of(SEED, BOOTSTRAP, MIN_OWNERS, K_MIN, MEGA);

    private Cli() {
    }

    /** The Commons CLI options of a list of declarations, in its order. */
    static Options options(List<Opt<?>> opts) {
        Options o = new Options();
        opts.forEach(opt -> opt.addTo(o));
        return o;
    }

    /** The inbox; a missing or unreadable folder is an unreadable input (exit code 3), not a usage error. */
    static Path input(CommandLine cl) throws UsageException, UnreadableInputException {
        String v = INPUT.get(cl);
        Path p = Path.of(v);
        if (!Files.isDirectory(p) || !Files.isReadable(p)) {
            throw new UnreadableInputException("Cannot read --input " + v + ": not a readable folder");
        }
        return p;
    }

    static Warehouse warehouse(CommandLine cl) throws UsageException {
        return new Warehouse(OUTPUT.get(cl));
    }

    /**
     * The warehouse of a command that reads an earlier stage's output: when it is a local folder, that output
     * ({@code needs}, relative) must be there, else an unreadable input (exit code 3) saying which command makes it.
     */
    static Warehouse existingWarehouse(CommandLine cl, String needs) throws UsageException, UnreadableInputException {
        Warehouse w = warehouse(cl);
        Path local = WarehouseLock.localPath(w.root());
        if (local != null && !Files.isDirectory(local.resolve(needs))) {
            throw new UnreadableInputException("Cannot read the warehouse " + w.root() + ": "
                    + (Files.isDirectory(local) ? "it has no " + needs + "/ yet (run the stage that writes it, or "
                    + "'tiedepth run')" : "no such folder"));
        }
        return w;
    }

    static StudyKey key(CommandLine cl, Map<String, String> env) throws UsageException {
        Path file = KEY_FILE.get(cl);
        try {
            return StudyKey.resolve(file, env, DEMO_KEY.get(cl));
        } catch (IllegalArgumentException | IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** --run-date, or --to (the same date) of a backfill; today (UTC) without either. */
    static LocalDate runDate(CommandLine cl) throws UsageException {
        if (TO.given(cl) && RUN_DATE.given(cl) && !TO.raw(cl).equals(RUN_DATE.raw(cl))) {
            throw new UsageException("Cannot use both --to and --run-date with different dates");
        }
        LocalDate d = TO.given(cl) ? TO.get(cl) : RUN_DATE.get(cl);
        return d == null ? LocalDate.now(ZoneOffset.UTC) : d;
    }

    /** --from, checked against the run date (at most 366 days back); null without it. */
    static LocalDate backfillFrom(CommandLine cl, LocalDate runDate) throws UsageException {
        LocalDate from = FROM.get(cl);
        if (from != null && (from.isAfter(runDate) || from.plusDays(366).isBefore(runDate))) {
            throw new UsageException("Cannot use --from " + FROM.raw(cl) + ": it must be on or before the run date "
                    + runDate + " and at most 366 days before it");
        }
        return from;
    }

    static FeatureParams featureParams(CommandLine cl) throws UsageException {
        return new FeatureParams(BURST_K.get(cl), DORMANCY_DAYS.get(cl), RESPONSE_DAYS.get(cl),
                PANEL_PERIOD.get(cl));
    }

    private static OwnerPanels.Period panelPeriod(String name, String v) throws UsageException {
        return switch (v) {
            case "month" -> OwnerPanels.Period.MONTH;
            case "quarter" -> OwnerPanels.Period.QUARTER;
            default -> throw new UsageException("Cannot use --" + name + " " + v + ": expected month or quarter");
        };
    }

    static ClaimParams claimParams(CommandLine cl, FeatureParams f) throws UsageException {
        return new ClaimParams(SEED.get(cl), BOOTSTRAP.get(cl), MIN_OWNERS.get(cl), K_MIN.get(cl), MEGA.get(cl),
                f.burstK(), f.dormancyDays(), f.responseDays(), CLAIMS.alpha());
    }

    private static Path readableFile(String name, String v) throws UsageException {
        Path p = Path.of(v);
        if (!Files.isReadable(p)) {
            throw new UsageException("Cannot read --" + name + " " + v + ": no such readable file");
        }
        return p;
    }

    /** Comma-separated platform names, {@code x} for twitter, duplicates dropped, in the order given. */
    private static List<String> platforms(String name, String v) throws UsageException {
        List<String> platforms = new ArrayList<>();
        for (String p : v.split(",")) {
            String platform = p.trim().toLowerCase(Locale.ROOT);
            if (platform.equals("x")) {
                platform = "twitter";
            }
            if (!platform.isEmpty() && !platforms.contains(platform)) {
                platforms.add(platform);
            }
        }
        for (String p : platforms) {
            if (!ExportWriter.PLATFORMS.contains(p)) {
                throw new UsageException("Cannot use --" + name + ": unknown platform '" + p + "' (expected "
                        + String.join(", ", ExportWriter.PLATFORMS) + "; x means twitter)");
            }
        }
        if (platforms.isEmpty()) {
            throw new UsageException("Cannot use --" + name + ": no platform given");
        }
        return List.copyOf(platforms);
    }

    /** Comma-separated positive whole numbers, sorted, duplicates dropped. */
    private static List<Integer> donors(String name, String v) throws UsageException {
        java.util.TreeSet<Integer> counts = new java.util.TreeSet<>();
        try {
            for (String part : v.split(",", -1)) {
                counts.add(Integer.parseInt(part.trim()));
            }
        } catch (NumberFormatException e) {
            counts.add(0);
        }
        if (counts.isEmpty() || counts.first() < 1) {
            throw new UsageException("Cannot use --" + name + " " + v + ": expected positive whole numbers separated "
                    + "by commas (e.g. 50,100,200,400)");
        }
        return List.copyOf(counts);
    }

    /** The pilot warehouse of --calibrate-from: its owner metrics must be there (else exit code 3); null without. */
    static Warehouse pilot(CommandLine cl) throws UsageException, UnreadableInputException {
        String root = CALIBRATE_FROM.get(cl);
        if (root == null) {
            return null;
        }
        Warehouse w = new Warehouse(root);
        Path local = WarehouseLock.localPath(w.root());
        if (local != null && !Files.isDirectory(local.resolve(Warehouse.OWNER_METRICS))) {
            throw new UnreadableInputException("Cannot read --" + CALIBRATE_FROM.name() + " " + root + ": "
                    + (Files.isDirectory(local) ? "it has no " + Warehouse.OWNER_METRICS + "/ (run 'tiedepth run' or "
                    + "'tiedepth features' on the pilot's exports first)" : "no such folder"));
        }
        return w;
    }

    private static GeneratorParams generatorParams(String name, String file) throws UsageException {
        if (!Files.isReadable(Path.of(file))) {
            throw new UsageException("Cannot read --" + name + " " + file + ": no such readable file (give the path "
                    + "of a JSON file of generator parameters, as 'generate --params' reads; leave --" + name
                    + " out for the defaults)");
        }
        Path p = Path.of(file);
        try {
            return GeneratorParams.load(p);
        } catch (IllegalArgumentException | IOException e) {
            throw new UsageException(e.getMessage() != null && e.getMessage().startsWith("Cannot ")
                    ? e.getMessage() : "Cannot read --" + name + " " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
