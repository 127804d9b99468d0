package io.tiedepth.ingest.canonical;

import io.tiedepth.ingest.ExportReader;
import io.tiedepth.ingest.FileTally;
import io.tiedepth.ingest.network.NetworkDescriptor;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.Reject;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical tables already pseudonymized by another tool (DESIGN §2 item 5): a folder or .zip holding a
 * {@value CanonicalManifest#FILE_NAME} manifest ({@link CanonicalManifest}) and the table files it names, each a
 * CSV or a Parquet file with the canonical columns ({@link CanonicalTable}: those of {@code ties},
 * {@code interactions} and {@code invitations} without {@code export_id}).
 *
 * <p><b>Recognition.</b> By the manifest alone: file names such as {@code ties.csv} are too common to mean
 * anything, and a canonical header could be a coincidence. This reader comes first in {@link
 * io.tiedepth.ingest.Readers#all()}, so a canonical export that also holds, say, a {@code Connections.csv} is read
 * as canonical; an export holding both this manifest and a network descriptor is rejected as ambiguous
 * ({@code ambiguous_export}).
 *
 * <p><b>Rows.</b> Every data row is checked column by column ({@link ColumnRules}): a bad row is rejected with the
 * file, {@code line N} (CSV) or {@code row N} (Parquet) and a reason naming the column and the shape of the bad
 * value. A table may also be a folder of part files ({@code <folder>/*.parquet}, as Spark writes it): each part
 * is a file of its own in the statistics. A file whose header lacks a required column, names a canonical column twice, or (Parquet) has a column of
 * a type that cannot hold its values is rejected as one row, with a warning; so is a file named by the manifest
 * but missing ({@code missing_file}) or unreadable. Absent optional columns and unknown extra columns are
 * warnings. A file that breaks mid-way keeps the rows before. A Parquet member of a .zip is first copied to a
 * temporary file (owner-only permissions, bounded by the {@link io.tiedepth.source.ArchiveLimits}, deleted after
 * reading), since Parquet needs random access.
 *
 * <p><b>Owners and ids.</b> Each distinct ({@code owner_id}, {@code platform}) of the accepted rows is one part
 * ({@link Owners}), with part {@code <owner_id>/<platform>} and format_era {@code canonical-csv},
 * {@code canonical-parquet} or {@code canonical-mixed}. Given ids are taken as the platform's account ids and
 * re-keyed by the {@link io.tiedepth.ingest.Resolver} under the study key: owner_id and contact_id become
 * HMAC({@code id:<platform>:<given id>}), thread_id HMAC({@code thread:<platform>:<owner key>:<given id>}). So no
 * given id reaches an output, and one given id stays one person within the study: in every part, every file and
 * every canonical donation that uses the same given ids for the same platform.
 *
 * <p><b>File statistics across parts.</b> As for network datasets, the file statistics, all rejects and the
 * export's warnings are recorded once, on the first part (which says so in a warning); the other parts list no
 * files. So every part balances (read = accepted + rejected) and the sums over the parts are the export's totals.
 * An export with no accepted row at all is rejected as a whole ({@code no_rows}, with the first reject's reason).
 */
public final class CanonicalReader implements ExportReader {
    public static final String PLATFORM = "canonical";

    private final Path tempDir;

    public CanonicalReader() {
        this(null);
    }

    /** @param tempDir where a zipped Parquet member is copied while it is read; null for the system default */
    CanonicalReader(Path tempDir) {
        this.tempDir = tempDir;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public boolean recognises(ExportSource source) throws IOException {
        return source.find(CanonicalManifest.FILE_NAME).isPresent();
    }

    @Override
    public List<ParsedExport> read(ExportSource source) throws IOException, ReadException {
        Optional<String> found = source.find(CanonicalManifest.FILE_NAME);
        if (found.isEmpty()) {
            throw new ReadException("missing_manifest", "Cannot read canonical tables: no "
                    + CanonicalManifest.FILE_NAME + " in the export", CanonicalManifest.FILE_NAME, 0);
        }
        String manifestPath = found.get();
        if (source.find(NetworkDescriptor.FILE_NAME).isPresent()) {
            throw new ReadException("ambiguous_export", "Cannot read export: it holds both "
                    + CanonicalManifest.FILE_NAME + " and " + NetworkDescriptor.FILE_NAME
                    + "; keep the one that describes it", manifestPath, 0);
        }
        String base = manifestPath.substring(0, manifestPath.lastIndexOf('/') + 1);
        CanonicalManifest manifest;
        try (InputStream in = source.open(manifestPath)) {
            manifest = CanonicalManifest.parse(in, manifestPath);
        }
        ColumnRules rules = new ColumnRules(manifest.platforms());
        ParsedExport ledger = new ParsedExport(PLATFORM);
        Owners owners = new Owners();
        Set<CanonicalManifest.Format> formats = EnumSet.noneOf(CanonicalManifest.Format.class);
        for (CanonicalTable table : CanonicalTable.values()) {
            String file = manifest.file(table);
            if (file == null) {
                continue;
            }
            formats.add(CanonicalManifest.Format.of(file));
            List<String> members = CanonicalManifest.members(source.paths(), base, file);
            if (members.isEmpty()) {
                FileTally tally = new FileTally(ledger, base + file);
                tally.failFile("file", "missing_file", "Cannot read " + file + ": " + (file.contains("*")
                        ? "no file in the export matches this pattern of " + CanonicalManifest.FILE_NAME + " ("
                        + table.key() + ")"
                        : "the file named by " + CanonicalManifest.FILE_NAME + " (" + table.key()
                        + ") is not in the export"));
                tally.finish();
            }
            for (String member : members) {
                readFile(source, member, table, rules, owners, ledger);
            }
        }
        if (owners.size() == 0) {
            long rejected = ledger.files().values().stream().mapToLong(FileStats::rejected).sum();
            Reject first = ledger.rejects().isEmpty() ? null : ledger.rejects().get(0);
            throw new ReadException("no_rows", "Cannot read canonical tables: no accepted row in any file ("
                    + rejected + " rejected" + (first == null ? "" : "; first: " + first.file() + " "
                    + first.location() + ": " + first.reason()) + ")", manifestPath, 0);
        }
        String era = formats.size() > 1 ? "canonical-mixed"
                : formats.contains(CanonicalManifest.Format.CSV) ? "canonical-csv" : "canonical-parquet";
        List<ParsedExport> parts = owners.parts(era);
        ParsedExport first = parts.get(0);
        ledger.files().values().forEach(first::fileStats);
        first.rejects().addAll(ledger.rejects());
        first.warnings().add("canonical tables: the file statistics, rejects and warnings of all " + parts.size()
                + " parts (one per owner and platform) are recorded on this part");
        first.warnings().addAll(ledger.warnings());
        return parts;
    }

    private void readFile(ExportSource source, String path, CanonicalTable table, ColumnRules rules, Owners owners,
                          ParsedExport ledger) throws IOException {
        FileTally tally = new FileTally(ledger, path);
        String base = path.substring(path.lastIndexOf('/') + 1);
        Path copy = null;
        InputStream text = null;
        TableFile rows = null;
        try {
            if (CanonicalManifest.Format.of(path) == CanonicalManifest.Format.CSV) {
                text = source.open(path);
                rows = CsvTableFile.open(text, table, path);
            } else {
                Optional<Path> local = source.localFile(path);
                if (local.isEmpty()) {
                    try {
                        copy = copyOut(source, path);
                    } catch (IOException e) {
                        tally.failFile("file", "unreadable_member", "Cannot read " + base + ": " + safe(e));
                        return;
                    }
                }
                rows = ParquetTableFile.open(local.orElse(copy), table, path);
            }
            rows.warnings().forEach(ledger::warn);
            read(rows, table, rules, owners, tally);
        } catch (ReadException e) {
            tally.reject(e.line() > 0 ? "line " + e.line() : "file", e.reasonCode(), e.getMessage());
            ledger.warn(e.getMessage());
        } catch (IOException e) {
            String where = rows == null ? "file" : rows.nextLocation();
            tally.failFile(where, "unreadable_file", "Cannot read " + base
                    + (rows == null ? ": " : " from " + where + " on: ") + safe(e)
                    + (rows == null ? "" : "; the rows before it are kept"));
        } finally {
            closeQuietly(rows);
            closeQuietly(text);
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
            tally.finish();
        }
    }

    private static void read(TableFile rows, CanonicalTable table, ColumnRules rules, Owners owners,
                             FileTally tally) throws IOException, ReadException {
        for (TableFile.Row row = rows.next(); row != null; row = rows.next()) {
            if (row.cells() == null) {
                tally.reject(row.location(), row.code(), row.problem());
                continue;
            }
            try {
                owners.add(table, rules.check(table, row.cells()));
                tally.accept();
            } catch (ColumnRules.BadRow bad) {
                tally.reject(row.location(), bad.code(), bad.getMessage());
            }
        }
    }

    /** Copies an archive member to a temporary file readable by its owner only; the caller deletes it. */
    private Path copyOut(ExportSource source, String path) throws IOException {
        Path tmp = tempDir == null ? Files.createTempFile("tiedepth-canonical-", ".parquet")
                : Files.createTempFile(tempDir, "tiedepth-canonical-", ".parquet");
        try (InputStream in = source.openBinary(path)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Closes after reading: every row is already counted, so a failure to close loses nothing. */
    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                // nothing was lost: the file has been read
            }
        }
    }

    /** An exception's message when it is one of ours ("Cannot ..."), else only its type: no content leaks. */
    private static String safe(Throwable e) {
        String m = e.getMessage();
        return m != null && m.startsWith("Cannot ") ? m : e.getClass().getSimpleName();
    }
}
