package io.tiedepth.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * An export as a .zip, read through Commons Compress's random-access {@link ZipFile}: members are streamed one at
 * a time from the central directory, never extracted to disk or held whole in memory. Entries that cannot be read
 * (encryption, unsupported compression) fail on {@link #open(String)} with the reason; the
 * {@link ArchiveLimits} hold for every member.
 */
final class ZipExport extends ExportSource {
    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> entries = new HashMap<>();
    private final long[] expanded = new long[1];

    ZipExport(Path file) throws IOException {
        this.file = file;
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot open export: not a readable zip archive (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    @Override
    protected List<String> rawPaths() throws IOException {
        if (entries.isEmpty()) {
            List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
            if (all.size() > ArchiveLimits.MAX_ENTRIES) {
                throw new IOException("Cannot open export: the archive has " + all.size() + " members, more than "
                        + ArchiveLimits.MAX_ENTRIES);
            }
            for (ZipArchiveEntry e : all) {
                if (ArchiveLimits.unsafePath(e.getName())) {
                    throw new IOException("Cannot open export: the archive has a member whose path is absolute or "
                            + "climbs out with '..' (zip slip)");
                }
                if (!e.isDirectory()) {
                    entries.put(e.getName().replace('\\', '/'), e);
                }
            }
        }
        List<String> names = new ArrayList<>(entries.keySet());
        names.sort(null);
        return names;
    }

    @Override
    protected InputStream openRaw(String rawPath) throws IOException {
        rawPaths();
        ZipArchiveEntry e = entries.get(rawPath);
        if (e == null) {
            throw new IOException("Cannot open member: not in the archive");
        }
        if (!zip.canReadEntryData(e)) {
            throw new IOException("Cannot read member: encrypted or compressed with an unsupported method");
        }
        return new ArchiveLimits.Guard(zip.getInputStream(e), e.getCompressedSize(), expanded);
    }

    @Override
    public long sizeBytes() throws IOException {
        return Files.size(file);
    }

    @Override
    public String exportId() throws IOException {
        return ExportIds.ofFile(file);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
