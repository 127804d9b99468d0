package io.tiedepth.ingest.network;

import io.tiedepth.ingest.ExportReader;
import io.tiedepth.ingest.network.DelimitedLines.Row;
import io.tiedepth.ingest.network.NetworkDescriptor.Column;
import io.tiedepth.ingest.network.NetworkDescriptor.EventFile;
import io.tiedepth.ingest.network.NetworkDescriptor.Layout;
import io.tiedepth.ingest.network.NetworkDescriptor.TieFile;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.Reject;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Research network datasets (DESIGN §2 item 4): a folder or .zip holding a {@value NetworkDescriptor#FILE_NAME}
 * descriptor ({@link NetworkDescriptor}) and the tie and event files it names, e.g. the Copenhagen Networks Study
 * or a SNAP/KONECT temporal edge list. Recognised by the descriptor alone.
 *
 * <p><b>Ego extraction.</b> Every node that appears in an accepted row (of a tie file or of an event file) becomes
 * an owner: one {@link ParsedExport} per node, platform {@code network}, {@code part} = the node id (so its
 * export_id is {@code SHA-256(<dataset id>#<node id>)}, see {@link io.tiedepth.ingest.Ingestor#partId}). The owner
 * and every contact are account ids {@code <descriptor name>/<node id>}: node ids are only unique inside one
 * dataset, so the descriptor's {@code name} is part of the person key. See {@link EgoNetwork} for how rows become
 * ties and interactions. Parts come in node-id order (numeric ids numerically).
 *
 * <p><b>Rows.</b> A data row is a non-blank, non-comment line that is not the header. It is rejected, with file,
 * {@code line N} and a reason that never quotes the line, when it is longer than
 * {@value DelimitedLines#MAX_LINE_CHARS} characters ({@code line_too_long}); has a different number of fields than
 * the header, or, without a header, than the first row wide enough for the declared columns
 * ({@code field_count}); has an empty node id ({@code missing_node}); has a time that is not a number or out of
 * range ({@code bad_time}); has a duration that is not a whole number of seconds, negative (other than
 * {@code missed_value}) or out of range ({@code bad_duration}; an empty duration is accepted as unknown); or names the same node twice ({@code self_pair}:
 * one reject per row, not per side). Everything else is accepted, including exact repeats: a repeated event is a
 * real repeated interaction; a repeated link becomes one tie (the resolver merges it, with a warning).
 * <b>Missed calls</b>: a duration equal to {@code missed_value} is an attempted interaction; the row is kept
 * (it counts for frequency, direction and reciprocity) with {@code duration_s} null, so it stays apart from a
 * 0-second answered call; a warning counts them per file.
 *
 * <p><b>File statistics across parts.</b> A row fans out to two parts, so rows cannot be counted per part. The
 * dataset's file statistics, all its rejects and its dataset-level warnings are recorded once, on the first part
 * (the smallest node id), which says so in a warning; the other parts list no files. So every part balances
 * (read = accepted + rejected) and the sums over the dataset's export rows are the dataset's totals. A file that
 * is missing or cannot be read counts as one rejected row ({@code missing_file}, {@code unreadable_file},
 * {@code missing_column}) with a warning; an empty file counts as zero rows with a warning. A dataset with no
 * accepted row at all is rejected as a whole ({@code no_nodes}).
 *
 * <p><b>Memory and streaming.</b> Each file is read once, line by line, with bounded line length. Accepted rows
 * are held compactly ({@link EgoNetwork}: about 9 bytes per tie row, 21 per event row, 120 per node), and the
 * returned list builds each node's {@link ParsedExport} only when it is asked for ({@code get(i)} builds a fresh
 * one each time), so only one node's raw rows exist at a time. What the caller keeps of them (the
 * {@link io.tiedepth.ingest.Ingestor} keeps every part's canonical rows) is the caller's bound: about two
 * interaction rows per event.
 */
public final class NetworkReader implements ExportReader {
    public static final String PLATFORM = "network";

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public boolean recognises(ExportSource source) throws IOException {
        return source.find(NetworkDescriptor.FILE_NAME).isPresent();
    }

    @Override
    public List<ParsedExport> read(ExportSource source) throws IOException, ReadException {
        Optional<String> found = source.find(NetworkDescriptor.FILE_NAME);
        if (found.isEmpty()) {
            throw new ReadException("missing_descriptor", "Cannot read network dataset: no "
                    + NetworkDescriptor.FILE_NAME + " in it", NetworkDescriptor.FILE_NAME, 0);
        }
        String descriptorPath = found.get();
        String base = descriptorPath.substring(0, descriptorPath.lastIndexOf('/') + 1);
        NetworkDescriptor d;
        try (InputStream in = source.open(descriptorPath)) {
            d = NetworkDescriptor.parse(in, descriptorPath);
        }
        ParsedExport ledger = new ParsedExport(PLATFORM);
        EgoNetwork net = new EgoNetwork(PLATFORM, d);
        for (int i = 0; i < d.ties().size(); i++) {
            new FileRead(source, base + d.ties().get(i).file(), d.ties().get(i).layout(), ledger)
                    .ties(net, i, d.ties().get(i), "ties[" + i + "]");
        }
        for (int i = 0; i < d.events().size(); i++) {
            new FileRead(source, base + d.events().get(i).file(), d.events().get(i).layout(), ledger)
                    .events(net, i, d.events().get(i), "events[" + i + "]");
        }
        if (net.nodes() == 0) {
            if (ledger.rejects().stream().allMatch(r -> r.reasonCode().equals("missing_file"))) {
                throw new ReadException("no_nodes", "Cannot read network dataset: none of the files its descriptor "
                        + "names is present (a public dataset is not shipped with tiedepth: fetch it with "
                        + "scripts/get-dataset)", descriptorPath, 0);
            }
            long rejected = ledger.files().values().stream().mapToLong(FileStats::rejected).sum();
            throw new ReadException("no_nodes", "Cannot read network dataset: no accepted row in any file ("
                    + rejected + " rejected)", descriptorPath, 0);
        }
        net.index();
        ledger.warnings().add(0, "network dataset: the file statistics, rejects and warnings of all "
                + net.nodes() + " parts (one per node) are recorded on this part");
        return new Egos(net, ledger);
    }

    /** The parts, built on demand; the first one also carries the ledger. */
    private static final class Egos extends AbstractList<ParsedExport> implements RandomAccess {
        private final EgoNetwork net;
        private final ParsedExport ledger;

        Egos(EgoNetwork net, ParsedExport ledger) {
            this.net = net;
            this.ledger = ledger;
        }

        @Override
        public ParsedExport get(int index) {
            if (index < 0 || index >= net.nodes()) {
                throw new IndexOutOfBoundsException(index);
            }
            ParsedExport p = net.ego(index);
            if (index == 0) {
                ledger.files().values().forEach(p::fileStats);
                p.rejects().addAll(ledger.rejects());
                p.warnings().addAll(ledger.warnings());
            }
            return p;
        }

        @Override
        public int size() {
            return net.nodes();
        }
    }

    /** One pass over one file, counting every row into the ledger. */
    private static final class FileRead {
        private final ExportSource source;
        private final String path;
        private final Layout layout;
        private final ParsedExport ledger;
        private long read;
        private long accepted;
        private long rejected;
        private int expectedWidth = -1;
        private int neededWidth;

        FileRead(ExportSource source, String path, Layout layout, ParsedExport ledger) {
            this.source = source;
            this.path = path;
            this.layout = layout;
            this.ledger = ledger;
        }

        void ties(EgoNetwork net, int fileIndex, TieFile spec, String key) throws IOException {
            run(key, List.of(spec.source(), spec.target()), (row, idx) -> {
                String s = row.fields()[idx[0]];
                String t = row.fields()[idx[1]];
                if (s.isEmpty() || t.isEmpty()) {
                    return reject(row, "missing_node", "source or target node id is empty");
                }
                if (s.equals(t)) {
                    return reject(row, "self_pair", "source and target are the same node");
                }
                net.addTie(fileIndex, s, t);
                return true;
            });
        }

        void events(EgoNetwork net, int fileIndex, EventFile spec, String key) throws IOException {
            List<Column> cols = spec.duration() == null
                    ? List.of(spec.time(), spec.source(), spec.target())
                    : List.of(spec.time(), spec.source(), spec.target(), spec.duration());
            long epochMillis = spec.epoch().toEpochMilli();
            long[] missed = {0};
            run(key, cols, (row, idx) -> {
                String s = row.fields()[idx[1]];
                String t = row.fields()[idx[2]];
                if (s.isEmpty() || t.isEmpty()) {
                    return reject(row, "missing_node", "source or target node id is empty");
                }
                long at;
                try {
                    at = Math.addExact(epochMillis, millis(row.fields()[idx[0]], spec.timeUnit()));
                } catch (NumberFormatException e) {
                    return reject(row, "bad_time", "time is not a number");
                } catch (ArithmeticException e) {
                    return reject(row, "bad_time", "time is out of range");
                }
                if (s.equals(t)) {
                    return reject(row, "self_pair", "source and target are the same node");
                }
                int duration = EgoNetwork.NO_DURATION;
                if (spec.duration() != null && !row.fields()[idx[3]].isEmpty()) {
                    long v;
                    try {
                        v = Long.parseLong(row.fields()[idx[3]]);
                    } catch (NumberFormatException e) {
                        return reject(row, "bad_duration", "duration is not a whole number of seconds");
                    }
                    if (spec.missedValue() != null && v == spec.missedValue()) {
                        missed[0]++;
                    } else if (v < 0) {
                        return reject(row, "bad_duration", "duration is negative");
                    } else if (v > Integer.MAX_VALUE) {
                        return reject(row, "bad_duration", "duration is out of range");
                    } else {
                        duration = (int) v;
                    }
                }
                net.addEvent(fileIndex, at, s, t, duration);
                return true;
            });
            if (missed[0] > 0) {
                ledger.warn(path + ": " + missed[0] + " missed call(s) (duration " + spec.missedValue()
                        + ") kept as attempted " + spec.channel() + " interactions with duration_s null");
            }
        }

        private interface RowHandler {
            /** True when the row was accepted; a rejected row has already been recorded. */
            boolean handle(Row row, int[] columnIndexes);
        }

        private void run(String key, List<Column> columns, RowHandler handler) throws IOException {
            if (!source.paths().contains(path)) {
                fileFailure("missing_file", "Cannot read " + path + ": the file named by " + key
                        + ".file is not in the dataset");
                return;
            }
            long lastLine = 0;
            try (InputStream in = source.openDecompressing(path);
                 DelimitedLines lines = new DelimitedLines(in, layout)) {
                int[] idx = new int[columns.size()];
                if (layout.header()) {
                    List<String> header = lines.header();
                    if (header == null) {
                        ledger.warn(path + ": the file is empty (no header line)");
                        ledger.fileStats(new FileStats(path, 0, 0, 0));
                        return;
                    }
                    expectedWidth = header.size();
                    for (int i = 0; i < idx.length; i++) {
                        Column c = columns.get(i);
                        idx[i] = c.name() != null ? header.indexOf(c.name().toLowerCase(Locale.ROOT))
                                : c.index();
                        if (idx[i] < 0 || idx[i] >= expectedWidth) {
                            fileFailure("missing_column", "Cannot read " + path + ": the header has no column "
                                    + c + " (" + key + ".columns)");
                            return;
                        }
                    }
                } else {
                    for (int i = 0; i < idx.length; i++) {
                        idx[i] = columns.get(i).index();
                    }
                }
                for (int i : idx) {
                    neededWidth = Math.max(neededWidth, i + 1);
                }
                Row row;
                while ((row = lines.next()) != null) {
                    lastLine = row.line();
                    read++;
                    if (row.tooLong()) {
                        reject(row, "line_too_long", "line is longer than " + DelimitedLines.MAX_LINE_CHARS
                                + " characters");
                    } else if (widthOk(row) && handler.handle(row, idx)) {
                        accepted++;
                    }
                }
                if (read == 0) {
                    ledger.warn(path + ": the file has no data rows");
                }
            } catch (IOException e) {
                read++;
                rejected++;
                ledger.reject(new Reject(path, "line " + (lastLine + 1), "unreadable_file", "Cannot read " + path
                        + " after line " + lastLine + ": " + e.getClass().getSimpleName()));
                ledger.warn(path + ": unreadable after line " + lastLine + "; the rows before it are kept");
            }
            ledger.fileStats(new FileStats(path, read, accepted, rejected));
        }

        private boolean widthOk(Row row) {
            int w = row.width();
            if (expectedWidth < 0) {
                if (w < neededWidth) {
                    return reject(row, "field_count", "has " + w + " field(s), the declared columns need at least "
                            + neededWidth);
                }
                expectedWidth = w;
                return true;
            }
            if (w != expectedWidth) {
                return reject(row, "field_count", "has " + w + " field(s), expected " + expectedWidth
                        + (layout.header() ? " as in the header" : " as in the file's first row"));
            }
            return true;
        }

        private boolean reject(Row row, String code, String reason) {
            rejected++;
            ledger.reject(new Reject(path, "line " + row.line(), code, reason));
            return false;
        }

        private void fileFailure(String code, String reason) {
            ledger.reject(new Reject(path, "file", code, reason));
            ledger.warn(reason);
            ledger.fileStats(new FileStats(path, 1, 0, 1));
        }
    }

    /**
     * A time value in milliseconds: a whole number, or a decimal (rounded down to the millisecond), in
     * {@code unit}s.
     *
     * @throws NumberFormatException when it is not a number
     * @throws ArithmeticException   when it does not fit
     */
    static long millis(String value, NetworkDescriptor.TimeUnit unit) {
        if (value.isEmpty() || value.length() > 40) {
            throw new NumberFormatException();
        }
        try {
            return Math.multiplyExact(Long.parseLong(value), unit.millis());
        } catch (NumberFormatException e) {
            BigDecimal v = new BigDecimal(value);
            if (v.scale() < -40 || v.scale() > 40) {
                throw new ArithmeticException();
            }
            return v.multiply(BigDecimal.valueOf(unit.millis())).setScale(0, RoundingMode.FLOOR).longValueExact();
        }
    }
}
