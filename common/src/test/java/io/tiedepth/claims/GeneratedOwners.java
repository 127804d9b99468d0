package io.tiedepth.claims;

import io.tiedepth.generate.Generator;
import io.tiedepth.generate.GeneratorParams;
import io.tiedepth.generate.OwnerSummary;
import io.tiedepth.generate.OwnerTruth;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Owner rows from the synthetic-donation generator's model ({@link Generator#measure}: the realised per-owner values
 * that {@code features} computes on the written exports, without writing them), for recovery tests of the claims.
 */
public final class GeneratedOwners {
    private GeneratedOwners() {
    }

    public static List<OwnerRow> rows(GeneratorParams params, long seed, int owners) {
        return rows(params, seed, owners, List.of("linkedin"));
    }

    /** As {@link #rows(GeneratorParams, long, int)}, with owners on {@code platforms}. */
    public static List<OwnerRow> rows(GeneratorParams params, long seed, int owners, List<String> platforms) {
        Generator g = new Generator(params, seed, platforms);
        GeneratorParams.Features f = params.features();
        List<OwnerRow> out = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            OwnerSummary s = g.measure(i);
            out.add(row(s, f.dormancyDays()));
        }
        return out;
    }

    static OwnerRow row(OwnerSummary s, int dormancyDays) {
        OwnerTruth t = s.truth();
        OwnerRow.Builder b = OwnerRow.builder("synth-" + s.index(), "owner-" + s.index()).platform(s.platform())
                .set(OwnerMetric.N_TIES, (double) t.nTies())
                .set(OwnerMetric.N_ACTIVE, (double) t.nActive())
                .set(OwnerMetric.N_RECIPROCAL, (double) t.nReciprocal())
                .set(OwnerMetric.N_SUSTAINED, (double) t.nSustained())
                .set(OwnerMetric.RECIPROCAL_SHARE, t.reciprocalShare())
                .set(OwnerMetric.ACTIVE_SHARE, t.nTies() == 0 ? Double.NaN : t.nActive() / (double) t.nTies())
                .set(OwnerMetric.OUTBOUND_INITIATION_SHARE, t.outboundInitiationShare())
                .set(OwnerMetric.INBOUND_REQUESTS_PER_MONTH, t.inboundPerMonth())
                .set(OwnerMetric.REACTIVATIONS, (double) t.reactivations())
                .set(OwnerMetric.OBSERVATION_DAYS, t.observationDays())
                .set(OwnerMetric.BURST_SHARE, t.nTies() == 0 ? Double.NaN : t.burstTies() / (double) t.nTies())
                .burst(t.burstObservable(), t.burstWithin())
                .nonBurst(t.otherObservable(), t.otherWithin())
                .note(t.noteTies(), t.noteReciprocal())
                .noNote(t.noNoteTies(), t.noNoteReciprocal());
        int[] eligible = C8DormantTiesWakeTogether.eligibleMonths(Instant.ofEpochSecond(t.windowStart()),
                Instant.ofEpochSecond(t.windowEnd()), dormancyDays);
        if (eligible[1] >= eligible[0]) {
            long[] counts = new long[eligible[1] - eligible[0] + 1];
            for (Map.Entry<String, Integer> e : t.reactivationsByMonth().entrySet()) {
                YearMonth m = YearMonth.parse(e.getKey());
                int i = m.getYear() * 12 + m.getMonthValue() - 1 - eligible[0];
                if (i >= 0 && i < counts.length) {
                    counts[i] += e.getValue();
                }
            }
            b.reactivationMonths(eligible[0], counts);
        }
        return b.build();
    }
}
