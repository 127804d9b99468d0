package io.tiedepth.jobs;

/** Process exit codes of every command (documented in README, "Exit codes"). */
public final class ExitCodes {
    /** Success, or nothing new to do. */
    public static final int OK = 0;
    /** Bad arguments: unknown option, missing value, invalid number or date. */
    public static final int BAD_ARGUMENTS = 2;
    /** The input (inbox, warehouse, key file) cannot be read. */
    public static final int UNREADABLE_INPUT = 3;
    /** A stage failed; the published outputs are those of the previous successful run. */
    public static final int STAGE_FAILED = 4;
    /** The study key's fingerprint differs from the one the warehouse was written with; nothing was written. */
    public static final int KEY_MISMATCH = 5;
    /** Another command holds the warehouse's lock ({@link WarehouseLock}); nothing was written (EX_TEMPFAIL). */
    public static final int WAREHOUSE_BUSY = 75;

    private ExitCodes() {
    }
}
