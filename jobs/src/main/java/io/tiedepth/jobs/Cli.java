package io.tiedepth.jobs;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.jobs.features.FeatureParams;
import io.tiedepth.pseudo.StudyKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options shared by several commands, and their validation (messages name the option and the reason). */
final class Cli {
    private Cli() {
    }

    static void addInput(Options o) {
        o.addOption(Option.builder().longOpt("input").hasArg().argName("DIR")
                .desc("inbox folder of exports (.zip files or folders, nested folders are walked); also --inbox"
                        + " (required)")
                .build());
        o.addOption(Option.builder().longOpt("inbox").hasArg().argName("DIR").desc("same as --input").build());
    }

    static void addWarehouse(Options o) {
        o.addOption(Option.builder().longOpt("output").hasArg().argName("DIR")
                .desc("warehouse folder for all outputs (also --warehouse); a Hadoop URI works too (required)").build());
        o.addOption(Option.builder().longOpt("warehouse").hasArg().argName("DIR").desc("same as --output").build());
    }

    static void addKey(Options o) {
        o.addOption(Option.builder().longOpt("key-file").hasArg().argName("FILE")
                .desc("study key file (else env " + StudyKey.ENV_VAR + ")").build());
        o.addOption(Option.builder().longOpt("demo-key")
                .desc("use the public demo key when no key is given: results are NOT private (samples only)").build());
    }

    static void addBackfill(Options o) {
        o.addOption(Option.builder().longOpt("from").hasArg().argName("YYYY-MM-DD")
                .desc("also rebuild reports/<date>/ for every date from this one up to the run date, each over the "
                        + "exports ingested by then").build());
        o.addOption(Option.builder().longOpt("to").hasArg().argName("YYYY-MM-DD")
                .desc("last report date of a backfill; the same as --run-date").build());
    }

    /** --from, checked against the run date (at most 366 days back); null without it. */
    static LocalDate backfillFrom(CommandLine cl, LocalDate runDate) throws UsageException {
        String v = cl.getOptionValue("from");
        if (v == null) {
            return null;
        }
        LocalDate from;
        try {
            from = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageException("Cannot use --from " + v + ": expected YYYY-MM-DD");
        }
        if (from.isAfter(runDate) || from.plusDays(366).isBefore(runDate)) {
            throw new UsageException("Cannot use --from " + v + ": it must be on or before the run date " + runDate
                    + " and at most 366 days before it");
        }
        return from;
    }

    static void addRunDate(Options o) {
        o.addOption(Option.builder().longOpt("run-date").hasArg().argName("YYYY-MM-DD")
                .desc("the run's date: names reports/<run_date>/ and sets exports.ingested_at (default today, UTC)")
                .build());
    }

    static void addIngestTuning(Options o) {
        o.addOption(Option.builder().longOpt("tasks").hasArg().argName("N")
                .desc("parse tasks (default 4 per core, at most one per export)").build());
    }

    static void addFeatureParams(Options o) {
        o.addOption(Option.builder().longOpt("burst-k").hasArg().argName("K")
                .desc("ties gained on one day that make a burst (default 10)").build());
        o.addOption(Option.builder().longOpt("dormancy-days").hasArg().argName("DAYS")
                .desc("silence before an inbound interaction that counts as a reactivation (default 180)").build());
        o.addOption(Option.builder().longOpt("response-days").hasArg().argName("DAYS")
                .desc("window after connecting for 'any interaction' (default 180)").build());
    }

