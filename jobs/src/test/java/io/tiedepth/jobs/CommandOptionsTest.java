package io.tiedepth.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.claims.ClaimParams;
import io.tiedepth.claims.GeneratedOwners;
import io.tiedepth.features.FeatureParams;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.jobs.generate.GenerateJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each option is declared once ({@link Cli}); help, parsing, defaults and the README follow that declaration. */
class CommandOptionsTest {

    static List<String> commands() {
        return List.copyOf(Main.COMMANDS.keySet());
    }

    private static String help(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {command, "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static CommandLine parse(String command, String... args) throws ParseException {
        return new DefaultParser().parse(Main.COMMANDS.get(command).options(), args);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpListsEachOptionOnceWithItsDefault(String command) {
        String help = help(command);
        String flat = help.replaceAll("\\s+", " ");
        List<String> names = Main.COMMANDS.get(command).opts().stream()
                .flatMap(o -> o.alias() == null ? Stream.of(o.name()) : Stream.of(o.name(), o.alias())).toList();
        assertThat(names).as("option names of " + command).doesNotHaveDuplicates();
        for (Opt<?> opt : Main.COMMANDS.get(command).opts()) {
            Pattern listed = Pattern.compile("(?m)^\\s+(-\\w,)?--" + Pattern.quote(opt.name()) + "(\\s|$)");
            assertThat(listed.matcher(help).results().count()).as(command + " --" + opt.name()).isEqualTo(1);
            String line = "--" + opt.name() + (opt.isFlag() ? "" : " <" + opt.argName() + ">") + " "
                    + opt.description().replaceAll("\\s+", " ");
            assertThat(flat).as(command + " --" + opt.name()).contains(line);
            if (opt.defaultText() != null) {
                assertThat(line).endsWith("(default " + opt.defaultText() + ")");
            }
            if (opt.alias() != null) {
                assertThat(flat).contains("--" + opt.alias() + " <" + opt.argName() + "> same as --" + opt.name());
            }
        }
    }

    @Test
    void theHelpShowsTheDefaultsOfTheParameterRecords() {
        FeatureParams f = FeatureParams.DEFAULTS;
        ClaimParams c = ClaimParams.DEFAULTS;
        String claims = help("claims").replaceAll("\\s+", " ");
        for (var expected : Map.of("burst-k <K>", f.burstK(), "dormancy-days <DAYS>", f.dormancyDays(),
                "response-days <DAYS>", f.responseDays(), "seed <N>", c.seed(), "bootstrap <B>", c.resamples(),
                "min-owners <N>", c.minOwners(), "k-min <K>", c.kMin(), "mega <TIES>", c.megaTies()).entrySet()) {
            assertThat(claims).containsPattern(Pattern.quote("--" + expected.getKey()) + " (?:(?! --).)*\\(default "
                    + expected.getValue() + "\\)");
        }
        assertThat(help("generate").replaceAll("\\s+", " ")).containsPattern("--estimand-owners <N> (?:(?! --).)*"
                + "\\(default " + GeneratedOwners.DEFAULT_ESTIMAND_OWNERS + "\\)");
    }

    @Test
    void withoutOptionsTheParametersAreTheDeclaredDefaults() throws Exception {
        CommandLine claims = parse("claims");
        assertThat(Cli.featureParams(claims)).isEqualTo(FeatureParams.DEFAULTS);
        assertThat(Cli.claimParams(claims, Cli.featureParams(claims))).isEqualTo(ClaimParams.DEFAULTS);
        assertThat(FeatureParams.DEFAULTS).isEqualTo(new FeatureParams(ClaimParams.DEFAULTS.burstK(),
                ClaimParams.DEFAULTS.dormancyDays(), ClaimParams.DEFAULTS.responseDays()));
        assertThat(Cli.K_MIN.get(parse("report"))).isEqualTo(ClaimParams.DEFAULTS.kMin());
        GenerateJob.Config g = Main.generateConfig(parse("generate", "--owners", "2", "--output", "out"));
        assertThat(g.estimandOwners()).isEqualTo(GeneratedOwners.DEFAULT_ESTIMAND_OWNERS);
        assertThat(g.params()).isSameAs(GeneratorParams.DEFAULTS);
        assertThat(g.platforms()).containsExactly("linkedin");
    }

    @Test
    void givenValuesOverrideTheDefaultsAndAnAliasReadsAsItsOption() throws Exception {
        CommandLine cl = parse("claims", "--warehouse", "w", "--burst-k", "3", "--seed", " 7 ", "--mega", "50");
        ClaimParams p = Cli.claimParams(cl, Cli.featureParams(cl));
        assertThat(p.burstK()).isEqualTo(3);
        assertThat(p.seed()).isEqualTo(7L);
        assertThat(p.megaTies()).isEqualTo(50);
        assertThat(p.resamples()).isEqualTo(ClaimParams.DEFAULTS.resamples());
        assertThat(Cli.warehouse(cl).root()).isEqualTo(new Warehouse("w").root());
        assertThat(SparkOptions.from(parse("run", "--conf", "a=1", "--conf", "b=x=y")).conf())
                .isEqualTo(Map.of("a", "1", "b", "x=y"));
    }

    @Test
    void everyOptionAndNumericDefaultIsInTheReadmeTables() throws IOException {
        List<String[]> rows = Files.readAllLines(Path.of("..", "README.md")).stream()
                .filter(l -> l.startsWith("| `--")).map(l -> l.split("\\|")).toList();
        for (var command : Main.COMMANDS.values()) {
            for (Opt<?> opt : command.own()) {
                List<String[]> documented = rows.stream().filter(r -> r[1].contains("`--" + opt.name() + " ")
                        || r[1].contains("`--" + opt.name() + "`")).toList();
                assertThat(documented).as("README row of --" + opt.name()).isNotEmpty();
                if (opt.defaultValue() instanceof Number n && opt.defaultText().equals(n.toString())) {
                    assertThat(documented).as("README default of " + command.name() + " --" + opt.name())
                            .anyMatch(r -> r[r.length - 1].replace("`", "").trim().equals(opt.defaultText()));
                }
            }
        }
    }
}
