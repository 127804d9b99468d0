package io.tiedepth.jobs;

/** Bad command-line arguments; the message says which option and why. Exit code {@link ExitCodes#BAD_ARGUMENTS}. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
