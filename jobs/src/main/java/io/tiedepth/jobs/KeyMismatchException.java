package io.tiedepth.jobs;

/**
 * The study key differs from the key the warehouse was written with (their fingerprints differ): using it would
 * give the same person two ids in one study. Exit code {@link ExitCodes#KEY_MISMATCH}.
 */
public final class KeyMismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyMismatchException(String message) {
        super(message);
    }
}
