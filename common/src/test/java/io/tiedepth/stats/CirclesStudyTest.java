package io.tiedepth.stats;

import io.tiedepth.generate.GeneratorParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The study behind README's "Dunbar circles" table (not part of the suite: {@code scripts/circles-study.sh} runs it
 * with {@code -Dcircles.study=true}): each rule for the number of circles ({@link CircleCountRules.Rule}) on the
 * active ties of generated owners with ≥ 140 active ties ({@code circles.seeds} seeds × {@code circles.owners}
 * owners of the default model, where 4 layers are planted) and on frequency spreads without layers (200 uniform
 * spreads on [1, 30] of 50, 150 and 300 frequencies; 200 log-normal spreads of 150), and on 200 hand-made owners
 * with 4 layers per jitter ({@link CircleCountRules#layered}). Prints and writes a Markdown table to
 * {@code target/circles-study.md}.
 */
@EnabledIfSystemProperty(named = "circles.study", matches = "true")
class CirclesStudyTest {

    @Test
    void study() throws IOException {
        int seeds = Integer.getInteger("circles.seeds", 5);
        int owners = Integer.getInteger("circles.owners", 500);
        List<CircleCountRules.Owner> generated = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            generated.addAll(CircleCountRules.generated(GeneratorParams.DEFAULTS, seed, owners));
        }
        List<List<double[]>> unstructured = List.of(CircleCountRules.uniform(50, 200, 50),
                CircleCountRules.uniform(150, 200, 150), CircleCountRules.uniform(300, 200, 300),
                CircleCountRules.logNormal(150, 200, 151));
        List<List<double[]>> layered = List.of(CircleCountRules.layered(0.05, 200, 5),
                CircleCountRules.layered(0.15, 200, 15), CircleCountRules.layered(0.3, 200, 30));
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Generated owners with ≥ %d active ties: %d (%d seeds × %d owners); "
                + "planted core layers, median cumulative sizes %s of median %s active ties.%n%n",
                CircleCountRules.MIN_ACTIVE, generated.size(), seeds, owners, plantedMedians(generated),
                median(generated.stream().mapToInt(o -> o.frequency().length).toArray())));
        md.append("| rule | 4 circles | 1 / 2 / 3 / 4 / 5 / > 5 circles | median sizes, owners with 4 | "
                + "false circles: uniform 50 / 150 / 300 | log-normal 150 | hand-made 4 layers, jitter 5 / 15 / 30 %: "
                + "4 circles |\n|---|---|---|---|---|---|---|\n");
        for (CircleCountRules.Rule rule : CircleCountRules.Rule.values()) {
            md.append(row(rule, generated, unstructured, layered));
        }
        String table = md.toString();
        System.out.println(table);
        Files.writeString(Path.of("target", "circles-study.md"), table);
    }

    private static String row(CircleCountRules.Rule rule, List<CircleCountRules.Owner> generated,
            List<List<double[]>> unstructured, List<List<double[]>> layered) {
        int[] counts = new int[7];
        List<int[]> fourSizes = new ArrayList<>();
        for (CircleCountRules.Owner o : generated) {
            int k = rule.count(o.frequency());
            counts[Math.min(k, 6)]++;
            if (k == 4) {
                fourSizes.add(CircleCountRules.cumulativeSizes(o.frequency(), 4));
            }
        }
        String distribution = Arrays.stream(counts, 1, 7).mapToObj(Integer::toString)
                .collect(Collectors.joining(" / "));
        String sizes = fourSizes.isEmpty() ? "–" : columnMedians(fourSizes, 4);
        String uniform = unstructured.subList(0, 3).stream()
                .map(sets -> percent(CircleCountRules.falseCircleRate(rule, sets)))
                .collect(Collectors.joining(" / "));
        String recovered = layered.stream().map(sets -> percent(CircleCountRules.shareOfSetsWith(rule, sets, 4)))
                .collect(Collectors.joining(" / "));
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", rule.label,
                percent(counts[4] / (double) generated.size()), distribution, sizes, uniform,
                percent(CircleCountRules.falseCircleRate(rule, unstructured.get(3))), recovered);
    }

    private static String plantedMedians(List<CircleCountRules.Owner> generated) {
        return columnMedians(generated.stream().map(CircleCountRules.Owner::plantedCumulative).toList(), 4);
    }

    private static String columnMedians(List<int[]> rows, int columns) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            final int c = j;
            out.add(median(rows.stream().mapToInt(r -> r[c]).toArray()));
        }
        return String.join("/", out);
    }

    private static String median(int[] values) {
        int[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double m = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
        return m == Math.rint(m) ? Long.toString((long) m) : String.format(Locale.ROOT, "%.1f", m);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
