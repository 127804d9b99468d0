package io.tiedepth.jobs;

/**
 * Test hook for kill tests: with the system property {@value #PROPERTY} set to a point's name, reaching that point
 * throws {@link InjectedFault}, an {@link Error} that no stage catches, so the run stops there without any clean-up,
 * as if the process had been killed. Unset in normal runs; the points are listed in README's "Reliability".
 */
public final class Faults {
    public static final String PROPERTY = "tiedepth.fault";

    private Faults() {
    }

    public static void point(String name) {
        if (name.equals(System.getProperty(PROPERTY))) {
            throw new InjectedFault(name);
        }
    }

    /** The simulated kill. */
    public static final class InjectedFault extends Error {
        private static final long serialVersionUID = 1L;

        InjectedFault(String point) {
            super("injected fault at " + point);
        }
    }
}
