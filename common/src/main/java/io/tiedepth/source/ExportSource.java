package io.tiedepth.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * One donated export, a folder or a .zip, seen as a list of member paths ('/'-separated, relative, with a single
 * wrapper folder such as {@code facebook-<user>-<date>/} removed) that can be opened as streams one at a time;
 * an archive is never held in memory. Operating-system litter ({@code __MACOSX/}, {@code .DS_Store}) and the
 * generator's {@link SyntheticMarker} are skipped.
 */
public abstract class ExportSource implements Closeable {
    private List<String> paths;
    private String prefix = "";
    private boolean synthetic;
    private final Map<String, Long> invalidUtf8 = new TreeMap<>();

    /** Opens a folder or a .zip; anything else is refused with the reason. */
    public static ExportSource open(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            return new FolderExport(location);
        }
        if (Files.isRegularFile(location) && location.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return new ZipExport(location);
        }
        throw new IOException("Cannot open export: not a folder or a .zip file");
    }

    /** Raw member paths as stored, '/'-separated, files only. */
    protected abstract List<String> rawPaths() throws IOException;

    /** Opens a raw member path. */
    protected abstract InputStream openRaw(String rawPath) throws IOException;

    /** Size in bytes of the export (the archive, or the sum of the folder's files). */
    public abstract long sizeBytes() throws IOException;

    /** SHA-256 (hex) of the export's bytes; see {@link ExportIds}. */
    public abstract String exportId() throws IOException;

    /** Member paths, wrapper folder removed, sorted. */
    public final List<String> paths() throws IOException {
        if (paths == null) {
            List<String> raw = new ArrayList<>();
            for (String p : rawPaths()) {
                if (SyntheticMarker.isMarker(p)) {
                    synthetic = true;
                } else if (!isLitter(p)) {
                    raw.add(p);
                }
            }
            prefix = wrapperPrefix(raw);
            List<String> stripped = new ArrayList<>(raw.size());
            for (String p : raw) {
                stripped.add(p.substring(prefix.length()));
            }
            stripped.sort(null);
            paths = List.copyOf(stripped);
        }
        return paths;
    }

    /**
     * Whether the export holds the {@link SyntheticMarker} ({@value SyntheticMarker#FILE_NAME}, at the root or in the
     * wrapper folder): it was written by {@code tiedepth generate}. The marker is never among {@link #paths()}.
     */
    public final boolean synthetic() throws IOException {
        paths();
        return synthetic;
    }

    /** The wrapper folder removed from every member path ("dir/"), or "" when there is none. */
    protected final String wrapper() throws IOException {
        paths();
        return prefix;
    }

    public final InputStream open(String path) throws IOException {
        paths();
        return new Utf8Check(openRaw(prefix + path), () -> invalidUtf8.merge(path, 1L, Long::sum));
    }

    /**
     * Opens a text member that may be compressed: a name ending in {@code .gz} or {@code .bz2} is decompressed
     * while it is read, under the archive limits ({@link ArchiveLimits#decompressed}); any other member is opened
     * as by {@link #open(String)}. The UTF-8 check applies to the decompressed bytes.
     */
    public final InputStream openDecompressing(String path) throws IOException {
        if (!ArchiveLimits.isCompressed(path)) {
            return open(path);
        }
        paths();
        return new Utf8Check(ArchiveLimits.decompressed(openRaw(prefix + path), path),
                () -> invalidUtf8.merge(path, 1L, Long::sum));
    }

    /**
     * Opens a binary member (a Parquet file): the bytes as stored, not checked as UTF-8 text. The archive limits
     * hold as for {@link #open(String)}.
     */
    public final InputStream openBinary(String path) throws IOException {
        paths();
        return openRaw(prefix + path);
    }

    /**
     * The member as a file on the local disk, when the export is a folder (so a reader that needs random access
     * can use it in place); empty for an archive member, which must be copied out through {@link #openBinary}.
     */
    public Optional<Path> localFile(String path) throws IOException {
        return Optional.empty();
    }

    /**
     * Members read so far that held bytes which are not valid UTF-8, with the number of invalid sequences
     * (decoded as U+FFFD by the readers). UTF-16 members (with a byte-order mark) are not checked.
     */
    public final Map<String, Long> invalidUtf8() {
        return Map.copyOf(invalidUtf8);
    }

    /**
     * The first member whose path ends with {@code suffix}, compared case-insensitively on whole path segments
     * (so {@code "Connections.csv"} finds {@code Connections.csv} and {@code data/connections.csv}).
     */
    public final Optional<String> find(String suffix) throws IOException {
        String s = suffix.toLowerCase(Locale.ROOT);
        for (String p : paths()) {
            String lp = p.toLowerCase(Locale.ROOT);
            if (lp.equals(s) || lp.endsWith("/" + s)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static boolean isLitter(String p) {
        String name = p.substring(p.lastIndexOf('/') + 1);
        return p.startsWith("__MACOSX/") || name.equals(".DS_Store") || name.equals("Thumbs.db") || p.endsWith("/");
    }

    /**
     * "dir/" when every path sits under one common top-level folder, else "". A platform's own root folder
     * ({@code messages/}, {@code your_facebook_activity/}, X's {@code data/}, see {@link Inbox}) is not a wrapper:
     * an export of only that section keeps it.
     */
    static String wrapperPrefix(List<String> paths) {
        String top = null;
        for (String p : paths) {
            int slash = p.indexOf('/');
            if (slash < 0) {
                return "";
            }
            String first = p.substring(0, slash + 1);
            if (top == null) {
                top = first;
            } else if (!top.equals(first)) {
                return "";
            }
        }
        if (top == null || Inbox.ROOT_FOLDERS.contains(top.substring(0, top.length() - 1).toLowerCase(Locale.ROOT))) {
            return "";
        }
        return top;
    }
}
