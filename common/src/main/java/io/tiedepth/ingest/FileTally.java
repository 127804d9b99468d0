package io.tiedepth.ingest;

import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.Reject;

/**
 * Counts the rows of one file as they are accepted or rejected and, on {@link #finish()}, records them in
 * {@link ParsedExport#fileStats}, so that {@code read = accepted + rejected} holds by construction. The file name
 * given must already be safe to write (thread folders pseudonymized).
 */
public final class FileTally {
    private final ParsedExport out;
    private final String file;
    private long accepted;
    private long rejected;
    private boolean finished;

    public FileTally(ParsedExport out, String file) {
        this.out = out;
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void accept() {
        accepted++;
    }

    /** Quarantines one row; {@code reason} must describe the shape, never quote the row. */
    public void reject(String location, String reasonCode, String reason) {
        rejected++;
        out.reject(new Reject(file, location, reasonCode, reason));
    }

    /**
     * The rest of the file cannot be read: one reject (counted as one row) and a warning; rows handled before
     * stay counted.
     */
    public void failFile(String location, String reasonCode, String reason) {
        reject(location, reasonCode, reason);
        out.warn(reason + " (" + file + ")");
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return rejected;
    }

    /** Records the counts once; later calls do nothing. */
    public void finish() {
        if (!finished) {
            finished = true;
            out.fileStats(new FileStats(file, accepted + rejected, accepted, rejected));
        }
    }
}
