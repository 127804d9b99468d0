package io.tiedepth.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

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
 * The same size and ratio limits hold for a {@code .gz} or {@code .bz2} member decompressed while it is read
 * ({@link #decompressed}), whose ratio is measured against the compressed bytes consumed so far.
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

    /** True when a member is decompressed while it is read: its name ends with .gz or .bz2 (any case). */
    public static boolean isCompressed(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".gz") || p.endsWith(".bz2");
    }

    /**
     * The decompressed bytes of a {@code .gz} (concatenated members read too) or {@code .bz2} stream, streamed,
     * under {@link #MAX_ENTRY_BYTES} and {@link #MAX_RATIO}.
     */
    static InputStream decompressed(InputStream raw, String path) throws IOException {
        Counted counted = new Counted(raw);
        InputStream inflated = path.toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new GzipCompressorInputStream(counted, true) : new BZip2CompressorInputStream(counted, true);
        return new Guard(inflated, () -> counted.count, new long[1]);
    }

    /** Counts the compressed bytes consumed. */
    private static final class Counted extends FilterInputStream {
        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Counts the bytes a member expands to and fails past the limits. */
    static final class Guard extends FilterInputStream {
        private final LongSupplier compressed;
        private final long[] archiveTotal;
        private long read;

        Guard(InputStream in, long compressedSize, long[] archiveTotal) {
            this(in, () -> compressedSize, archiveTotal);
        }

        Guard(InputStream in, LongSupplier compressedSize, long[] archiveTotal) {
            super(in);
            this.compressed = compressedSize;
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
            if (read > RATIO_GRACE_BYTES && read / Math.max(1, compressed.getAsLong()) > MAX_RATIO) {
                throw new IOException("Cannot read member: it expands more than " + MAX_RATIO
                        + " times its compressed size (zip bomb?)");
            }
        }
    }
}