    static void addClaimParams(Options o) {
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N")
                .desc("seed of every bootstrap and permutation draw (default " + ClaimParams.DEFAULT_SEED + ")").build());
        o.addOption(Option.builder().longOpt("bootstrap").hasArg().argName("B")
                .desc("bootstrap resamples of owners, and permutation draws (default 1000; at least 400 for the Holm step "
                        + "across 9 claims to be able to reach 0.05)").build());
        o.addOption(Option.builder().longOpt("min-owners").hasArg().argName("N")
                .desc("a claim needs at least this many owners with its data, else not_testable (default 30)").build());
        addKMin(o);
        o.addOption(Option.builder().longOpt("mega").hasArg().argName("TIES")
                .desc("ties that make a mega-networker, claim C6 (default 1000)").build());
    }

    static void addKMin(Options o) {
        o.addOption(Option.builder().longOpt("k-min").hasArg().argName("K")
                .desc("report cells describing fewer owners are suppressed (default " + ClaimParams.DEFAULTS.kMin()
                        + ")").build());
    }

    static ClaimParams claimParams(CommandLine cl, FeatureParams f) throws UsageException {
        ClaimParams d = ClaimParams.DEFAULTS;
        long seed = d.seed();
        String v = cl.getOptionValue("seed");
        if (v != null) {
            try {
                seed = Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("Cannot use --seed " + v + ": expected a whole number");
            }
        }
        return new ClaimParams(seed, positiveInt(cl, "bootstrap", d.resamples()),
                positiveInt(cl, "min-owners", d.minOwners()), positiveInt(cl, "k-min", d.kMin()),
                positiveInt(cl, "mega", d.megaTies()), f.burstK(), f.dormancyDays(), f.responseDays(), d.alpha());
    }

    /** The inbox; a missing or unreadable folder is an unreadable input (exit code 3), not a usage error. */
    static Path input(CommandLine cl) throws UsageException, UnreadableInputException {
        String v = cl.hasOption("input") ? cl.getOptionValue("input") : cl.getOptionValue("inbox");
        if (v == null) {
            throw new UsageException("Missing option --input DIR");
        }
        Path p = Path.of(v);
        if (!Files.isDirectory(p) || !Files.isReadable(p)) {
            throw new UnreadableInputException("Cannot read --input " + v + ": not a readable folder");
        }
        return p;
    }

    static Warehouse warehouse(CommandLine cl) throws UsageException {
        String v = cl.hasOption("output") ? cl.getOptionValue("output") : cl.getOptionValue("warehouse");
        if (v == null) {
            throw new UsageException("Missing option --output DIR");
        }
        return new Warehouse(v);
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
        String file = cl.getOptionValue("key-file");
        if (file != null && !Files.isReadable(Path.of(file))) {
            throw new UsageException("Cannot read --key-file " + file + ": no such readable file");
        }
        try {
            return StudyKey.resolve(file == null ? null : Path.of(file), env, cl.hasOption("demo-key"));
        } catch (IllegalArgumentException | IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static LocalDate runDate(CommandLine cl) throws UsageException {
        if (cl.hasOption("to") && cl.hasOption("run-date") && !cl.getOptionValue("to").equals(cl.getOptionValue("run-date"))) {
            throw new UsageException("Cannot use both --to and --run-date with different dates");
        }
        String v = cl.hasOption("to") ? cl.getOptionValue("to") : cl.getOptionValue("run-date");
        if (v == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageException("Cannot use --run-date " + v + ": expected YYYY-MM-DD");
        }
    }

    static int tasks(CommandLine cl) throws UsageException {
        return positiveInt(cl, "tasks", 0);
    }

    static FeatureParams featureParams(CommandLine cl) throws UsageException {
        FeatureParams d = FeatureParams.DEFAULTS;
        return new FeatureParams(positiveInt(cl, "burst-k", d.burstK()), positiveInt(cl, "dormancy-days",
                d.dormancyDays()), positiveInt(cl, "response-days", d.responseDays()));
    }

    static int positiveInt(CommandLine cl, String option, int fallback) throws UsageException {
        return intAtLeast(cl, option, fallback, 1);
    }

    static int nonNegativeInt(CommandLine cl, String option, int fallback) throws UsageException {
        return intAtLeast(cl, option, fallback, 0);
    }

    /** The option's whole-number value, at least {@code min}; {@code fallback} when the option is absent. */
    private static int intAtLeast(CommandLine cl, String option, int fallback, int min) throws UsageException {
        String v = cl.getOptionValue(option);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("Cannot use --" + option + " " + v + ": expected a whole number ≥ " + min);
        }
    }

    static String required(CommandLine cl, String option) throws UsageException {
        String v = cl.getOptionValue(option);
        if (v == null) {
            throw new UsageException("Missing option --" + option);
        }
        return v;
    }
}
