package io.tiedepth.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every distinct order of a multiset of labels (lexicographic), for exact laws of shuffles in tests. */
final class MultisetOrders {
    private MultisetOrders() {
    }

    static List<int[]> of(int[] labels) {
        int[] a = labels.clone();
        Arrays.sort(a);
        List<int[]> out = new ArrayList<>();
        while (true) {
            out.add(a.clone());
            int i = a.length - 2;
            while (i >= 0 && a[i] >= a[i + 1]) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            int j = a.length - 1;
            while (a[j] <= a[i]) {
                j--;
            }
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
            for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
                t = a[l];
                a[l] = a[r];
                a[r] = t;
            }
        }
    }
}
