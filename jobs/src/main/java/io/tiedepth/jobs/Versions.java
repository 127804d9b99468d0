package io.tiedepth.jobs;

/** The tool's version, from the jar manifest when packaged. */
public final class Versions {
    public static final String TIEDEPTH = version();

    private Versions() {
    }

    private static String version() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
