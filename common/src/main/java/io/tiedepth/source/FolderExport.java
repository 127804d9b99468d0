package io.tiedepth.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An export unpacked in a folder. Symbolic links are never followed: an export folder that is a link, or that
 * holds one anywhere, is refused as a whole ({@link SymbolicLinkException}).
 */
final class FolderExport extends ExportSource {
    private final Path root;
    private List<String> raw;

    FolderExport(Path root) {
        this.root = root;
    }

    @Override
    protected List<String> rawPaths() throws IOException {
        if (raw == null) {
            if (Files.isSymbolicLink(root)) {
                throw new SymbolicLinkException("Cannot read export: the export folder is a symbolic link, and links"
                        + " are never followed");
            }
            List<String> out = new ArrayList<>();
            long links = 0;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.toList()) {
                    if (Files.isSymbolicLink(p)) {
                        links++;
                    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.add(root.relativize(p).toString().replace('\\', '/'));
                    }
                }
            }
            if (links > 0) {
                throw new SymbolicLinkException("Cannot read export: it holds " + links + " symbolic link(s), and "
                        + "links are never followed");
            }
            out.sort(null);
            raw = out;
        }
        return raw;
    }

    @Override
    protected InputStream openRaw(String rawPath) throws IOException {
        return Files.newInputStream(root.resolve(rawPath), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<Path> localFile(String path) throws IOException {
        if (!paths().contains(path)) {
            return Optional.empty();
        }
        return Optional.of(root.resolve(wrapper() + path));
    }

    @Override
    public long sizeBytes() throws IOException {
        long total = 0;
        for (String p : rawPaths()) {
            total += Files.size(root.resolve(p));
        }
        return total;
    }

    @Override
    public String exportId() throws IOException {
        return ExportIds.ofFolder(root.resolve(wrapper()), paths());
    }

    @Override
    public void close() {
    }
}
