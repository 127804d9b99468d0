package io.tiedepth.jobs;

/** The inbox, warehouse or key file cannot be read. Exit code {@link ExitCodes#UNREADABLE_INPUT}. */
public final class UnreadableInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableInputException(String message) {
        super(message);
    }
}
