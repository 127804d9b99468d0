package io.tiedepth.jobs;

public final class SummaryAccess {
    public static String claims(java.util.List<io.tiedepth.claims.ClaimResult> c) {
        return Summary.claims(c);
    }
}
