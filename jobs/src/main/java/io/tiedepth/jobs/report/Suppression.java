package io.tiedepth.jobs.report;

import java.util.List;

/**
 * Which cells of a table whose rows add up to a published total must not show their numbers: every row describing
 * fewer than k_min owners (but at least one), and — complementary suppression — when that leaves exactly one row
 * hidden, the smallest other row too, so the hidden one cannot be recovered as the total minus the rows shown
 * (with two or more rows hidden, the total only gives their sum, never one row). Reference: Hundepool et al., <i>Statistical Disclosure Control</i>
 * (Wiley 2012), §4.4 "secondary (complementary) cell suppression", the simplest single-dimension case.
 */
final class Suppression {
    private Suppression() {
    }

    /** For rows describing {@code owners} each (summed into a total shown elsewhere): which to hide. */
    static boolean[] hidden(List<Long> owners, int kMin) {
        boolean[] hide = new boolean[owners.size()];
        int hiddenRows = 0;
        for (int i = 0; i < hide.length; i++) {
            long n = owners.get(i);
            hide[i] = n > 0 && n < kMin;
            hiddenRows += hide[i] ? 1 : 0;
        }
        if (hiddenRows == 1) {
            int smallest = -1;
            for (int i = 0; i < hide.length; i++) {
                if (!hide[i] && owners.get(i) > 0 && (smallest < 0 || owners.get(i) < owners.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hide[smallest] = true;
            }
        }
        return hide;
    }
}
