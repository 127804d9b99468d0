package io.tiedepth.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * export_id = SHA-256 of the export's bytes, hex. For a .zip: the archive file's bytes (so
 * {@code sha256sum export.zip} prints the same id). For a folder: SHA-256 over its member files
 * ({@link ExportSource#paths()}: wrapper folder removed, operating-system litter skipped) in sorted path order, each
 * contributing {@code path '\0' size(8 bytes, big-endian) content}; the same files give the same id wherever the
 * folder lies, whether or not they sit in a wrapper folder (an inbox grouping folder holding a single donation looks
 * like one), and a {@code .DS_Store} left by opening the folder does not change it.
 */
public final class ExportIds {
    private static final int BUFFER = 1 << 16;

    private ExportIds() {
    }

    public static String ofFile(Path file) throws IOException {
        MessageDigest sha = sha256();
        digest(file, sha);
        return HexFormat.of().formatHex(sha.digest());
    }

    public static String ofFolder(Path root, List<String> sortedRelativePaths) throws IOException {
        MessageDigest sha = sha256();
        for (String rel : sortedRelativePaths) {
            Path f = root.resolve(rel);
            sha.update(rel.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            long size = Files.size(f);
            for (int i = 7; i >= 0; i--) {
                sha.update((byte) (size >>> (8 * i)));
            }
            digest(f, sha);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digest(Path file, MessageDigest sha) throws IOException {
        byte[] buf = new byte[BUFFER];
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            while (in.read(buf) >= 0) {
                // the DigestInputStream updates sha
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
