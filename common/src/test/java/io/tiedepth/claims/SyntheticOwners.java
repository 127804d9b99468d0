package io.tiedepth.claims;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Owner rows with planted relationships for the claims' tests: n_ties log-uniform in [minTies, maxTies], then each
 * test sets the metrics its claim reads from n_ties and a seeded generator.
 */
final class SyntheticOwners {

    interface Planter {
        void plant(OwnerRow.Builder owner, long nTies, RandomGenerator rng);
    }

    private SyntheticOwners() {
    }

    static List<OwnerRow> owners(int n, long seed, double minTies, double maxTies, Planter planter) {
        RandomGenerator rng = new Well19937c(seed);
        List<OwnerRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ties = Math.round(Math.exp(Math.log(minTies) + rng.nextDouble() * (Math.log(maxTies)
                    - Math.log(minTies))));
            OwnerRow.Builder b = OwnerRow.builder("e" + i, String.format("o%05d", i)).platform("test")
                    .set(OwnerMetric.N_TIES, (double) ties);
            planter.plant(b, ties, rng);
            out.add(b.build());
        }
        return out;
    }

    static ClaimInputs inputs(int n, long seed, double minTies, double maxTies, Planter planter) {
        return ClaimInputs.of(owners(n, seed, minTies, maxTies, planter));
    }

    /** Multiplicative log-normal noise exp(sd·Z). */
    static double noise(RandomGenerator rng, double sd) {
        return Math.exp(sd * rng.nextGaussian());
    }

    /** A binomial draw (sum of Bernoulli trials; n is small in tests). */
    static long binomial(RandomGenerator rng, long n, double p) {
        long k = 0;
        for (long i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
