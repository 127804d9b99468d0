package io.tiedepth.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Family-wise error control over the claims' p-values (DESIGN §7). */
public final class Multiplicity {

  private Multiplicity() {
  }

  /**
   * Holm–Bonferroni adjusted p-values (Holm 1979, "A simple sequentially rejective multiple test procedure",
   * Scand. J. Statist. 6:65–70), identical to R {@code p.adjust(p, "holm")}.
   *
   * <p>Definition: with the m testable p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎,
   * <pre>  p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎)</pre>
   * so adjusted values are monotone in the raw ones and capped at 1. Rejecting every hypothesis with p̃ ≤ α controls
   * the family-wise error rate at α. NaN entries mark untestable claims: they stay NaN and do not count in m.
   * Output is in input order.
   *
   * @throws IllegalArgumentException if a p-value is outside [0, 1]
   */
  public static double[] holm(double[] p) {
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    Integer[] testable = new Integer[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        continue;
      }
      if (p[i] < 0 || p[i] > 1) {
        throw new IllegalArgumentException(
            "Cannot adjust p-values: p[" + i + "] = " + p[i] + " is outside [0, 1]");
      }
      testable[m++] = i;
    }
    Integer[] order = Arrays.copyOf(testable, m);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }
}
