package io.tiedepth.jobs;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One writer per warehouse: an exclusive operating-system lock on {@code <warehouse>/_lock}, taken by every command
 * that writes to the warehouse before it recovers or writes anything, and released when the command ends (or its
 * process dies: a killed run never leaves a stale lock). A second writer fails at once with
 * {@link WarehouseBusyException} (exit code 75) and touches nothing, so it can never delete the live staging of the
 * first.
 *
 * <p>Danger: only warehouses on a local or mounted file system (a path or {@code file:} URI) are locked; on another
 * Hadoop file system (HDFS, S3...) there is no lock and the scheduler must keep to one writer per warehouse (a
 * warning says so).
 */
public final class WarehouseLock implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(WarehouseLock.class);
    static final String FILE = "_lock";
    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the warehouse's lock, creating the warehouse folder if needed. */
    public static WarehouseLock acquire(Warehouse warehouse) throws IOException {
        Path root = localPath(warehouse.root());
        if (root == null) {
            LOG.warn("warehouse {} is not on a local file system: no lock is taken, keep to one writer at a time",
                    warehouse.root());
            return new WarehouseLock(null, null);
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IOException("Cannot create the warehouse folder " + root + ": " + Errors.cause(e), e);
        }
        FileChannel channel = FileChannel.open(root.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new WarehouseBusyException("Cannot write to the warehouse " + root + ": another tiedepth command "
                    + "holds its lock (" + root.resolve(FILE) + "); try again when it has finished");
        }
        return new WarehouseLock(channel, lock);
    }

    /** The local path of a warehouse root, or null when it is on another Hadoop file system. */
    static Path localPath(String root) {
        if (!root.contains(":/")) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        URI uri = URI.create(root);
        return "file".equals(uri.getScheme()) ? Path.of(uri).toAbsolutePath().normalize() : null;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            lock.release();
            channel.close();
        }
    }

    /** Another command holds the warehouse's lock. */
    public static final class WarehouseBusyException extends IOException {
        private static final long serialVersionUID = 1L;

        WarehouseBusyException(String message) {
            super(message);
        }
    }
}
