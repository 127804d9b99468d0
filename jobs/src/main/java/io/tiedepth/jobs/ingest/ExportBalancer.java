package io.tiedepth.jobs.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Spreads exports over tasks so that each task parses many exports and the tasks carry similar byte loads:
 * largest first, each to the currently lightest task (LPT scheduling, within 4/3 of optimal). Deterministic:
 * equal sizes are taken in path order, equal loads by task index.
 */
public final class ExportBalancer {
    private ExportBalancer() {
    }

    /** An export and its size in bytes. */
    public record Sized(String path, long bytes) {
    }

    /** The task index of each export, in the order given. */
    public static int[] assign(List<Sized> exports, int tasks) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < exports.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> -exports.get(i).bytes())
                .thenComparing(i -> exports.get(i).path()));
        PriorityQueue<long[]> load = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(l -> l[0]).thenComparingLong(l -> l[1]));
        for (int t = 0; t < tasks; t++) {
            load.add(new long[] {0, t});
        }
        int[] out = new int[exports.size()];
        for (int i : order) {
            long[] lightest = load.poll();
            out[i] = (int) lightest[1];
            lightest[0] += Math.max(1, exports.get(i).bytes());
            load.add(lightest);
        }
        return out;
    }

    /** Tasks for n exports: about {@code perCore} tasks per core, never more than one per export. */
    public static int taskCount(int exports, int cores, int perCore) {
        return Math.max(1, Math.min(exports, cores * perCore));
    }
}
