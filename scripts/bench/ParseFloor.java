import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The benchmark's parse floor (issue 15; run by scripts/bench.sh, never by the build or the tests): one thread reads
 * every byte of an inbox the way the plainest Java would, every file under it in path order, a {@code .zip}'s
 * members streamed through {@link ZipInputStream} (inflated, not parsed), and counts the lines ('\n' bytes). What
 * ingest does beyond this (CSV and JSON parsing, dates, pseudonymizing, Parquet) is its own cost, so this rate
 * bounds what a single core can ingest.
 *
 * <pre>
 *   ParseFloor INBOX
 * </pre>
 * Prints one line, the last word being the rate in MB/s (10^6 bytes of the files on disk per second of the read
 * loop, JVM start not included): {@code parse floor: F files (Z zips, M members), D MB on disk, U MB read, L lines;
 * T s; R MB/s}.
 */
public final class ParseFloor {
    private static final int BUFFER = 1 << 16;

    private long files;
    private long zips;
    private long members;
    private long diskBytes;
    private long readBytes;
    private long lines;
    private final byte[] buffer = new byte[BUFFER];

    private ParseFloor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ParseFloor INBOX");
            System.exit(2);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ParseFloor f = new ParseFloor();
        long start = System.nanoTime();
        for (Path p : paths) {
            f.read(p);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "parse floor: %d files (%d zips, %d members), %.1f MB on disk, %.1f MB read, "
                        + "%d lines; %.2f s; %.1f MB/s%n", f.files, f.zips, f.members, f.diskBytes / 1e6,
                f.readBytes / 1e6, f.lines, seconds, seconds > 0 ? f.diskBytes / 1e6 / seconds : 0.0);
    }

    private void read(Path p) throws IOException {
        files++;
        diskBytes += Files.size(p);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p), BUFFER)) {
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                zips++;
                ZipInputStream zip = new ZipInputStream(in);
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (!e.isDirectory()) {
                        members++;
                        drain(zip);
                    }
                }
            } else {
                drain(in);
            }
        }
    }

    private void drain(InputStream in) throws IOException {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            readBytes += n;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
