package io.tiedepth.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * One command-line option, declared once: its name, argument, default, help and parser. The help line is
 * generated: {@code help}, then {@code (required)} or {@code (default <defaultText>)}. The Commons CLI
 * {@link Option} is derived from it ({@link #addTo}), and {@link #get} reads the typed value.
 *
 * @param name         the long name, without {@code --}
 * @param letter       a one-letter short name, or null
 * @param argName      the argument's name in the help ({@code DIR}, {@code N}), or null for a flag
 * @param help         what the option does, without its default
 * @param defaultValue the value when the option is absent (false for a flag; may be null)
 * @param defaultText  the default as the help shows it, or null to show none
 * @param required     absent is a usage error ({@code Missing option --name ARG})
 * @param repeatable   may be given several times ({@link #all})
 * @param alias        another long name accepted for the same option, or null
 * @param parser       turns the argument into a value; its exception names the option and the reason
 */
record Opt<T>(String name, String letter, String argName, String help, T defaultValue, String defaultText,
              boolean required, boolean repeatable, String alias, Parser<T> parser) {

    /** Parses one argument of option {@code --name}; a bad one is a {@link UsageException} naming both. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String name, String value) throws UsageException;
    }

    /** The argument as given. */
    public static final Parser<String> TEXT = (name, value) -> value;

    /** A whole number (a seed): {@code Cannot use --NAME V: expected a whole number}. */
    public static final Parser<Long> WHOLE_NUMBER = (name, value) -> {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Cannot use --" + name + " " + value + ": expected a whole number");
        }
    };

    /** A date: {@code Cannot use --NAME V: expected YYYY-MM-DD}. */
    public static final Parser<LocalDate> DATE = (name, value) -> {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("Cannot use --" + name + " " + value + ": expected YYYY-MM-DD");
        }
    };

    /** {@code KEY=VALUE}: {@code Cannot use --NAME V: expected KEY=VALUE}. */
    public static final Parser<Map.Entry<String, String>> KEY_VALUE = (name, value) -> {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("Cannot use --" + name + " " + value + ": expected KEY=VALUE");
        }
        return Map.entry(value.substring(0, eq), value.substring(eq + 1));
    };

    /** A whole number at least {@code min}: {@code Cannot use --NAME V: expected a whole number ≥ MIN}. */
    public static Parser<Integer> intAtLeast(int min) {
        return (name, value) -> {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("Cannot use --" + name + " " + value + ": expected a whole number ≥ " + min);
        };
    }

    /** An option with an argument, no default (absent reads as null) and not required. */
    public static <T> Opt<T> of(String name, String argName, String help, Parser<T> parser) {
        return new Opt<>(name, null, argName, help, null, null, false, false, null, parser);
    }

    /** A flag: true when given, else false; the help shows no default. */
    public static Opt<Boolean> flag(String name, String help) {
        return new Opt<>(name, null, null, help, false, null, false, false, null, (n, v) -> true);
    }

    /** This option with a default shown as itself. */
    public Opt<T> withDefault(T value) {
        return withDefault(value, String.valueOf(value));
    }

    /** This option with a default shown as {@code text} (for a default computed at run time, such as today). */
    public Opt<T> withDefault(T value, String text) {
        return new Opt<>(name, letter, argName, help, value, text, false, repeatable, alias, parser);
    }

    public Opt<T> asRequired() {
        return new Opt<>(name, letter, argName, help, null, null, true, repeatable, alias, parser);
    }

    public Opt<T> asRepeatable() {
        return new Opt<>(name, letter, argName, help, defaultValue, defaultText, required, true, alias, parser);
    }

    /** This option, also accepted as {@code --other} (listed in the help as "same as --name"). */
    public Opt<T> alsoAs(String other) {
        return new Opt<>(name, letter, argName, help, defaultValue, defaultText, required, repeatable, other, parser);
    }

    public Opt<T> withLetter(String shortName) {
        return new Opt<>(name, shortName, argName, help, defaultValue, defaultText, required, repeatable, alias,
                parser);
    }

    public boolean isFlag() {
        return argName == null;
    }

    /** The help line: what it does, its alias, then {@code (required)} or its default. */
    public String description() {
        String text = alias == null ? help : help + "; also --" + alias;
        if (required) {
            return text + " (required)";
        }
        return defaultText == null ? text : text + " (default " + defaultText + ")";
    }

    /** Adds the Commons CLI option (and its alias) to {@code options}. */
    public void addTo(Options options) {
        Option.Builder b = letter == null ? Option.builder() : Option.builder(letter);
        b.longOpt(name).desc(description());
        if (!isFlag()) {
            b.hasArg().argName(argName);
        }
        options.addOption(b.build());
        if (alias != null) {
            options.addOption(Option.builder().longOpt(alias).hasArg().argName(argName).desc("same as --" + name)
                    .build());
        }
    }

    /** True when the option (or its alias) is on the command line. */
    public boolean given(CommandLine cl) {
        return cl.hasOption(name) || (alias != null && cl.hasOption(alias));
    }

    /** The argument as given (the option's, else its alias's), or null when absent. */
    public String raw(CommandLine cl) {
        return cl.hasOption(name) || alias == null ? cl.getOptionValue(name) : cl.getOptionValue(alias);
    }

    /** The parsed value; the default when absent; a usage error when absent and required. */
    public T get(CommandLine cl) throws UsageException {
        if (isFlag()) {
            return given(cl) ? parser.parse(name, null) : defaultValue;
        }
        String v = raw(cl);
        if (v == null) {
            if (required) {
                throw new UsageException("Missing option --" + name + " " + argName);
            }
            return defaultValue;
        }
        return parser.parse(name, v);
    }

    /** Every parsed value of a repeatable option, in command-line order; empty when absent. */
    public List<T> all(CommandLine cl) throws UsageException {
        List<T> values = new ArrayList<>();
        String[] given = cl.getOptionValues(name);
        if (given != null) {
            for (String v : given) {
                values.add(parser.parse(name, v));
            }
        }
        return values;
    }
}
