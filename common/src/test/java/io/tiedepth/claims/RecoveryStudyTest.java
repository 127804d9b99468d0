package io.tiedepth.claims;

import io.tiedepth.generate.GeneratorParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The recovery study behind the README table (not part of the test suite: {@code scripts/recovery-study.sh} runs it
 * with {@code -Drecovery.study=true}). For each seed, one population with every effect planted and, per claim, one
 * with that effect switched off (strict nulls as in GeneratedRecoveryTest), each of {@code recovery.owners} owners
 * from the generator's model; all ten claims are evaluated together (Holm across them) with the default 1,000
 * resamples. Writes a Markdown table to {@code target/recovery-study.md}.
 */
@EnabledIfSystemProperty(named = "recovery.study", matches = "true")
class RecoveryStudyTest {

    static final Map<String, String> OFF = new LinkedHashMap<>();
    static final Map<String, Double> PLANTED = Map.of("C3", 0.5, "C4", 0.8, "C6", 0.6, "C9", 2.0);

    static {
        OFF.put("C1", "{\"effects\": {\"c1DiminishingReturns\": {\"enabled\": false}, \"c2Ceiling\": {\"enabled\": false}}}");
        OFF.put("C2", "{\"effects\": {\"c2Ceiling\": {\"enabled\": false}}}");
        OFF.put("C3", "{\"effects\": {\"c3BurstPenalty\": {\"enabled\": false}}}");
        OFF.put("C4", "{\"effects\": {\"c4InboundGrowth\": {\"enabled\": false}}}");
        OFF.put("C5", "{\"effects\": {\"c5EffortReciprocity\": {\"enabled\": false}}}");
        OFF.put("C6", "{\"effects\": {\"c6MegaHelpful\": {\"enabled\": false}}}");
        OFF.put("C7", "{\"effects\": {\"c7ReciprocityDecline\": {\"enabled\": false}, \"c6MegaHelpful\": {\"helpfulShare\": 0.95}}}");
        OFF.put("C8", "{\"effects\": {\"c8ReactivationWaves\": {\"enabled\": false}}}");
        OFF.put("C9", "{\"effects\": {\"c9NoteEffect\": {\"enabled\": false}}}");
    }

    private static final class Tally {
        int supported;
        int contradicted;
        int inconclusive;
        int notTestable;
        int covered;
        double sum;
        int n;

        void add(ClaimResult r, Double planted) {
            switch (r.verdict()) {
                case SUPPORTED -> supported++;
                case CONTRADICTED -> contradicted++;
                case INCONCLUSIVE -> inconclusive++;
                default -> notTestable++;
            }
            if (planted != null && r.ciLow() <= planted && planted <= r.ciHigh()) {
                covered++;
            }
            if (!Double.isNaN(r.estimate())) {
                sum += r.estimate();
                n++;
            }
        }

        String row(int seeds, boolean coverage) {
            return supported + " | " + contradicted + " | " + inconclusive + " | " + notTestable + " | "
                    + (n == 0 ? "" : Fmt.num(sum / n)) + " | " + (coverage ? covered + "/" + seeds : "");
        }
    }

    @Test
    void study() throws IOException {
        int seeds = Integer.getInteger("recovery.seeds", 5);
        int owners = Integer.getInteger("recovery.owners", 500);
        ClaimParams params = ClaimParams.DEFAULTS;
        Map<String, Tally> on = new LinkedHashMap<>();
        Map<String, Tally> off = new LinkedHashMap<>();
        for (long seed = 1; seed <= seeds; seed++) {
            List<ClaimResult> all = Claims.evaluate(ClaimInputs.of(GeneratedOwners.rows(GeneratorParams.DEFAULTS,
                    seed, owners)), params.withSeed(seed));
            for (ClaimResult r : all.subList(0, 9)) {
                on.computeIfAbsent(r.claimId(), k -> new Tally()).add(r, PLANTED.get(r.claimId()));
            }
            for (Map.Entry<String, String> e : OFF.entrySet()) {
                List<ClaimResult> r = Claims.evaluate(ClaimInputs.of(GeneratedOwners.rows(
                        GeneratorParams.DEFAULTS.with(e.getValue()), seed, owners)), params.withSeed(seed));
                off.computeIfAbsent(e.getKey(), k -> new Tally()).add(r.stream()
                        .filter(x -> x.claimId().equals(e.getKey())).findFirst().orElseThrow(), null);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Recovery study: " + seeds + " seeds x " + owners + " owners per population, generator defaults, "
                + "1,000 resamples, Holm across the 9 testable claims.");
        lines.add("");
        lines.add("| claim | world | supported | contradicted | inconclusive | not testable | mean estimate | "
                + "CI covers planted |");
        lines.add("|---|---|---|---|---|---|---|---|");
        for (String id : OFF.keySet()) {
            lines.add("| " + id + " | planted | " + on.get(id).row(seeds, PLANTED.containsKey(id)) + " |");
            lines.add("| " + id + " | off | " + off.get(id).row(seeds, false) + " |");
        }
        String table = String.join("\n", lines) + "\n";
        System.out.println(table);
        Files.writeString(Path.of("target", "recovery-study.md"), table);
    }
}
