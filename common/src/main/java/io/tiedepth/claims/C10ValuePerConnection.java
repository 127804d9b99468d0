package io.tiedepth.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * C10, each connection is worth the same (the "$948 per address-book contact" of seed 001).
 *
 * <p>Always {@code not_testable}: the exports hold no value of a connection (revenue, jobs, advice); the $948 comes
 * from IBM's regression of consultants' revenue on their e-mail networks (Wu, Lin, Aral &amp; Brynjolfsson 2009),
 * an association within one firm. Reported instead, in {@code extra}, is the proxy "interactions per tie" by size
 * class: median and owners per class (a class with fewer than {@code k_min} owners is suppressed). If each
 * connection were worth the same, the proxy would not fall with network size.
 */
public final class C10ValuePerConnection implements Claim {

    @Override
    public String id() {
        return "C10";
    }

    @Override
    public String seeds() {
        return "001";
    }

    @Override
    public String statement() {
        return "Each connection is worth the same ($948 each)";
    }

    @Override
    public String statistic(ClaimParams params) {
        return "not directly testable from exports; proxy: median interactions_per_tie by size class";
    }

    @Override
    public double nullValue() {
        return Double.NaN;
    }

    /** Not testable from exports: no estimate. */
    @Override
    public double estimate(ClaimInputs inputs, ClaimParams params) {
        return Double.NaN;
    }

    @Override
    public ClaimResult evaluate(ClaimInputs all, ClaimParams params) {
        ClaimInputs in = all.where(r -> r.nTies() >= 1 && !Double.isNaN(r.get(OwnerMetric.INTERACTIONS_PER_TIE)));
        Map<String, String> extra = new LinkedHashMap<>();
        for (String size : SizeClass.LABELS) {
            List<Double> values = new ArrayList<>();
            for (OwnerRow r : in.rows()) {
                if (size.equals(SizeClass.of(r.nTies()))) {
                    values.add(r.get(OwnerMetric.INTERACTIONS_PER_TIE));
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            extra.put("owners[" + size + "]", params.owners(values.size()));
            String median = "suppressed";
            if (values.size() >= params.kMin()) {
                double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
                median = Fmt.num(new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(v, 50));
            }
            extra.put("median_interactions_per_tie[" + size + "]", median);
        }
        return ClaimResult.notTestable(this, params, "exports hold no value of a connection (revenue, jobs, advice); "
                + "the $948 is IBM's regression of consultants' revenue on their e-mail networks (Wu et al. 2009). "
                + "Proxy only: median interactions per tie by size class (extra)", in.size(), in.ties(), extra);
    }
}
