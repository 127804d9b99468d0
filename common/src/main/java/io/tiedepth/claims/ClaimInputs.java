package io.tiedepth.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The owner rows a claim is evaluated on, ordered by (owner_id, export_id) so that results do not depend on the
 * order Spark collected them in, and grouped into <b>clusters</b>, one per owner: the bootstrap resamples clusters,
 * so all exports of one owner enter or leave a resample together (the cluster bootstrap, Davison &amp; Hinkley 1997,
 * <i>Bootstrap Methods</i>, §3.8). With one export per owner, as in most studies, a cluster is one row.
 */
public final class ClaimInputs {
    private final List<OwnerRow> rows;
    /** Cluster c holds the rows firstRow[c] .. firstRow[c + 1] − 1 (rows are sorted by owner). */
    private final int[] firstRow;

    private ClaimInputs(List<OwnerRow> sorted) {
        this.rows = List.copyOf(sorted);
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !sorted.get(i).ownerId().equals(sorted.get(start).ownerId())) {
                starts.add(start);
                start = i;
            }
        }
        starts.add(sorted.size());
        this.firstRow = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public static ClaimInputs of(List<OwnerRow> owners) {
        List<OwnerRow> sorted = new ArrayList<>(owners);
        sorted.sort(Comparator.comparing(OwnerRow::ownerId).thenComparing(r -> r.exportId() == null ? ""
                : r.exportId()));
        return new ClaimInputs(sorted);
    }

    /** The rows (owner exports) in canonical order. */
    public List<OwnerRow> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** Number of owners (clusters). */
    public int owners() {
        return firstRow.length - 1;
    }

    /** The rows that satisfy the condition, as new inputs (the sub-population a claim has the data for). */
    public ClaimInputs where(Predicate<OwnerRow> condition) {
        List<OwnerRow> kept = new ArrayList<>();
        for (OwnerRow r : rows) {
            if (condition.test(r)) {
                kept.add(r);
            }
        }
        return new ClaimInputs(kept);
    }

    /** Sum of n_ties over the rows. */
    public long ties() {
        long n = 0;
        for (OwnerRow r : rows) {
            n += r.nTies();
        }
        return n;
    }

    /**
     * The row indices of a resample of clusters: for cluster indices c₁..cₘ (in 0..owners−1, repeats allowed), the
     * rows of c₁, then those of c₂, and so on. With one row per owner (the common case) the rows are the cluster
     * indices themselves, and the array given is returned.
     */
    public int[] rowsOf(int[] clusterIndices) {
        if (owners() == rows.size()) {
            return clusterIndices;
        }
        int n = 0;
        for (int c : clusterIndices) {
            n += firstRow[c + 1] - firstRow[c];
        }
        int[] out = new int[n];
        int k = 0;
        for (int c : clusterIndices) {
            for (int row = firstRow[c]; row < firstRow[c + 1]; row++) {
                out[k++] = row;
            }
        }
        return out;
    }

    /** The row indices 0..size − 1 in order: the whole sample, as a statistic receives it. */
    public int[] allRows() {
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    /** The natural log of a metric over all rows, in row order (the regressor of the claims' elasticities). */
    public double[] logColumn(OwnerMetric metric) {
        double[] v = column(metric);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.log(v[i]);
        }
        return v;
    }

    /** Values of a metric over all rows, in row order. */
    public double[] column(OwnerMetric metric) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i).get(metric);
        }
        return v;
    }

    /** values[rows[i]] for each i: a column restricted to a resample. */
    public static double[] pick(double[] values, int[] rowIndices) {
        double[] out = new double[rowIndices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[rowIndices[i]];
        }
        return out;
    }
}
