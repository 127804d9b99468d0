package io.tiedepth.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An export unpacked in a folder. Symbolic links are not followed. */
final class FolderExport extends ExportSource {
    private final Path root;
    private List<String> raw;

    FolderExport(Path root) {
        this.root = root;
    }

    @Override
    protected List<String> rawPaths() throws IOException {
        if (raw == null) {
            List<String> out = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
            }
            out.sort(null);
            raw = out;
        }
        return raw;
    }

    @Override
    protected InputStream openRaw(String rawPath) throws IOException {
        return Files.newInputStream(root.resolve(rawPath));
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
