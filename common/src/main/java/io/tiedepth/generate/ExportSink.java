package io.tiedepth.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Where one export is written: a folder, or a .zip built with {@link ZipOutputStream}. Files are written one at a
 * time ({@link #open}, write, close). Zip entries carry a fixed local time (the export's), never the clock or the
 * machine's time zone, so the same owner gives byte-identical archives anywhere.
 */
public abstract class ExportSink implements Closeable {
    private final List<String> paths = new ArrayList<>();

    /** A folder export at {@code dir} (created). */
    public static ExportSink folder(Path dir) throws IOException {
        return new Folder(dir);
    }

    /** A zip export at {@code file}; entries dated {@code entryTime}. */
    public static ExportSink zip(Path file, LocalDateTime entryTime) throws IOException {
        return new Zip(file, entryTime);
    }

    /** Opens the member {@code path} ('/'-separated, relative); closing the stream finishes the member. */
    public final OutputStream open(String path) throws IOException {
        paths.add(path);
        return openMember(path);
    }

    /** The members written, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    protected abstract OutputStream openMember(String path) throws IOException;

    /** Where the export is (the folder or the .zip). */
    public abstract Path location();

    private static final class Folder extends ExportSink {
        private final Path dir;

        Folder(Path dir) throws IOException {
            this.dir = dir;
            Files.createDirectories(dir);
        }

        @Override
        protected OutputStream openMember(String path) throws IOException {
            Path f = dir.resolve(path);
            Files.createDirectories(f.getParent());
            return new BufferedOutputStream(Files.newOutputStream(f), 1 << 16);
        }

        @Override
        public Path location() {
            return dir;
        }

        @Override
        public void close() {
        }
    }

    private static final class Zip extends ExportSink {
        private final Path file;
        private final LocalDateTime entryTime;
        private final ZipOutputStream zip;

        Zip(Path file, LocalDateTime entryTime) throws IOException {
            this.file = file;
            this.entryTime = entryTime;
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        @Override
        protected OutputStream openMember(String path) throws IOException {
            ZipEntry e = new ZipEntry(path);
            e.setTimeLocal(entryTime);
            zip.putNextEntry(e);
            return new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    zip.closeEntry();
                }
            };
        }

        @Override
        public Path location() {
            return file;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
