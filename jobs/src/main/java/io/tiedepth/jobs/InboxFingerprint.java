package io.tiedepth.jobs;

import io.tiedepth.source.Inbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the inbox looked like to the last {@code run} that left every stage current, so that the next run can tell,
 * before Spark starts and without reading a byte of any donation, that nothing changed (README "Nightly runs").
 *
 * <p>The fingerprint is a SHA-256 over the study key's fingerprint and the sorted list of (path relative to the
 * inbox, kind, size, last-modified time) of everything ingest would read: each export {@link Inbox#discover} finds
 * (so dot-files and documentation beside the exports count as they do for ingest: not at all), and, in an export
 * folder, every file and link under it (as the folder reader lists them, dot-files included). No run parameter
 * enters it: none decides whether a stage is current (markers alone do, {@link Stages}).
 *
 * <p>Danger (its blind spot): a file replaced by one of the same size and the same modification time is not seen.
 * Touching the file, or any change to the inbox, makes the next run read everything again.
 *
 * <p>It is recorded in {@code _stages/inbox} (local warehouses only) with the run ids of the stages it was recorded
 * against, written to a temporary name and renamed.
 */
final class InboxFingerprint {
    static final String FILE = Stages.DIR + "/inbox";
    private static final String VERSION = "tiedepth-inbox-fingerprint-1";

    private InboxFingerprint() {
    }

    /** The inbox as it looks now: its fingerprint and the number of donations found (ingest's {@code sources}). */
    record Listing(String fingerprint, int sources) {
    }

    /**
     * A recorded fingerprint.
     *
     * @param runId       the run that recorded it
     * @param generations the run ids of the stages' latest publications then, in {@link Stages#ORDER}
     */
    record Recorded(String fingerprint, String runId, List<String> generations) {
        String text() {
            return "fingerprint=" + fingerprint + "\nrun_id=" + runId + "\nstages=" + String.join(",", generations)
                    + "\n";
        }

        static Optional<Recorded> parse(String text) {
            String fingerprint = null;
            String runId = null;
            List<String> generations = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("fingerprint=")) {
                    fingerprint = line.substring("fingerprint=".length()).strip();
                } else if (line.startsWith("run_id=")) {
                    runId = line.substring("run_id=".length()).strip();
                } else if (line.startsWith("stages=")) {
                    generations = List.of(line.substring("stages=".length()).strip().split(","));
                }
            }
            return fingerprint == null || runId == null || generations == null ? Optional.empty()
                    : Optional.of(new Recorded(fingerprint, runId, generations));
        }
    }

    /** The inbox's fingerprint for a run with the study key of fingerprint {@code keyFingerprint}. */
    static Listing of(Path inbox, String keyFingerprint) throws IOException {
        List<Path> exports = Inbox.discover(inbox);
        List<String> entries = new ArrayList<>();
        for (Path export : exports) {
            if (Files.isDirectory(export, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> under = Files.walk(export)) {
                    for (Path p : under.toList()) {
                        entries.add(entry(inbox, p));
                    }
                }
            } else {
                entries.add(entry(inbox, export));
            }
        }
        entries.sort(null);
        MessageDigest sha = sha256();
        sha.update((VERSION + "\nkey=" + keyFingerprint + "\n").getBytes(StandardCharsets.UTF_8));
        for (String e : entries) {
            sha.update((e + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Listing(HexFormat.of().formatHex(sha.digest()), exports.size());
    }

    /**
     * {@code path \t kind \t size \t modified (ns)}, the path relative to the inbox, with / separators; a folder's
     * size and time are 0 (what it holds is listed).
     */
    private static String entry(Path inbox, Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String kind = a.isSymbolicLink() ? "link" : a.isDirectory() ? "dir" : a.isRegularFile() ? "file" : "other";
        return inbox.relativize(p).toString().replace('\\', '/') + "\t" + kind + "\t"
                + (a.isDirectory() ? "0\t0" : a.size() + "\t" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /** The fingerprint recorded in the (local) warehouse, if any readable one. */
    static Optional<Recorded> read(Path warehouse) throws IOException {
        Path file = warehouse.resolve(FILE);
        return Files.isRegularFile(file) ? Recorded.parse(Files.readString(file, StandardCharsets.UTF_8))
                : Optional.empty();
    }

    /** Records {@code r} in the (local) warehouse: a temporary file renamed over the previous record. */
    static void record(Path warehouse, Recorded r) throws IOException {
        Path file = warehouse.resolve(FILE);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.createDirectories(file.getParent());
        Files.writeString(tmp, r.text(), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
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
