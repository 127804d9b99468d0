package io.tiedepth.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Limits that keep a hostile archive from exhausting memory, disk or time. An export breaking one is rejected as a
 * whole with the reason; the defaults are far above any real export (the largest LinkedIn {@code messages.csv}
 * seen is tens of MB):
 * <ul>
 *   <li>{@value #MAX_ENTRIES} members at most;</li>
 *   <li>{@value #MAX_ENTRY_BYTES} bytes (1 GiB) uncompressed per member, and {@value #MAX_TOTAL_BYTES} bytes
 *       (8 GiB) over the whole archive, counted while reading (declared sizes can lie);</li>
 *   <li>an expansion ratio (uncompressed / compressed) of at most {@value #MAX_RATIO} once a member has expanded
 *       past {@value #RATIO_GRACE_BYTES} bytes (zip bombs reach ratios of 1,000 and more; text compresses about
 *       5–20×);</li>
 *   <li>no member path that is absolute or climbs out with {@code ..} ("zip slip": nothing is ever extracted,
 *       but such an archive is hostile and is refused).</li>
 * </ul>
 */
public final class ArchiveLimits {
    public static final int MAX_ENTRIES = 100_000;
    public static final long MAX_ENTRY_BYTES = 1L << 30;
    public static final long MAX_TOTAL_BYTES = 8L << 30;
    public static final int MAX_RATIO = 200;
    public static final long RATIO_GRACE_BYTES = 1L << 20;

    private ArchiveLimits() {
    }

    /** True when a member path is absolute, has a drive letter, or has a {@code ..} segment. */
    public static boolean unsafePath(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Counts the bytes a member expands to and fails past the limits. */
    static final class Guard extends FilterInputStream {
        private final long compressed;
        private final long[] archiveTotal;
        private long read;

        Guard(InputStream in, long compressedSize, long[] archiveTotal) {
            super(in);
            this.compressed = Math.max(1, compressedSize);
            this.archiveTotal = archiveTotal;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            archiveTotal[0] += n;
            if (read > MAX_ENTRY_BYTES) {
                throw new IOException("Cannot read member: it expands beyond " + MAX_ENTRY_BYTES + " bytes");
            }
            if (archiveTotal[0] > MAX_TOTAL_BYTES) {
                throw new IOException("Cannot read export: the archive expands beyond " + MAX_TOTAL_BYTES + " bytes");
            }
            if (read > RATIO_GRACE_BYTES && read / compressed > MAX_RATIO) {
                throw new IOException("Cannot read member: it expands more than " + MAX_RATIO
                        + " times its compressed size (zip bomb?)");
            }
        }
    }
}
