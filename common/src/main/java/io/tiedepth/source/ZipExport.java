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
 * (encryption, unsupported compression) fail on {@link #open(String)} with the reason.
 */
final class ZipExport extends ExportSource {
    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> entries = new HashMap<>();

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
    protected List<String> rawPaths() {
        if (entries.isEmpty()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
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
        return zip.getInputStream(e);
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
