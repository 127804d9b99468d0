package io.tiedepth.jobs;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cause of a failure in words an operator can act on, without personal data: our own "Cannot ..." messages
 * as they are, well-known system causes (disk full, missing file, permission denied, out of memory) by a fixed
 * phrase, anything else only by its exception types. Exception messages from libraries are never printed, since
 * they may quote a file name or a value read from an export.
 */
public final class Errors {
    private static final String MISSING = "a file or folder it needs does not exist";

    private Errors() {
    }

    /** One line: the first "Cannot ..." message in the cause chain, else the known cause, else the types. */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Cannot ")) {
                return t.getMessage();
            }
        }
        String known = cause(e);
        return known.equals(types(e)) ? known : known + " (" + types(e) + ")";
    }

    /** The known system cause in the chain ("no space left on device"...), else the chain's exception types. */
    public static String cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
                return "no space left on device";
            }
            if (t instanceof OutOfMemoryError) {
                return "out of memory (raise TIEDEPTH_DRIVER_MEMORY or the executors' memory)";
            }
            if (t instanceof AccessDeniedException || m.contains("permission denied")) {
                return "permission denied";
            }
            if (t instanceof NoSuchFileException || t instanceof FileNotFoundException
                    || m.contains("path does not exist") || m.contains("path_not_found")) {
                return MISSING;
            }
        }
        return types(e);
    }

    /** True when the cause is a missing file or folder (a warehouse or table not there): an unreadable input. */
    public static boolean missingPath(Throwable e) {
        return cause(e).equals(MISSING);
    }

    /** The exception types of the cause chain, outermost first, without messages. */
    static String types(Throwable e) {
        List<String> names = new ArrayList<>();
        for (Throwable t = e; t != null && names.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            names.add(t.getClass().getSimpleName());
        }
        return String.join(" caused by ", names);
    }
}
