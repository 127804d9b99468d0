package io.tiedepth.claims;

import io.tiedepth.generate.Generator;
import io.tiedepth.generate.GeneratorParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Populations of owners drawn from the generator's in-memory model ({@link GeneratedOwners#rows}: nothing is
 * written per owner) and every claim evaluated on each exactly as the claims stage evaluates them: all claims
 * together, Holm across them ({@link Claims#evaluate(List, List)}). The shared step of the recovery study
 * ({@link RecoveryStudy}) and of {@code tiedepth plan} ({@code io.tiedepth.plan.PowerPlan}).
 *
 * <p>Populations are evaluated a batch at a time: the owners of the batch's generator seeds are measured (in
 * parallel over owners, once per seed: populations of one seed are prefixes of its largest), then every
 * (population, claim) pair is one task on a pool of one thread per core. Every draw depends only on the seeds, so
 * the results are the same whatever the number of cores and the batch size.
 */
public final class SimulatedPopulations {

    /**
     * One population.
     *
     * @param generatorSeed the generator's seed; the population is its owners 0..owners − 1
     * @param owners owners in the population
     * @param claimSeed the claims' seed (bootstrap and permutation draws)
     */
    public record Population(long generatorSeed, int owners, long claimSeed) {
    }

    private SimulatedPopulations() {
    }

    /** How a population's owners are drawn: owners first..first + count − 1 of a generator's model. */
    @FunctionalInterface
    public interface OwnerSource {
        List<OwnerRow> rows(Generator generator, int first, int count);
    }

    /**
     * Each population's claims (C1..C10 in order, Holm-adjusted within the population), in the order of
     * {@code populations}.
     *
     * @param claims the claims' parameters; each population uses them with its own claim seed
     * @param batch populations evaluated together (at least 1); a batch should hold every population of its seeds
     * @param done called after each batch with the populations evaluated so far
     */
    public static List<List<ClaimResult>> evaluate(GeneratorParams params, List<String> platforms,
                                                   ClaimParams claims, List<Population> populations, int batch,
                                                   IntConsumer done) {
        return evaluate(Claims.ALL, GeneratedOwners::rows, params, platforms, claims, populations, batch, done);
    }

    /**
     * {@link #evaluate(GeneratorParams, List, ClaimParams, List, int, IntConsumer)} of another family of claims
     * (Holm-adjusted together, in the order given) on owners drawn by {@code source} (the within-owner claims need
     * {@link GeneratedOwners#rowsWithPanels}).
     */
    public static List<List<ClaimResult>> evaluate(List<Claim> family, OwnerSource source, GeneratorParams params,
                                                   List<String> platforms, ClaimParams claims,
                                                   List<Population> populations, int batch, IntConsumer done) {
        List<List<ClaimResult>> out = new ArrayList<>(populations.size());
        for (int from = 0; from < populations.size(); from += Math.max(1, batch)) {
            List<Population> part = populations.subList(from, Math.min(populations.size(), from + Math.max(1, batch)));
            out.addAll(evaluateBatch(family, source, params, platforms, claims, part));
            done.accept(out.size());
        }
        return out;
    }

    private static List<List<ClaimResult>> evaluateBatch(List<Claim> family, OwnerSource source,
                                                         GeneratorParams params, List<String> platforms,
                                                         ClaimParams claims, List<Population> part) {
        Map<Long, List<OwnerRow>> owners = ownersBySeed(source, params, platforms, part);
        List<Claims.Family> families = new ArrayList<>();
        for (Population p : part) {
            List<OwnerRow> rows = owners.get(p.generatorSeed()).subList(0, p.owners());
            families.add(new Claims.Family(ClaimInputs.of(rows), claims.withSeed(p.claimSeed())));
        }
        return Claims.evaluate(family, families);
    }

    /** The owners of each generator seed of {@code part}, as many as its largest population needs. */
    private static Map<Long, List<OwnerRow>> ownersBySeed(OwnerSource source, GeneratorParams params,
                                                          List<String> platforms, List<Population> part) {
        Map<Long, Integer> largest = new LinkedHashMap<>();
        for (Population p : part) {
            largest.merge(p.generatorSeed(), p.owners(), Math::max);
        }
        Map<Long, List<OwnerRow>> owners = new LinkedHashMap<>();
        largest.forEach((seed, n) -> owners.put(seed, source.rows(new Generator(params, seed, platforms), 0, n)));
        return owners;
    }
}
